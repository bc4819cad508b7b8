import { sql, type Kysely } from 'kysely';

/** Enrolments, progress, quiz attempts, assignment submissions, evidence files, vouchers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table vouchers (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      code text not null check (code ~ '^[A-Z0-9-]{4,40}$'),
      microcredential_id uuid references microcredentials (id) on delete cascade,
      max_redemptions integer not null check (max_redemptions between 1 and 100000),
      redeemed integer not null default 0 check (redeemed <= max_redemptions),
      expires_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      unique (org_id, code)
    )`,
    sql`create table enrollments (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      version_id uuid not null references microcredential_versions (id),
      learner_id uuid not null references users (id) on delete cascade,
      status text not null default 'active' check (status in ('active', 'completed', 'withdrawn')),
      voucher_id uuid references vouchers (id) on delete set null,
      enrolled_at timestamptz not null default now(),
      completed_at timestamptz,
      withdrawn_at timestamptz,
      last_module_id uuid,
      credential_row_id uuid unique references credentials (id) on delete set null,
      check ((status = 'completed') = (completed_at is not null)),
      check ((status = 'withdrawn') = (withdrawn_at is not null))
    )`,
    // One enrolment per learner and version that is not withdrawn: enrolling twice is a no-op.
    sql`create unique index enrollments_one_live_idx on enrollments (learner_id, version_id) where status <> 'withdrawn'`,
    sql`create index enrollments_org_idx on enrollments (org_id, enrolled_at)`,
    sql`create index enrollments_learner_idx on enrollments (learner_id)`,
    sql`create table module_completions (
      enrollment_id uuid not null references enrollments (id) on delete cascade,
      module_id uuid not null references microcredential_modules (id),
      org_id uuid not null references organizations (id) on delete cascade,
      completed_at timestamptz not null default now(),
      primary key (enrollment_id, module_id)
    )`,
    sql`create table quiz_attempts (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      enrollment_id uuid not null references enrollments (id) on delete cascade,
      module_id uuid not null references microcredential_modules (id),
      attempt_number integer not null check (attempt_number >= 1),
      answers jsonb not null,
      points integer not null,
      max_points integer not null check (max_points > 0),
      percent integer not null check (percent between 0 and 100),
      is_passed boolean not null,
      submitted_at timestamptz not null default now(),
      unique (enrollment_id, module_id, attempt_number)
    )`,
    sql`create index quiz_attempts_org_idx on quiz_attempts (org_id, module_id)`,
    sql`create table evidence_files (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      learner_id uuid not null references users (id) on delete cascade,
      filename text not null,
      media_type text not null,
      size integer not null check (size > 0),
      sha256 text not null,
      bytes bytea not null,
      created_at timestamptz not null default now()
    )`,
    sql`create table submissions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      enrollment_id uuid not null references enrollments (id) on delete cascade,
      module_id uuid not null references microcredential_modules (id),
      attempt_number integer not null check (attempt_number >= 1),
      text text,
      link text,
      file_id uuid references evidence_files (id) on delete set null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'resubmit')),
      scores jsonb,
      points integer,
      max_points integer,
      feedback text,
      reviewer_id uuid references users (id) on delete set null,
      submitted_at timestamptz not null default now(),
      reviewed_at timestamptz,
      unique (enrollment_id, module_id, attempt_number),
      check (text is not null or link is not null or file_id is not null)
    )`,
    sql`create index submissions_queue_idx on submissions (org_id, submitted_at) where status = 'pending'`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'submissions',
    'evidence_files',
    'quiz_attempts',
    'module_completions',
    'enrollments',
    'vouchers',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
