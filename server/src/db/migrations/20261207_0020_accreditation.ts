import { sql, type Kysely } from 'kysely';

/**
 * Issue 13 (accrediting bodies): schemes, applications with their review, and accreditations.
 *
 * - `accreditation_schemes`: what an accrediting body assesses against, with its scope limits
 *   (fields, EQF levels, jurisdictions, credential types); an empty limit means "any".
 * - `accreditation_applications`: a provider asks for the organisation or for named programmes
 *   (`accreditation_application_programmes`); state submitted → information_requested →
 *   resubmitted → decided. A renewal points at the application it renews (`renews_id`), so the
 *   history travels with it. Evidence files reuse `evidence_files` (uploaded by a provider member).
 * - `accreditation_review_checks` (one row per criterion of the scheme's checklist) and
 *   `accreditation_messages` (comments, information requests, answers, decisions).
 * - `accreditations`: one per subject (the organisation, or each programme) of a decision, with
 *   the signed credential (`credential_id`) and a public verification code. Read by the catalogue
 *   and the verifier through `accreditation/accreditations-in-force.ts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table accreditation_schemes (
      id uuid primary key default gen_random_uuid(),
      accreditor_org_id uuid not null references organizations (id) on delete cascade,
      slug text not null,
      name text not null,
      summary text not null default '',
      criteria_markdown text not null default '',
      checklist text[] not null default '{}',
      evidence_items text[] not null default '{}',
      validity_months integer not null check (validity_months between 1 and 120),
      review_interval_months integer check (review_interval_months between 1 and 120),
      scope_fields text[] not null default '{}',
      scope_eqf_levels integer[] not null default '{}',
      scope_jurisdictions text[] not null default '{}',
      scope_credential_types text[] not null default '{}',
      fee_note text not null default '',
      is_open boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (accreditor_org_id, slug)
    )`,
    sql`create table accreditation_applications (
      id uuid primary key default gen_random_uuid(),
      accreditor_org_id uuid not null references organizations (id) on delete cascade,
      provider_org_id uuid not null references organizations (id) on delete cascade,
      scheme_id uuid not null references accreditation_schemes (id) on delete cascade,
      subject_type text not null check (subject_type in ('organization', 'programme')),
      statement text not null,
      jurisdiction text,
      state text not null default 'submitted' check (state in ('submitted', 'information_requested', 'resubmitted', 'decided')),
      decision text check (decision in ('candidate', 'accredited', 'refused')),
      decision_reasons text,
      public_report_url text,
      renews_id uuid references accreditation_applications (id) on delete set null,
      submitted_by uuid references users (id) on delete set null,
      decided_by uuid references users (id) on delete set null,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (provider_org_id <> accreditor_org_id),
      check ((state = 'decided') = (decision is not null))
    )`,
    sql`create index accreditation_applications_accreditor_idx on accreditation_applications (accreditor_org_id, updated_at desc)`,
    sql`create index accreditation_applications_provider_idx on accreditation_applications (provider_org_id, updated_at desc)`,
    sql`create table accreditation_application_programmes (
      application_id uuid not null references accreditation_applications (id) on delete cascade,
      provider_org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      primary key (application_id, microcredential_id)
    )`,
    sql`create table accreditation_application_evidence (
      application_id uuid not null references accreditation_applications (id) on delete cascade,
      provider_org_id uuid not null references organizations (id) on delete cascade,
      file_id uuid not null references evidence_files (id) on delete cascade,
      evidence_item text,
      created_at timestamptz not null default now(),
      primary key (application_id, file_id)
    )`,
    sql`create table accreditation_review_checks (
      application_id uuid not null references accreditation_applications (id) on delete cascade,
      accreditor_org_id uuid not null references organizations (id) on delete cascade,
      criterion text not null,
      outcome text not null check (outcome in ('met', 'not_met', 'unclear')),
      note text not null default '',
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (application_id, criterion)
    )`,
    sql`create table accreditation_messages (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      application_id uuid not null references accreditation_applications (id) on delete cascade,
      author_org_id uuid not null references organizations (id) on delete cascade,
      author_user_id uuid references users (id) on delete set null,
      kind text not null check (kind in ('comment', 'information_request', 'answer', 'decision')),
      body text not null,
      created_at timestamptz not null default now()
    )`,
    sql`create index accreditation_messages_application_idx on accreditation_messages (application_id, created_at)`,
    sql`create table accreditations (
      id uuid primary key default gen_random_uuid(),
      accreditor_org_id uuid not null references organizations (id) on delete cascade,
      scheme_id uuid not null references accreditation_schemes (id),
      application_id uuid references accreditation_applications (id) on delete set null,
      subject_type text not null check (subject_type in ('organization', 'programme')),
      subject_org_id uuid not null references organizations (id) on delete cascade,
      subject_microcredential_id uuid references microcredentials (id) on delete cascade,
      status text not null check (status in ('candidate', 'accredited', 'expired', 'withdrawn', 'suspended', 'refused')),
      decision_reasons text,
      public_report_url text,
      jurisdiction text,
      valid_from timestamptz not null,
      valid_until timestamptz,
      review_date timestamptz,
      status_changed_at timestamptz not null default now(),
      status_reason text,
      withdrawn_at timestamptz,
      credential_id uuid references credentials (id) on delete set null,
      verification_code text not null unique,
      reminder_60_sent_at timestamptz,
      reminder_14_sent_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((subject_type = 'programme') = (subject_microcredential_id is not null)),
      check (subject_org_id <> accreditor_org_id)
    )`,
    sql`create index accreditations_subject_idx on accreditations (subject_org_id, subject_microcredential_id)`,
    sql`create index accreditations_accreditor_idx on accreditations (accreditor_org_id, status)`,
    sql`create index accreditations_expiry_idx on accreditations (valid_until) where status in ('candidate', 'accredited')`,
    sql`create table accreditation_status_changes (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      accreditation_id uuid not null references accreditations (id) on delete cascade,
      accreditor_org_id uuid not null references organizations (id) on delete cascade,
      status text not null check (status in ('candidate', 'accredited', 'expired', 'withdrawn', 'suspended', 'refused')),
      reason text,
      changed_at timestamptz not null default now()
    )`,
    sql`create index accreditation_status_changes_idx on accreditation_status_changes (accreditation_id, changed_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'accreditation_status_changes',
    'accreditations',
    'accreditation_messages',
    'accreditation_review_checks',
    'accreditation_application_evidence',
    'accreditation_application_programmes',
    'accreditation_applications',
    'accreditation_schemes',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
