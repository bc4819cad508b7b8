import { sql, type Kysely } from 'kysely';

/** Signing keys, status lists and issued credentials. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table signing_keys (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      key_id text not null,
      public_key_multibase text not null,
      secret_key_sealed text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz,
      unique (org_id, key_id)
    )`,
    // At most one active key per organisation; retired keys stay listed in the DID document.
    sql`create unique index signing_keys_active_idx on signing_keys (org_id) where retired_at is null`,
    sql`create table status_lists (
      org_id uuid not null references organizations (id) on delete cascade,
      list_number integer not null check (list_number >= 1),
      size integer not null check (size >= 131072 and size % 8 = 0),
      allocated_count integer not null default 0,
      allocated bytea not null,
      revocation bytea not null,
      suspension bytea not null,
      revocation_credential text,
      suspension_credential text,
      updated_at timestamptz not null default now(),
      primary key (org_id, list_number)
    )`,
    sql`create table credentials (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      credential_id text not null unique,
      format text not null check (format in ('ldp', 'jwt')),
      cryptosuite text,
      document text not null,
      types text[] not null,
      achievement_name text,
      recipient_user_id uuid references users (id) on delete set null,
      recipient_label text,
      status_list_number integer not null,
      status_index integer not null,
      status_purposes text[] not null default '{revocation}' check (status_purposes <@ array['revocation','suspension'] and 'revocation' = any(status_purposes)),
      issued_at timestamptz not null default now(),
      valid_until timestamptz,
      revoked_at timestamptz,
      revocation_reason text,
      suspended_at timestamptz,
      suspension_reason text,
      idempotency_key text,
      created_by_key uuid references api_keys (id) on delete set null,
      created_by_user uuid references users (id) on delete set null,
      unique (org_id, status_list_number, status_index),
      unique (org_id, idempotency_key),
      foreign key (org_id, status_list_number) references status_lists (org_id, list_number)
    )`,
    sql`create index credentials_org_issued_idx on credentials (org_id, issued_at desc)`,
    sql`create index credentials_recipient_idx on credentials (recipient_user_id) where recipient_user_id is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['credentials', 'status_lists', 'signing_keys'])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
