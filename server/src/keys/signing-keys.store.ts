import type { Db } from '../db/transaction.js';

export function insertSigningKey(
  db: Db,
  key: { orgId: string; keyId: string; publicKeyMultibase: string; secretKeySealed: string },
) {
  return db
    .insertInto('signing_keys')
    .values({
      org_id: key.orgId,
      key_id: key.keyId,
      public_key_multibase: key.publicKeyMultibase,
      secret_key_sealed: key.secretKeySealed,
    })
    .returning(['id', 'key_id', 'public_key_multibase', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findActiveSigningKey(db: Db, orgId: string) {
  return db
    .selectFrom('signing_keys')
    .select(['id', 'key_id', 'public_key_multibase', 'secret_key_sealed'])
    .where('org_id', '=', orgId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

/** Every key an organisation ever signed with, newest first. */
export function listSigningKeys(db: Db, orgId: string) {
  return db
    .selectFrom('signing_keys')
    .select(['key_id', 'public_key_multibase', 'created_at', 'retired_at'])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function retireActiveSigningKey(db: Db, orgId: string, now: Date) {
  await db
    .updateTable('signing_keys')
    .set({ retired_at: now })
    .where('org_id', '=', orgId)
    .where('retired_at', 'is', null)
    .execute();
}

/** Inserts an organisation's did:key unless it has one; the existing one wins a race. */
export async function insertDidKeyIssuer(
  db: Db,
  key: { orgId: string; did: string; publicKeyMultibase: string; secretKeySealed: string },
) {
  await db
    .insertInto('did_key_issuers')
    .values({
      org_id: key.orgId,
      did: key.did,
      public_key_multibase: key.publicKeyMultibase,
      secret_key_sealed: key.secretKeySealed,
    })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
}

export function findDidKeyIssuer(db: Db, orgId: string) {
  return db
    .selectFrom('did_key_issuers')
    .select(['did', 'public_key_multibase', 'secret_key_sealed', 'created_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** The organisation whose did:key this is, if any. */
export function findOrgIdByDidKey(db: Db, did: string) {
  return db.selectFrom('did_key_issuers').select('org_id').where('did', '=', did).executeTakeFirst();
}
