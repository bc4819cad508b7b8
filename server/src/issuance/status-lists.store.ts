import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import type { IssuerIdentifier } from '../db/schema.js';

export const STATUS_LIST_SIZE = 131_072;

/** What allocating needs of a list: a few columns, never its bitstrings. */
export type ListForAllocation = {
  list_number: number;
  size: number;
  allocated_count: number;
  permutation_key: Uint8Array;
};

/**
 * Locks the newest list of an organisation's identifier that hands out indexes by permutation
 * and still has room, creating the next one when there is none. List numbers are shared by
 * both identifiers of an organisation, so a list's URL names one list whoever signs it.
 * Reads and locks the small columns only: the lock is held until the caller commits.
 */
export async function lockListWithRoom(
  db: Db,
  orgId: string,
  identifier: IssuerIdentifier = 'did:web',
): Promise<{ list: ListForAllocation; isNew: boolean }> {
  const newestOf = async () => {
    const row = await db
      .selectFrom('status_lists')
      .select(['list_number', 'size', 'allocated_count', 'permutation_key'])
      .where('org_id', '=', orgId)
      .where('issuer_identifier', '=', identifier)
      .where('permutation_key', 'is not', null)
      .orderBy('list_number', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    return row as ListForAllocation | undefined;
  };
  const current = await newestOf();
  if (current && current.allocated_count < current.size) return { list: current, isNew: false };
  const empty = new Uint8Array(STATUS_LIST_SIZE / 8);
  // Two first issuances (or one per identifier) may race for the next number: the loser retries.
  for (let attempt = 0; attempt < 5; attempt++) {
    const created = await db
      .insertInto('status_lists')
      .values((eb) => ({
        org_id: orgId,
        list_number: eb
          .selectFrom('status_lists')
          .select(sql<number>`coalesce(max(list_number), 0) + 1`.as('n'))
          .where('org_id', '=', orgId),
        issuer_identifier: identifier,
        size: STATUS_LIST_SIZE,
        // Permutation lists never read this bitmap: the count of positions handed out is enough.
        allocated: new Uint8Array(0),
        revocation: empty,
        suspension: empty,
        permutation_key: randomBytes(16),
      }))
      .onConflict((oc) => oc.columns(['org_id', 'list_number']).doNothing())
      .returning('list_number')
      .executeTakeFirst();
    if (created) {
      const list = await db
        .selectFrom('status_lists')
        .select(['list_number', 'size', 'allocated_count', 'permutation_key'])
        .where('org_id', '=', orgId)
        .where('list_number', '=', created.list_number)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return { list: list as ListForAllocation, isNew: true };
    }
    // Someone else made one: it may be ours to use.
    const other = await newestOf();
    if (other && other.list_number !== current?.list_number && other.allocated_count < other.size)
      return { list: other, isNew: false };
  }
  throw new Error(`Could not create a status list for organisation ${orgId}`);
}

/** Counts `count` more positions of a locked list as handed out. */
export async function advanceAllocation(db: Db, orgId: string, listNumber: number, count: number) {
  await db
    .updateTable('status_lists')
    .set({ allocated_count: sql`allocated_count + ${count}`, updated_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('list_number', '=', listNumber)
    .execute();
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
  return db
    .selectFrom('status_lists')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('list_number', '=', listNumber)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function saveStatusBits(
  db: Db,
  orgId: string,
  listNumber: number,
  bits: {
    revocation?: Uint8Array;
    suspension?: Uint8Array;
    revocationCredential?: string;
    suspensionCredential?: string;
  },
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
