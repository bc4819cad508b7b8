import { sql, type Kysely } from 'kysely';

/**
 * Issue 14: the employer side (workforce).
 *
 * - `employer_roles` + `employer_role_skills`: a role skill profile (skill, level on Cairn's
 *   1-5 scale, essential or optional); `version` counts edits and `employer_role_versions`
 *   keeps each version's skills as it was.
 * - `employer_teams` + `employer_team_members`: groups of members to report on and assign to.
 * - `credential_shares`: a member's consent to let one organisation see their credentials
 *   (all, or the listed ids of `credentials` / `wallet_credentials` rows). No row: nothing shared.
 * - `skill_assessments`: self- and manager-assessed levels, kept apart from verified evidence.
 * - `learning_assignments`: a programme assigned to a member with a due date.
 * - `sponsored_seat_budgets` + `sponsored_seats`: seats an employer pays for, per programme;
 *   a seat records who sponsored it, for whom, and the enrolment that used it.
 * - `microcredentials.audience_org_id`: a private programme, listed only to that organisation's members.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table employer_roles (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      description text not null default '',
      version integer not null default 1,
      esco_occupation_uri text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create unique index employer_roles_org_name_key on employer_roles (org_id, lower(name))`,
    sql`create table employer_role_skills (
      role_id uuid not null references employer_roles (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      skill_id uuid not null references skills (id) on delete cascade,
      level smallint not null check (level between 1 and 5),
      essential boolean not null default true,
      primary key (role_id, skill_id)
    )`,
    sql`create index employer_role_skills_org_idx on employer_role_skills (org_id)`,
    sql`create table employer_role_versions (
      role_id uuid not null references employer_roles (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      version integer not null,
      name text not null,
      skills jsonb not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (role_id, version)
    )`,
    sql`create table employer_teams (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      created_at timestamptz not null default now()
    )`,
    sql`create unique index employer_teams_org_name_key on employer_teams (org_id, lower(name))`,
    sql`create table employer_team_members (
      team_id uuid not null references employer_teams (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      primary key (team_id, user_id)
    )`,
    sql`create index employer_team_members_org_idx on employer_team_members (org_id, user_id)`,
    sql`create table credential_shares (
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      scope text not null check (scope in ('all', 'selected')),
      credential_ids uuid[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (org_id, user_id)
    )`,
    sql`create index credential_shares_user_idx on credential_shares (user_id)`,
    sql`create table skill_assessments (
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      skill_id uuid not null references skills (id) on delete cascade,
      source text not null check (source in ('self', 'manager')),
      level smallint not null check (level between 1 and 5),
      assessed_by uuid references users (id) on delete set null,
      assessed_at timestamptz not null default now(),
      primary key (org_id, user_id, skill_id, source)
    )`,
    sql`create table learning_assignments (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      team_id uuid references employer_teams (id) on delete set null,
      role_id uuid references employer_roles (id) on delete set null,
      due_at timestamptz not null,
      is_sponsored boolean not null default false,
      assigned_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      cancelled_at timestamptz
    )`,
    sql`create unique index learning_assignments_live_key on learning_assignments (org_id, user_id, microcredential_id) where cancelled_at is null`,
    sql`create index learning_assignments_user_idx on learning_assignments (user_id)`,
    sql`create table sponsored_seat_budgets (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      seats_total integer not null check (seats_total >= 0),
      seats_used integer not null default 0 check (seats_used >= 0),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, microcredential_id),
      check (seats_used <= seats_total)
    )`,
    sql`create table sponsored_seats (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      budget_id uuid not null references sponsored_seat_budgets (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      assignment_id uuid references learning_assignments (id) on delete set null,
      enrolment_id uuid references enrolments (id) on delete set null,
      sponsored_by uuid references users (id) on delete set null,
      granted_at timestamptz not null default now(),
      claimed_at timestamptz,
      unique (budget_id, user_id)
    )`,
    sql`create index sponsored_seats_user_idx on sponsored_seats (user_id, microcredential_id)`,
    sql`alter table microcredentials add column audience_org_id uuid references organizations (id)`,
    sql`create index microcredentials_audience_idx on microcredentials (audience_org_id) where audience_org_id is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table microcredentials drop column if exists audience_org_id`.execute(db);
  for (const table of [
    'sponsored_seats',
    'sponsored_seat_budgets',
    'learning_assignments',
    'skill_assessments',
    'credential_shares',
    'employer_team_members',
    'employer_teams',
    'employer_role_versions',
    'employer_role_skills',
    'employer_roles',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
