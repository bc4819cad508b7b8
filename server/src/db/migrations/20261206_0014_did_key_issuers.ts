import { sql, type Kysely } from 'kysely';

/**
 * Issue 10: organisations may also sign as a did:key, and callers of the VC-API may bring their
 * own status entries.
 *
 * - `did_key_issuers`: one dedicated Ed25519 key per organisation (sealed like signing keys).
 *   A did:key is its key, so it is never rotated: rotating would change the identifier.
 * - `status_lists.issuer_identifier`: a list answers only for credentials of the issuer that
 *   signed it, so did:key credentials get lists of their own. List numbers stay unique per
 *   organisation, so `/orgs/{slug}/status/{n}/{purpose}` still names one list.
 * - `api_keys.issuer_identifier`: which identifier a key issues as unless a request says otherwise.
 * - A credential whose caller sent its own `credentialStatus` has no Cairn status entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table did_key_issuers (
      org_id uuid primary key references organizations (id) on delete cascade,
      did text not null unique,
      public_key_multibase text not null,
      secret_key_sealed text not null,
      created_at timestamptz not null default now()
    )`,
    sql`alter table status_lists add column issuer_identifier text not null default 'did:web' check (issuer_identifier in ('did:web', 'did:key'))`,
    sql`create index status_lists_org_identifier_idx on status_lists (org_id, issuer_identifier, list_number desc)`,
    sql`alter table api_keys add column issuer_identifier text not null default 'did:web' check (issuer_identifier in ('did:web', 'did:key'))`,
    sql`alter table credentials alter column status_list_number drop not null`,
    sql`alter table credentials alter column status_index drop not null`,
    sql`alter table credentials drop constraint if exists credentials_status_purposes_check`,
    sql`alter table credentials add constraint credentials_status_purposes_check check (
      status_purposes <@ array['revocation', 'suspension']::text[]
      and ((status_list_number is null and status_index is null and cardinality(status_purposes) = 0)
        or (status_list_number is not null and status_index is not null and 'revocation' = any(status_purposes)))
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Credentials without a Cairn status entry cannot be represented before this migration.
    sql`delete from credentials where status_list_number is null`,
    sql`alter table credentials drop constraint if exists credentials_status_purposes_check`,
    sql`alter table credentials add constraint credentials_status_purposes_check check (status_purposes <@ array['revocation','suspension'] and 'revocation' = any(status_purposes))`,
    sql`alter table credentials alter column status_list_number set not null`,
    sql`alter table credentials alter column status_index set not null`,
    sql`alter table api_keys drop column if exists issuer_identifier`,
    sql`drop index if exists status_lists_org_identifier_idx`,
    sql`delete from credentials c using status_lists l where l.org_id = c.org_id and l.list_number = c.status_list_number and l.issuer_identifier = 'did:key'`,
    sql`delete from status_lists where issuer_identifier = 'did:key'`,
    sql`alter table status_lists drop column if exists issuer_identifier`,
    sql`drop table if exists did_key_issuers`,
  ];
  for (const statement of statements) await statement.execute(db);
}
