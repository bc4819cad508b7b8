import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import type { CandidateItemStatus } from '../db/schema.js';
import type { EventActor } from '../events/event-types.js';

const checkColumns = [
  'id',
  'org_id',
  'status',
  'total',
  'done',
  'actor_kind',
  'actor_user_id',
  'actor_api_key_id',
  'error',
  'created_at',
  'started_at',
  'finished_at',
  'delete_after',
] as const;

const itemColumns = [
  'position',
  'name',
  'source',
  'candidate_email',
  'status',
  'reason',
  'holder',
  'issuer',
  'achievement',
  'skills',
  'checked_at',
] as const;

export type NewItem = {
  name: string;
  source: 'file' | 'url';
  content: Buffer | null;
  url: string | null;
  candidateEmail: string | null;
};

export async function insertCheck(
  db: Db,
  check: { id: string; orgId: string; total: number; actor: EventActor; deleteAfter: Date },
) {
  await db
    .insertInto('candidate_checks')
    .values({
      id: check.id,
      org_id: check.orgId,
      total: check.total,
      actor_kind: check.actor.kind,
      actor_user_id: check.actor.kind === 'user' ? check.actor.userId : null,
      actor_api_key_id: check.actor.kind === 'apiKey' ? check.actor.apiKeyId : null,
      delete_after: check.deleteAfter,
    })
    .execute();
}

/** Items in inserts of 100: uploads can be megabytes each, so the statements stay modest. */
export async function insertItems(db: Db, checkId: string, orgId: string, items: NewItem[]) {
  for (let i = 0; i < items.length; i += 100) {
    await db
      .insertInto('candidate_check_items')
      .values(
        items.slice(i, i + 100).map((item, j) => ({
          check_id: checkId,
          org_id: orgId,
          position: i + j + 1,
          name: item.name.slice(0, 1000),
          source: item.source,
          url: item.url,
          content: item.content,
          candidate_email: item.candidateEmail,
        })),
      )
      .execute();
  }
}

export function findCheck(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('candidate_checks')
    .select(checkColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** For the job, which has only the id (the org comes from the row). */
export function findCheckById(db: Db, id: string) {
  return db.selectFrom('candidate_checks').select(checkColumns).where('id', '=', id).executeTakeFirst();
}

export type CheckRow = NonNullable<Awaited<ReturnType<typeof findCheckById>>>;

export function listChecks(db: Db, orgId: string, limit: number) {
  return db
    .selectFrom('candidate_checks')
    .select(checkColumns)
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function listItems(db: Db, orgId: string, checkId: string) {
  return db
    .selectFrom('candidate_check_items')
    .select(itemColumns)
    .where('org_id', '=', orgId)
    .where('check_id', '=', checkId)
    .orderBy('position')
    .execute();
}

export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

export async function markRunning(db: Db, id: string, now: Date) {
  await db
    .updateTable('candidate_checks')
    .set({ status: 'running', started_at: now })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** The next pending items with what is needed to check them. */
export function listPendingItems(db: Db, checkId: string, limit: number) {
  return db
    .selectFrom('candidate_check_items')
    .select(['position', 'name', 'source', 'url', 'content', 'candidate_email'])
    .where('check_id', '=', checkId)
    .where('status', '=', 'pending')
    .orderBy('position')
    .limit(limit)
    .execute();
}

export type PendingItem = Awaited<ReturnType<typeof listPendingItems>>[number];

export type ItemOutcome = {
  status: Exclude<CandidateItemStatus, 'pending'>;
  reason: string | null;
  holder: string | null;
  issuer: string | null;
  achievement: string | null;
  skills: { name: string; url: string | null }[];
};

/**
 * Records one item's outcome and counts it, once: an item another worker settled meanwhile is
 * left alone (and not counted again). True when this call settled it.
 */
export async function settleItem(db: Db, checkId: string, position: number, outcome: ItemOutcome, now: Date) {
  const result = await db
    .updateTable('candidate_check_items')
    .set({
      status: outcome.status,
      reason: outcome.reason?.slice(0, 1000) ?? null,
      holder: outcome.holder?.slice(0, 300) ?? null,
      issuer: outcome.issuer?.slice(0, 300) ?? null,
      achievement: outcome.achievement?.slice(0, 300) ?? null,
      skills: JSON.stringify(outcome.skills.slice(0, 100)),
      checked_at: now,
    })
    .where('check_id', '=', checkId)
    .where('position', '=', position)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await db
    .updateTable('candidate_checks')
    .set({ done: sql`done + 1` })
    .where('id', '=', checkId)
    .execute();
  return true;
}

/** Ends a check once no item is pending. */
export async function finishIfDone(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('candidate_checks')
    .set({ status: 'succeeded', finished_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('candidate_check_items')
            .select('position')
            .where('check_id', '=', id)
            .where('status', '=', 'pending'),
        ),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markFailed(db: Db, id: string, error: string, now: Date) {
  await db
    .updateTable('candidate_checks')
    .set({ status: 'failed', error: error.slice(0, 1000), finished_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Deletes checks (with their uploads and results) past their `delete_after`; how many went. */
export async function deleteChecksBefore(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('candidate_checks').where('delete_after', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Checks a server should (re)start: queued or running when the last process stopped. */
export function listUnfinishedCheckIds(db: Db) {
  return db.selectFrom('candidate_checks').select('id').where('status', 'in', ['queued', 'running']).execute();
}
