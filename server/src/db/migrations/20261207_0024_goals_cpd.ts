import { sql, type Kysely } from 'kysely';

/**
 * Learners' goals (with the weekly nudge ledger), operator-set dated exchange rates, the CPD
 * record (a scheme per learner, entries from credentials and self-logged activities, evidence
 * files), and what certifying assessment needs: drawn quiz attempts and time spent reading.
 * A learner's own rows carry `learner_id` as their tenant key; learning rows keep `org_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table learner_goals (
      id uuid primary key default gen_random_uuid(),
      learner_id uuid not null references users (id) on delete cascade,
      kind text not null check (kind in ('role', 'pathway', 'skills')),
      ref text not null check (length(ref) <= 200),
      skill_ids text[] not null default '{}',
      title text not null check (length(title) between 1 and 300),
      target_date date,
      weekly_hours numeric(6, 2) check (weekly_hours is null or weekly_hours > 0),
      wants_nudges boolean not null default false,
      created_at timestamptz not null default now()
    )`,
    sql`create index learner_goals_learner_idx on learner_goals (learner_id, created_at)`,
    // One nudge per goal and ISO week, whatever the number of job runs.
    sql`create table goal_nudges (
      goal_id uuid not null references learner_goals (id) on delete cascade,
      week text not null check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
      sent_at timestamptz not null default now(),
      primary key (goal_id, week)
    )`,
    sql`create table exchange_rates (
      from_currency text not null check (from_currency ~ '^[A-Z]{3}$'),
      to_currency text not null check (to_currency ~ '^[A-Z]{3}$'),
      valid_on date not null,
      rate numeric(18, 8) not null check (rate > 0),
      note text,
      primary key (from_currency, to_currency, valid_on)
    )`,
    sql`create table cpd_schemes (
      learner_id uuid primary key references users (id) on delete cascade,
      preset text,
      name text not null check (length(name) between 1 and 200),
      body text not null default '' check (length(body) <= 200),
      unit text not null default 'hours' check (unit in ('hours', 'points')),
      target numeric(8, 2) not null check (target > 0),
      period_start_month integer not null default 1 check (period_start_month between 1 and 12),
      structured_cap numeric(8, 2) check (structured_cap is null or structured_cap >= 0),
      self_directed_cap numeric(8, 2) check (self_directed_cap is null or self_directed_cap >= 0),
      carry_over_max numeric(8, 2) not null default 0 check (carry_over_max >= 0),
      updated_at timestamptz not null default now()
    )`,
    sql`create table cpd_evidence_files (
      id uuid primary key default gen_random_uuid(),
      learner_id uuid not null references users (id) on delete cascade,
      filename text not null,
      media_type text not null,
      size integer not null check (size > 0),
      sha256 text not null,
      bytes bytea not null,
      created_at timestamptz not null default now()
    )`,
    sql`create table cpd_entries (
      id uuid primary key default gen_random_uuid(),
      learner_id uuid not null references users (id) on delete cascade,
      activity_date date not null,
      title text not null check (length(title) between 1 and 300),
      hours numeric(8, 2) not null check (hours >= 0 and hours <= 1000),
      category text not null check (category in ('structured', 'self-directed')),
      source text not null check (source in ('credential', 'self')),
      credential_id uuid references credentials (id) on delete cascade,
      wallet_credential_id uuid references wallet_credentials (id) on delete cascade,
      evidence_link text,
      evidence_file_id uuid references cpd_evidence_files (id) on delete set null,
      learned text,
      application text,
      created_at timestamptz not null default now(),
      check ((source = 'credential') = (credential_id is not null or wallet_credential_id is not null))
    )`,
    // A credential counts once, however often its event is delivered.
    sql`create unique index cpd_entries_credential_idx on cpd_entries (learner_id, credential_id) where credential_id is not null`,
    sql`create unique index cpd_entries_wallet_idx on cpd_entries (learner_id, wallet_credential_id) where wallet_credential_id is not null`,
    sql`create index cpd_entries_learner_idx on cpd_entries (learner_id, activity_date)`,
    // A drawn quiz attempt: which questions, in which option order, until when.
    sql`create table quiz_draws (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      enrolment_id uuid not null references enrolments (id) on delete cascade,
      module_id uuid not null references microcredential_modules (id),
      questions jsonb not null,
      started_at timestamptz not null default now(),
      expires_at timestamptz,
      closed_at timestamptz
    )`,
    sql`create unique index quiz_draws_open_idx on quiz_draws (enrolment_id, module_id) where closed_at is null`,
    sql`create table module_time_spent (
      enrolment_id uuid not null references enrolments (id) on delete cascade,
      module_id uuid not null references microcredential_modules (id),
      org_id uuid not null references organizations (id) on delete cascade,
      seconds integer not null default 0 check (seconds >= 0),
      updated_at timestamptz not null default now(),
      primary key (enrolment_id, module_id)
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'module_time_spent',
    'quiz_draws',
    'cpd_entries',
    'cpd_evidence_files',
    'cpd_schemes',
    'exchange_rates',
    'goal_nudges',
    'learner_goals',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
