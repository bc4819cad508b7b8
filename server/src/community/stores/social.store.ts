/** SQL of peer profiles, direct messages, reports and digest notifications. */
import type { Db } from '../../db/transaction.js';
import type { CommunityNotificationKind } from '../../db/schema.js';

export function findProfile(db: Db, userId: string) {
  return db
    .selectFrom('peer_profiles')
    .select(['user_id', 'is_listed', 'headline', 'skills', 'shows_credentials', 'updated_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function upsertProfile(
  db: Db,
  p: { userId: string; isListed: boolean; headline: string; skills: string[]; showsCredentials: boolean; now: Date },
) {
  const values = {
    is_listed: p.isListed,
    headline: p.headline,
    skills: p.skills,
    shows_credentials: p.showsCredentials,
    updated_at: p.now,
  };
  return db
    .insertInto('peer_profiles')
    .values({ user_id: p.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** Listed profiles of these people. */
export function listListedProfiles(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('peer_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.name', 'p.headline', 'p.skills', 'p.shows_credentials'])
    .where('p.user_id', 'in', userIds)
    .where('p.is_listed', '=', true)
    .orderBy('u.name')
    .execute();
}

/** Credentials in force held by these people (names and issuers), for profiles that show them. */
export function listHeldCredentialNames(db: Db, userIds: string[], now: Date) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('credentials as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.recipient_user_id', 'c.credential_id', 'c.achievement_name', 'o.name as issuerName'])
    .where('c.recipient_user_id', 'in', userIds)
    .where('c.revoked_at', 'is', null)
    .where('c.suspended_at', 'is', null)
    .where((eb) => eb.or([eb('c.valid_until', 'is', null), eb('c.valid_until', '>', now)]))
    .orderBy('c.issued_at', 'desc')
    .limit(500)
    .execute();
}

export function insertMessage(
  db: Db,
  m: { orgId: string; cohortId: string; senderId: string; recipientId: string; body: string; now: Date },
) {
  return db
    .insertInto('direct_messages')
    .values({
      org_id: m.orgId,
      cohort_id: m.cohortId,
      sender_id: m.senderId,
      recipient_id: m.recipientId,
      body: m.body,
      created_at: m.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The conversation between two people in a cohort, oldest first. */
export function listConversation(db: Db, orgId: string, cohortId: string, a: string, b: string) {
  return db
    .selectFrom('direct_messages as m')
    .innerJoin('users as s', 's.id', 'm.sender_id')
    .select(['m.id', 'm.sender_id', 's.name as senderName', 'm.recipient_id', 'm.body', 'm.created_at', 'm.read_at'])
    .where('m.org_id', '=', orgId)
    .where('m.cohort_id', '=', cohortId)
    .where((eb) =>
      eb.or([
        eb.and([eb('m.sender_id', '=', a), eb('m.recipient_id', '=', b)]),
        eb.and([eb('m.sender_id', '=', b), eb('m.recipient_id', '=', a)]),
      ]),
    )
    .orderBy('m.created_at')
    .orderBy('m.id')
    .limit(500)
    .execute();
}

export function markConversationRead(db: Db, orgId: string, cohortId: string, reader: string, other: string, at: Date) {
  return db
    .updateTable('direct_messages')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('cohort_id', '=', cohortId)
    .where('recipient_id', '=', reader)
    .where('sender_id', '=', other)
    .where('read_at', 'is', null)
    .execute();
}

export function findMessage(db: Db, id: string) {
  return db
    .selectFrom('direct_messages')
    .select(['id', 'org_id', 'cohort_id', 'sender_id', 'recipient_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records a report once per person and item; false when already reported by them. */
export async function insertReport(
  db: Db,
  r: { orgId: string; reporterId: string; threadId?: string; postId?: string; messageId?: string; reason: string },
): Promise<boolean> {
  const row = await db
    .insertInto('community_reports')
    .values({
      org_id: r.orgId,
      reporter_id: r.reporterId,
      thread_id: r.threadId ?? null,
      post_id: r.postId ?? null,
      message_id: r.messageId ?? null,
      reason: r.reason,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Open reports about a space's threads and posts, for its moderators. */
export function listOpenReportsOfSpace(db: Db, orgId: string, microcredentialId: string, cohortId: string | null) {
  let q = db
    .selectFrom('community_reports as r')
    .leftJoin('discussion_posts as p', 'p.id', 'r.post_id')
    .innerJoin('discussion_threads as t', (j) =>
      j.on((eb) => eb.or([eb('t.id', '=', eb.ref('r.thread_id')), eb('t.id', '=', eb.ref('p.thread_id'))])),
    )
    .select([
      'r.id',
      'r.thread_id',
      'r.post_id',
      'r.reason',
      'r.created_at',
      't.title as threadTitle',
      't.id as inThreadId',
    ])
    .where('r.org_id', '=', orgId)
    .where('r.resolved_at', 'is', null)
    .where('t.microcredential_id', '=', microcredentialId);
  q = cohortId === null ? q.where('t.cohort_id', 'is', null) : q.where('t.cohort_id', '=', cohortId);
  return q.orderBy('r.created_at').limit(200).execute();
}

export function resolveReportsAbout(db: Db, orgId: string, about: { threadId?: string; postId?: string }, at: Date) {
  let q = db.updateTable('community_reports').set({ resolved_at: at }).where('org_id', '=', orgId);
  q = about.threadId ? q.where('thread_id', '=', about.threadId) : q.where('post_id', '=', about.postId ?? '');
  return q.where('resolved_at', 'is', null).execute();
}

export function insertNotifications(
  db: Db,
  rows: {
    orgId: string;
    userId: string;
    kind: CommunityNotificationKind;
    actorId: string;
    threadId?: string;
    messageId?: string;
  }[],
) {
  if (rows.length === 0) return Promise.resolve();
  return db
    .insertInto('community_notifications')
    .values(
      rows.map((r) => ({
        org_id: r.orgId,
        user_id: r.userId,
        kind: r.kind,
        actor_id: r.actorId,
        thread_id: r.threadId ?? null,
        message_id: r.messageId ?? null,
      })),
    )
    .execute()
    .then(() => undefined);
}

/** People with notifications not yet mailed, a page at a time. */
export function listUsersWithUnmailed(db: Db, afterUserId: string | null, limit: number) {
  let q = db
    .selectFrom('community_notifications')
    .select('user_id')
    .distinct()
    .where('mailed_at', 'is', null)
    .orderBy('user_id')
    .limit(limit);
  if (afterUserId) q = q.where('user_id', '>', afterUserId);
  return q.execute();
}

/** A person's unmailed notifications with what a digest line needs, locked so two digests cannot both send them. */
export function lockUnmailedOf(db: Db, userId: string) {
  return db
    .selectFrom('community_notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .leftJoin('discussion_threads as t', 't.id', 'n.thread_id')
    .leftJoin('direct_messages as m', 'm.id', 'n.message_id')
    .select([
      'n.id',
      'n.kind',
      'n.created_at',
      'u.email',
      'u.name',
      'a.name as actorName',
      't.id as threadId',
      't.title as threadTitle',
      'm.cohort_id as messageCohortId',
    ])
    .where('n.user_id', '=', userId)
    .where('n.mailed_at', 'is', null)
    .orderBy('n.created_at')
    .forUpdate('n')
    .skipLocked()
    .limit(200)
    .execute();
}

export function markMailed(db: Db, ids: string[], at: Date) {
  if (ids.length === 0) return Promise.resolve();
  return db
    .updateTable('community_notifications')
    .set({ mailed_at: at })
    .where('id', 'in', ids)
    .execute()
    .then(() => undefined);
}
