import type { Db } from '../../db/transaction.js';

// What the verifier reads of other areas' tables to report accreditation and endorsement.

export function findOrganizationsByDids(db: Db, dids: string[]) {
  if (dids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').select(['id', 'slug', 'name', 'did']).where('did', 'in', dids).execute();
}

export function findVersionProgramme(db: Db, versionId: string) {
  return db
    .selectFrom('microcredential_versions')
    .select(['id', 'org_id', 'microcredential_id'])
    .where('id', '=', versionId)
    .executeTakeFirst();
}

export function findCredentialRow(db: Db, id: string) {
  return db
    .selectFrom('credentials')
    .select(['id', 'credential_id', 'document', 'format', 'revoked_at', 'suspended_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Cairn's records of endorsements by their signed credentials' id URLs (when and why withdrawn). */
export function findEndorsementsByCredentialUris(db: Db, uris: string[]) {
  if (uris.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('endorsements as e')
    .innerJoin('credentials as c', 'c.id', 'e.credential_id')
    .select(['c.credential_id as uri', 'e.endorser_org_id', 'e.withdrawn_at', 'c.revoked_at'])
    .where('c.credential_id', 'in', uris)
    .execute();
}
