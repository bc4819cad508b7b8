import { sql, type Kysely } from 'kysely';

/**
 * Issue 14 (part 7): bulk candidate verification.
 *
 * - `candidate_checks`: one upload of up to 1,000 credentials an organisation checks; its
 *   counters are the progress pages poll. `delete_after` (created + 30 days) is when the daily
 *   clean-up drops it with its uploads and results.
 * - `candidate_check_items`: each credential as uploaded (its bytes, or the URL it is fetched
 *   from) with its outcome. A job resumes from the items still pending, so a restart never
 *   loses one. `org_id` is repeated so every row carries its tenant key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table candidate_checks (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      total integer not null,
      done integer not null default 0,
      actor_kind text not null check (actor_kind in ('user', 'apiKey', 'system')),
      actor_user_id uuid references users (id) on delete set null,
      actor_api_key_id uuid references api_keys (id) on delete set null,
      error text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      delete_after timestamptz not null
    )`,
    sql`create index candidate_checks_org_idx on candidate_checks (org_id, created_at desc)`,
    sql`create index candidate_checks_delete_after_idx on candidate_checks (delete_after)`,
    sql`create table candidate_check_items (
      check_id uuid not null references candidate_checks (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      position integer not null,
      name text not null,
      source text not null check (source in ('file', 'url')),
      url text,
      content bytea,
      candidate_email text,
      status text not null default 'pending' check (status in ('pending', 'valid', 'expired', 'revoked', 'suspended',
        'signature_invalid', 'issuer_unknown', 'not_addressed_to_candidate', 'unverifiable')),
      reason text,
      holder text,
      issuer text,
      achievement text,
      skills jsonb not null default '[]',
      checked_at timestamptz,
      primary key (check_id, position)
    )`,
    sql`create index candidate_check_items_pending_idx on candidate_check_items (check_id, position) where status = 'pending'`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists candidate_check_items`.execute(db);
  await sql`drop table if exists candidate_checks`.execute(db);
}
