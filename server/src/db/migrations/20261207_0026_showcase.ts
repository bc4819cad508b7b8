import { sql, type Kysely } from 'kysely';

/**
 * Issue 16: showcasing credentials.
 *
 * - `org_showcase_settings`: what a provider shows beside its name: a logo (an uploaded image),
 *   its LinkedIn page id (published in the issuer Profile), and the certificate's colour and
 *   signatory. One row per organisation, created on first save.
 * - `public_profiles`: a learner's profile page, off until they turn it on; `is_name_shown` is
 *   their consent to "Issued to {name}" on the public pages of the credentials they hold.
 * - `public_profile_credentials`: the credentials (and pathway awards, which are credentials)
 *   they chose to show, in order.
 * - `showcase_share_links`: a link to the whole profile or to one credential, with an optional
 *   expiry and a view count; only the token's hash is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table org_showcase_settings (
      org_id uuid primary key references organizations (id) on delete cascade,
      logo_file_id uuid references media_files (id) on delete set null,
      linkedin_organization_id text,
      certificate_colour text,
      signatory_name text,
      signatory_title text,
      updated_at timestamptz not null default now()
    )`,
    sql`create table public_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      handle text not null unique check (handle ~ '^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$'),
      is_public boolean not null default false,
      is_name_shown boolean not null default false,
      headline text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create table public_profile_credentials (
      user_id uuid not null references public_profiles (user_id) on delete cascade,
      credential_id uuid not null references credentials (id) on delete cascade,
      position integer not null,
      primary key (user_id, credential_id)
    )`,
    sql`create table showcase_share_links (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      credential_id uuid references credentials (id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz,
      view_count integer not null default 0,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`,
    sql`create index showcase_share_links_user_idx on showcase_share_links (user_id, created_at desc)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists showcase_share_links`.execute(db);
  await sql`drop table if exists public_profile_credentials`.execute(db);
  await sql`drop table if exists public_profiles`.execute(db);
  await sql`drop table if exists org_showcase_settings`.execute(db);
}
