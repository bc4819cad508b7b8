import { sql, type Kysely } from 'kysely';

/**
 * Issue 12: domain events and webhooks.
 *
 * - `domain_events`: written in the transaction that causes each event; consumers run as jobs
 *   (pg-boss, schema `pgboss`, installed by the job queue at start). Per organisation it is
 *   also the audit log: who (user and session, API key, or Cairn itself) did what, when.
 * - `webhook_endpoints`: an organisation's receivers, with event filters (empty = all) and a
 *   sealed signing secret; during rotation the previous secret signs too, until it expires.
 * - `webhook_deliveries`: one row per (endpoint, event); each attempt is a job; the row keeps
 *   the schedule, the last response and the outcome.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table domain_events (
      id uuid primary key,
      type text not null,
      org_id uuid references organizations (id) on delete cascade,
      actor_kind text not null check (actor_kind in ('user', 'apiKey', 'system')),
      actor_user_id uuid,
      actor_session_id text,
      actor_api_key_id uuid,
      actor_reason text,
      data jsonb not null,
      occurred_at timestamptz not null default now()
    )`,
    sql`create index domain_events_org_time_idx on domain_events (org_id, occurred_at desc, id desc)`,
    sql`create index domain_events_time_idx on domain_events (occurred_at)`,
    sql`create table webhook_endpoints (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      url text not null,
      description text not null default '',
      event_types text[] not null default '{}',
      secret_sealed text not null,
      previous_secret_sealed text,
      previous_secret_expires_at timestamptz,
      is_enabled boolean not null default true,
      disabled_reason text,
      disabled_at timestamptz,
      failing_since timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create index webhook_endpoints_org_idx on webhook_endpoints (org_id) where is_enabled`,
    sql`create table webhook_deliveries (
      id text primary key,
      endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      event_id uuid not null references domain_events (id) on delete cascade,
      event_type text not null,
      status text not null check (status in ('pending', 'succeeded', 'failed')),
      attempts int not null default 0,
      response_code int,
      response_excerpt text,
      last_error text,
      next_attempt_at timestamptz,
      created_at timestamptz not null default now(),
      delivered_at timestamptz,
      unique (endpoint_id, event_id)
    )`,
    sql`create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at desc)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['webhook_deliveries', 'webhook_endpoints', 'domain_events'])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
