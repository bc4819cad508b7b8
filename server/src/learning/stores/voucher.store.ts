import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

export function lockVoucher(db: Db, orgId: string, code: string) {
  return db
    .selectFrom('vouchers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

export async function redeemVoucher(db: Db, id: string) {
  await db
    .updateTable('vouchers')
    .set({ redeemed: sql`redeemed + 1` })
    .where('id', '=', id)
    .execute();
}

export function insertVoucher(
  db: Db,
  v: {
    orgId: string;
    code: string;
    microcredentialId: string | null;
    maxRedemptions: number;
    expiresAt: Date | null;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('vouchers')
    .values({
      org_id: v.orgId,
      code: v.code,
      microcredential_id: v.microcredentialId,
      max_redemptions: v.maxRedemptions,
      expires_at: v.expiresAt,
      created_by: v.createdBy,
    })
    .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function listVouchers(db: Db, orgId: string) {
  return db.selectFrom('vouchers').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').execute();
}
