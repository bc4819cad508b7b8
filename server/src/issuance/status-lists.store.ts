import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';

export const STATUS_LIST_SIZE = 131_072;

/** Locks the newest list of an organisation that still has room, creating list 1 or the next one. */
export async function lockListWithRoom(db: Db, orgId: string) {
  const current = await db
    .selectFrom('status_lists')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('list_number', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  // Keep a quarter of each list free so random probing stays fast and indexes stay unpredictable.
  if (current && current.allocated_count < current.size * 0.75) return { list: current, isNew: false };
  const empty = new Uint8Array(STATUS_LIST_SIZE / 8);
  const listNumber = (current?.list_number ?? 0) + 1;
  await db
    .insertInto('status_lists')
    .values({ org_id: orgId, list_number: listNumber, size: STATUS_LIST_SIZE, allocated: empty, revocation: empty, suspension: empty })
    .onConflict((oc) => oc.columns(['org_id', 'list_number']).doNothing())
    .execute();
  const list = await db
    .selectFrom('status_lists')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('list_number', '=', listNumber)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { list, isNew: true };
}

export function lockList(db: Db, orgId: string, listNumber: number) {
  return db.selectFrom('status_lists').selectAll().where('org_id', '=', orgId).where('list_number', '=', listNumber).forUpdate().executeTakeFirstOrThrow();
}

export async function saveAllocation(db: Db, orgId: string, listNumber: number, allocated: Uint8Array) {
  await db
    .updateTable('status_lists')
    .set({ allocated, allocated_count: sql`allocated_count + 1`, updated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('list_number', '=', listNumber)
    .execute();
}

export async function saveStatusBits(
  db: Db,
  orgId: string,
  listNumber: number,
  bits: { revocation?: Uint8Array; suspension?: Uint8Array; revocationCredential?: string; suspensionCredential?: string },
) {
  await db
    .updateTable('status_lists')
    .set({
      ...(bits.revocation ? { revocation: bits.revocation } : {}),
      ...(bits.suspension ? { suspension: bits.suspension } : {}),
      ...(bits.revocationCredential ? { revocation_credential: bits.revocationCredential } : {}),
      ...(bits.suspensionCredential ? { suspension_credential: bits.suspensionCredential } : {}),
      updated_at: sql`now()`,
    })
    .where('org_id', '=', orgId)
    .where('list_number', '=', listNumber)
    .execute();
}

export function findPublishedList(db: Db, orgId: string, listNumber: number) {
  return db
    .selectFrom('status_lists')
    .select(['revocation_credential', 'suspension_credential', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('list_number', '=', listNumber)
    .executeTakeFirst();
}
