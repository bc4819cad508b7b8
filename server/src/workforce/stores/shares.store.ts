import type { Db } from '../../db/transaction.js';
import type { ShareScope } from '../../db/schema.js';

export function findShare(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('credential_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function listSharesOfUser(db: Db, userId: string) {
  return db
    .selectFrom('credential_shares as cs')
    .innerJoin('organizations as o', 'o.id', 'cs.org_id')
    .select(['cs.org_id', 'cs.scope', 'cs.credential_ids', 'cs.updated_at', 'o.slug', 'o.name'])
    .where('cs.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

export async function upsertShare(
  db: Db,
  share: { orgId: string; userId: string; scope: ShareScope; credentialIds: string[]; now: Date },
) {
  await db
    .insertInto('credential_shares')
    .values({
      org_id: share.orgId,
      user_id: share.userId,
      scope: share.scope,
      credential_ids: share.credentialIds,
      created_at: share.now,
      updated_at: share.now,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'user_id']).doUpdateSet({
        scope: share.scope,
        credential_ids: share.credentialIds,
        updated_at: share.now,
      }),
    )
    .execute();
}

export async function deleteShare(db: Db, orgId: string, userId: string) {
  const r = await db
    .deleteFrom('credential_shares')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The organisation by slug when `userId` is a member of it (with its roles). */
export function findMembershipBySlug(db: Db, slug: string, userId: string) {
  return db
    .selectFrom('organizations as o')
    .innerJoin('memberships as m', 'm.org_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name', 'o.roles'])
    .where('o.slug', '=', slug)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

/** Employers this person is a member of. */
export function listEmployerMemberships(db: Db, userId: string) {
  return db
    .selectFrom('organizations as o')
    .innerJoin('memberships as m', 'm.org_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name'])
    .where('m.user_id', '=', userId)
    .where((eb) => eb(eb.val('employer'), '=', eb.fn.any('o.roles')))
    .orderBy('o.name')
    .execute();
}
