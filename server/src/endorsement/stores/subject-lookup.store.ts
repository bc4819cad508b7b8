import type { Db } from '../../db/transaction.js';

// What the endorsement area reads of tables it does not own: organisations, programmes and
// their published versions.

export function findOrganizationBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'roles', 'did'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function findOrganizationsByDids(db: Db, dids: string[]) {
  if (dids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'roles', 'did'])
    .where('did', 'in', dids)
    .execute();
}

export function findProgramme(db: Db, orgId: string, slug: string) {
  return db
    .selectFrom('microcredentials')
    .select(['id', 'org_id', 'slug'])
    .where('org_id', '=', orgId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function findProgrammeById(db: Db, id: string) {
  return db
    .selectFrom('microcredentials as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.org_id', 'm.slug', 'o.slug as provider_slug', 'o.name as provider_name'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** A published version of a programme: the given number, else the newest. */
export function findPublishedVersion(db: Db, microcredentialId: string, versionNumber?: number) {
  let q = db
    .selectFrom('microcredential_versions')
    .select(['id', 'version_number', 'title', 'achievement'])
    .where('microcredential_id', '=', microcredentialId)
    .where('status', '=', 'published');
  if (versionNumber !== undefined) q = q.where('version_number', '=', versionNumber);
  return q.orderBy('version_number', 'desc').limit(1).executeTakeFirst();
}

/** The newest version (draft or published) of a programme, for a co-developing partner to read. */
export function findNewestVersion(db: Db, microcredentialId: string) {
  return db
    .selectFrom('microcredential_versions')
    .selectAll()
    .where('microcredential_id', '=', microcredentialId)
    .orderBy('version_number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listModulesOfVersion(db: Db, versionId: string) {
  return db
    .selectFrom('microcredential_modules')
    .select(['id', 'position', 'title', 'content', 'estimated_minutes', 'activity_type'])
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/** The version an Achievement id names (Cairn's own `/achievements/{versionId}`), with its programme. */
export function findVersionWithProgramme(db: Db, versionId: string) {
  return db
    .selectFrom('microcredential_versions as v')
    .innerJoin('microcredentials as m', 'm.id', 'v.microcredential_id')
    .select(['v.id', 'v.org_id', 'v.microcredential_id', 'v.status', 'm.slug'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
}

/** The stored document of a credential row (signed JSON, or a compact JWS). */
export function findCredentialDocument(db: Db, id: string) {
  return db
    .selectFrom('credentials')
    .select(['id', 'credential_id', 'document', 'format', 'issued_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
