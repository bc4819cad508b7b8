import { sql, type Kysely } from 'kysely';

/** Identity, organisations, memberships, invitations, API keys, mail outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create extension if not exists pg_trgm`,
    sql`create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null check (length(name) between 1 and 200),
      password_hash text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create unique index users_email_key on users (lower(email))`,
    sql`create table sessions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      user_agent text
    )`,
    sql`create index sessions_user_id_idx on sessions (user_id)`,
    sql`create table password_resets (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`,
    sql`create table organizations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$'),
      name text not null check (length(name) between 1 and 200),
      roles text[] not null check (cardinality(roles) > 0 and roles <@ array['provider','employer','accreditor','partner']),
      did text not null unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create table memberships (
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('owner','admin','author','assessor','manager','viewer')),
      created_at timestamptz not null default now(),
      primary key (org_id, user_id)
    )`,
    sql`create index memberships_user_id_idx on memberships (user_id)`,
    sql`create table invitations (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      email text not null,
      role text not null check (role in ('owner','admin','author','assessor','manager','viewer')),
      token_hash text not null unique,
      invited_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users (id),
      revoked_at timestamptz
    )`,
    sql`create index invitations_org_id_idx on invitations (org_id)`,
    sql`create table api_keys (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      role text not null check (role in ('owner','admin','author','assessor','manager','viewer')),
      prefix text not null,
      token_hash text not null unique,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
    sql`create index api_keys_org_id_idx on api_keys (org_id)`,
    sql`create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      org_id uuid references organizations (id) on delete set null,
      to_address text not null,
      subject text not null,
      text_body text not null,
      created_at timestamptz not null default now(),
      send_after timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text
    )`,
    sql`create index mail_outbox_pending_idx on mail_outbox (send_after) where sent_at is null`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'mail_outbox',
    'api_keys',
    'invitations',
    'memberships',
    'organizations',
    'password_resets',
    'sessions',
    'users',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
