import { sql } from 'kysely';
import { PREPARED_MARK } from '../../db/prepared-statements.js';
import type { Db } from '../../db/transaction.js';

// What a verification of a credential from this Cairn reads about its issuer, in one round trip.

/** A key of the issuer's DID document: `[key_id, public_key_multibase, is_active]`, newest first. */
export type IssuerKeyRow = [keyId: string, publicKeyMultibase: string, isActive: boolean];

export type IssuerStateRow = {
  id: string;
  slug: string;
  name: string;
  did: string;
  keys: IssuerKeyRow[];
  /** Every status list of the organisation: `[list_number, published_version]`. */
  lists: [listNumber: number, publishedVersion: string][];
  /** Whether any signed accreditation names it as its subject (in force or not). */
  has_accreditations: boolean;
};

/**
 * An organisation by slug with its signing keys (its DID document), the published version of
 * each of its status lists, and whether it has any accreditation: one small statement, read on
 * every verification, so nothing remembered from an earlier one outlives a change.
 */
export async function readIssuerState(db: Db, slug: string): Promise<IssuerStateRow | undefined> {
  const { rows } = await sql<IssuerStateRow>`select ${sql.raw(PREPARED_MARK)} o.id, o.slug, o.name, o.did,
      coalesce((select json_agg(json_build_array(k.key_id, k.public_key_multibase, k.retired_at is null)
        order by k.created_at desc, k.key_id) from signing_keys k where k.org_id = o.id), '[]'::json) as keys,
      coalesce((select json_agg(json_build_array(l.list_number, l.published_version) order by l.list_number)
        from status_lists l where l.org_id = o.id), '[]'::json) as lists,
      exists (select 1 from accreditations a where a.subject_org_id = o.id and a.credential_id is not null)
        as has_accreditations
    from organizations o where o.slug = ${slug}`.execute(db);
  return rows[0];
}

/** One status list's published credentials, with the version they are (read together). */
export async function readPublishedList(db: Db, orgId: string, listNumber: number) {
  const { rows } = await sql<{
    published_version: string;
    revocation_credential: string | null;
    suspension_credential: string | null;
  }>`select ${sql.raw(PREPARED_MARK)} published_version, revocation_credential, suspension_credential
    from status_lists where org_id = ${orgId} and list_number = ${listNumber}`.execute(db);
  return rows[0];
}
