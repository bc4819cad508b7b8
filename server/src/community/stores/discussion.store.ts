/** SQL of discussion threads and posts. */
import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

export type SpaceKey = { orgId: string; microcredentialId: string; cohortId: string | null };

/** Threads of a space, latest activity first; hidden ones only for moderators. */
export function listThreads(db: Db, space: SpaceKey, options: { includeHidden: boolean }) {
  let q = db
    .selectFrom('discussion_threads as t')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .select([
      't.id',
      't.title',
      't.author_id',
      'u.name as authorName',
      't.is_locked',
      't.hidden_at',
      't.created_at',
      't.last_post_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('discussion_posts as p')
        .whereRef('p.thread_id', '=', 't.id')
        .where('p.hidden_at', 'is', null)
        .select(sql<string>`count(*)::text`.as('n'))
        .as('replyCount'),
    )
    .where('t.org_id', '=', space.orgId)
    .where('t.microcredential_id', '=', space.microcredentialId);
  q = space.cohortId === null ? q.where('t.cohort_id', 'is', null) : q.where('t.cohort_id', '=', space.cohortId);
  if (!options.includeHidden) q = q.where('t.hidden_at', 'is', null);
  return q.orderBy('t.last_post_at', 'desc').limit(200).execute();
}

export function insertThread(db: Db, t: SpaceKey & { authorId: string; title: string; body: string; now: Date }) {
  return db
    .insertInto('discussion_threads')
    .values({
      org_id: t.orgId,
      microcredential_id: t.microcredentialId,
      cohort_id: t.cohortId,
      author_id: t.authorId,
      title: t.title,
      body: t.body,
      created_at: t.now,
      last_post_at: t.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findThread(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('discussion_threads as t')
    .innerJoin('users as u', 'u.id', 't.author_id')
    .select([
      't.id',
      't.org_id',
      't.microcredential_id',
      't.cohort_id',
      't.author_id',
      'u.name as authorName',
      't.title',
      't.body',
      't.is_locked',
      't.hidden_at',
      't.created_at',
    ])
    .where('t.id', '=', id);
  if (options.forUpdate) q = q.forUpdate('t');
  return q.executeTakeFirst();
}

export function listPosts(db: Db, orgId: string, threadId: string, options: { includeHidden: boolean }) {
  let q = db
    .selectFrom('discussion_posts as p')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select(['p.id', 'p.author_id', 'u.name as authorName', 'p.body', 'p.hidden_at', 'p.created_at'])
    .where('p.org_id', '=', orgId)
    .where('p.thread_id', '=', threadId);
  if (!options.includeHidden) q = q.where('p.hidden_at', 'is', null);
  return q.orderBy('p.created_at').orderBy('p.id').limit(1000).execute();
}

export async function insertPost(
  db: Db,
  p: { orgId: string; threadId: string; authorId: string; body: string; now: Date },
) {
  const row = await db
    .insertInto('discussion_posts')
    .values({ org_id: p.orgId, thread_id: p.threadId, author_id: p.authorId, body: p.body, created_at: p.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('discussion_threads')
    .set({ last_post_at: p.now })
    .where('id', '=', p.threadId)
    .where('org_id', '=', p.orgId)
    .execute();
  return row;
}

export function findPost(db: Db, id: string) {
  return db
    .selectFrom('discussion_posts')
    .select(['id', 'org_id', 'thread_id', 'author_id', 'hidden_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function setThreadLocked(db: Db, orgId: string, id: string, isLocked: boolean) {
  return db
    .updateTable('discussion_threads')
    .set({ is_locked: isLocked })
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .execute();
}

export function setThreadHidden(db: Db, orgId: string, id: string, hidden: { at: Date; by: string } | null) {
  return db
    .updateTable('discussion_threads')
    .set({ hidden_at: hidden?.at ?? null, hidden_by: hidden?.by ?? null })
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .execute();
}

export function setPostHidden(db: Db, orgId: string, id: string, hidden: { at: Date; by: string } | null) {
  return db
    .updateTable('discussion_posts')
    .set({ hidden_at: hidden?.at ?? null, hidden_by: hidden?.by ?? null })
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .execute();
}

/** Learners with a live enrolment in the programme (the people of a programme-wide discussion). */
export function listEnrolledLearners(db: Db, orgId: string, microcredentialId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.learner_id')
    .select(['u.id', 'u.name'])
    .distinct()
    .where('e.org_id', '=', orgId)
    .where('e.microcredential_id', '=', microcredentialId)
    .where('e.status', '<>', 'withdrawn')
    .limit(5000)
    .execute();
}

/** Everyone who wrote in the thread (its author and repliers), for reply notifications. */
export async function listThreadParticipants(db: Db, orgId: string, threadId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('discussion_posts')
    .select('author_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('thread_id', '=', threadId)
    .execute();
  return rows.map((r) => r.author_id);
}
