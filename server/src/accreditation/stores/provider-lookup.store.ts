import type { Db } from '../../db/transaction.js';

// What the accreditation area reads of tables it does not own: organisations and the
// programmes (micro-credentials) a provider publishes.

export function findOrganizationBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'roles', 'did', 'created_at'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function findOrganizationById(db: Db, id: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'roles', 'did', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type PublishedProgramme = {
  microcredentialId: string;
  slug: string;
  versionId: string;
  title: string;
  level: number | null;
  achievement: unknown;
};

/**
 * The newest published version of each of `ids` that belongs to `providerOrgId`; ids of
 * another organisation, or never published, are simply absent.
 */
export async function findPublishedProgrammes(
  db: Db,
  providerOrgId: string,
  ids: string[],
): Promise<PublishedProgramme[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('microcredentials as m')
    .innerJoin('microcredential_versions as v', 'v.microcredential_id', 'm.id')
    .select(['m.id', 'm.slug', 'v.id as version_id', 'v.title', 'v.level', 'v.achievement', 'v.version_number'])
    .where('m.org_id', '=', providerOrgId)
    .where('v.org_id', '=', providerOrgId)
    .where('m.id', 'in', ids)
    .where('v.status', '=', 'published')
    .orderBy('m.id')
    .orderBy('v.version_number', 'desc')
    .execute();
  const newest = new Map<string, PublishedProgramme>();
  for (const r of rows) {
    if (newest.has(r.id)) continue;
    newest.set(r.id, {
      microcredentialId: r.id,
      slug: r.slug,
      versionId: r.version_id,
      title: r.title,
      level: r.level,
      achievement: r.achievement,
    });
  }
  return [...newest.values()];
}

/** Where mail about an organisation's accreditation goes: its owners and admins. */
export async function listOrganizationAdminEmails(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email'])
    .where('m.org_id', '=', orgId)
    .where('m.role', 'in', ['owner', 'admin'])
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

export function findProgrammeBySlug(db: Db, providerOrgId: string, slug: string) {
  return db
    .selectFrom('microcredentials')
    .select(['id', 'slug'])
    .where('org_id', '=', providerOrgId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function findUserIdByEmail(db: Db, email: string) {
  return db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
}
