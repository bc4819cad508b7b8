import { sql, type Kysely } from 'kysely';

/**
 * Issue 11: bulk issuance and status indexes without reading the list.
 *
 * - `status_lists.permutation_key`: a list with a key hands out its indexes in the order of a
 *   keyed permutation of its positions (position = `allocated_count`), so allocating a block of
 *   N indexes updates one counter instead of reading and writing the 16 KB `allocated` bitmap.
 *   Lists made before this (no key) were filled at random; they are no longer allocated from.
 * - `issuance_jobs`: one CSV (or JSON rows) to issue for a micro-credential; its counters are
 *   the progress that servers poll for their event streams.
 * - `issuance_job_rows`: every row as validated, with its outcome: a job resumes from the rows
 *   still pending, so a crash or a restart never issues a row twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table status_lists add column permutation_key bytea`,
    sql`create table issuance_jobs (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      version_id uuid not null references microcredential_versions (id) on delete cascade,
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      file_name text,
      total integer not null,
      issued integer not null default 0,
      failed integer not null default 0,
      actor_kind text not null check (actor_kind in ('user', 'apiKey', 'system')),
      actor_user_id uuid references users (id) on delete set null,
      actor_session_id text,
      actor_api_key_id uuid references api_keys (id) on delete set null,
      error text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz not null default now()
    )`,
    sql`create index issuance_jobs_org_idx on issuance_jobs (org_id, created_at desc)`,
    sql`create index issuance_jobs_unfinished_idx on issuance_jobs (status) where status in ('queued', 'running')`,
    sql`create table issuance_job_rows (
      job_id uuid not null references issuance_jobs (id) on delete cascade,
      line integer not null,
      row_key text not null,
      email text not null,
      external_id text,
      data jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'issued', 'failed')),
      credential_id uuid references credentials (id) on delete set null,
      error text,
      primary key (job_id, line),
      unique (job_id, row_key)
    )`,
    sql`create index issuance_job_rows_pending_idx on issuance_job_rows (job_id, line) where status = 'pending'`,
    sql`create index issuance_job_rows_failed_idx on issuance_job_rows (job_id, line) where status = 'failed'`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists issuance_job_rows`.execute(db);
  await sql`drop table if exists issuance_jobs`.execute(db);
  await sql`alter table status_lists drop column if exists permutation_key`.execute(db);
}
