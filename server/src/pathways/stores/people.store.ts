import type { Db } from '../../db/transaction.js';

// People pathways write to or walk over: users, and the admins who hear about suspended awards.

/** Owners and admins of an organisation, who hear about its awards being suspended. */
export function orgAdminEmails(db: Db, orgId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name'])
    .where('m.org_id', '=', orgId)
    .where('m.role', 'in', ['owner', 'admin'])
    .execute();
}

export function findUser(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', id).executeTakeFirst();
}

/** People, in id order, a batch at a time (keyset paging). */
export async function learnerIdsAfter(db: Db, after: string | null, limit: number) {
  let q = db.selectFrom('users').select('id').orderBy('id').limit(limit);
  if (after) q = q.where('id', '>', after);
  return (await q.execute()).map((r) => r.id);
}
