/** What exchanges read of tables they do not own: the credential a holder picks up, and its issuer. */
import type { Db } from '../db/transaction.js';

/** One credential, whoever holds it: the caller decides whether the person asking may see it. */
export function findCredentialRow(db: Db, id: string) {
  return db
    .selectFrom('credentials')
    .select([
      'id',
      'org_id',
      'credential_id',
      'format',
      'cryptosuite',
      'document',
      'recipient_user_id',
      'revoked_at',
      'suspended_at',
      'valid_until',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation that issued a credential, as issuance takes it (OrgView fields). */
export async function findIssuerOrganization(db: Db, orgId: string) {
  const row = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'roles', 'did', 'created_at'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row
    ? { id: row.id, slug: row.slug, name: row.name, roles: row.roles, did: row.did, createdAt: row.created_at }
    : undefined;
}
