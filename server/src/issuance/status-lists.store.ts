import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import type { IssuerIdentifier } from '../db/schema.js';

export const STATUS_LIST_SIZE = 131_072;

/**
 * Locks the newest list of an organisation's identifier that still has room, creating the next
 * one when there is none. List numbers are shared by both identifiers of an organisation, so a
 * list's URL names one list whoever signs it.
 */
export async function lockListWithRoom(db: Db, orgId: string, identifier: IssuerIdentifier = 'did:web') {
  const newestOf = () =>
    db
      .selectFrom('status_lists')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('issuer_identifier', '=', identifier)
      .orderBy('list_number', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
  const current = await newestOf();
  // Keep a quarter of each list free so random probing stays fast and indexes stay unpredictable.
  if (current && current.allocated_count < current.size * 0.75) return { list: current, isNew: false };
  const empty = new Uint8Array(STATUS_LIST_SIZE / 8);
  // Two first issuances (or one per identifier) may race for the next number: the loser retries.
  for (let attempt = 0; attempt < 5; attempt++) {
    const created = await db
      .insertInto('status_lists')
      .values((eb) => ({
        org_id: orgId,
        list_number: eb.selectFrom('status_lists').select(sql<number>`coalesce(max(list_number), 0) + 1`.as('n')).where('org_id', '=', orgId),
        issuer_identifier: identifier,
        size: STATUS_LIST_SIZE,
        allocated: empty,
        revocation: empty,
        suspension: empty,
      }))
      .onConflict((oc) => oc.columns(['org_id', 'list_number']).doNothing())
      .returning('list_number')
      .executeTakeFirst();
    if (created) {
      const list = await db.selectFrom('status_lists').selectAll().where('org_id', '=', orgId).where('list_number', '=', created.list_number).forUpdate().executeTakeFirstOrThrow();
      return { list, isNew: true };
    }
    // Someone else made one: it may be ours to use.
    const other = await newestOf();
    if (other && other.list_number !== current?.list_number && other.allocated_count < other.size * 0.75) return { list: other, isNew: false };
  }
  throw new Error(`Could not create a status list for organisation ${orgId}`);
}

/**
 * Locks every status list of these organisations in one statement, in organisation id order,
 * for a transaction that signs for several of them: two such transactions then never hold
 * one organisation's lists while waiting for the other's (a deadlock).
 */
export async function lockListsOfOrganizations(db: Db, orgIds: readonly string[]) {
  if (orgIds.length === 0) return;
  await db
    .selectFrom('status_lists')
    .select(['org_id', 'list_number'])
    .where('org_id', 'in', [...orgIds])
    .orderBy('org_id')
    .orderBy('list_number')
    .forUpdate()
    .execute();
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
