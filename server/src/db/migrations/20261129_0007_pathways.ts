import { sql, type Kysely } from 'kysely';

/**
 * Pathways (stacked qualifications): versions with a requirement tree, the targets each
 * published version points at, learners on a pathway, awards with their components, and the
 * wallet of credentials learners bring from elsewhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table pathways (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$'),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, slug)
    )`,
    sql`create table pathway_versions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      pathway_id uuid not null references pathways (id) on delete cascade,
      version_number integer not null check (version_number >= 1),
      status text not null check (status in ('draft', 'published')),
      name text not null check (length(name) between 1 and 200),
      description text not null default '',
      achievement_type text not null default 'Certificate',
      criteria_narrative text not null default '',
      image_url text,
      tree jsonb not null,
      recommended_order text[] not null default '{}',
      achievement jsonb,
      search text not null default '',
      created_by uuid references users (id) on delete set null,
      published_by uuid references users (id) on delete set null,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (pathway_id, version_number),
      check ((status = 'published') = (published_at is not null)),
      check (status = 'draft' or achievement is not null)
    )`,
    sql`create unique index pathway_versions_one_draft_idx on pathway_versions (pathway_id) where status = 'draft'`,
    sql`create index pathway_versions_published_idx on pathway_versions (pathway_id, version_number desc) where status = 'published'`,
    // What each published version points at: a new credential finds the pathways it touches here.
    sql`create table pathway_targets (
      org_id uuid not null references organizations (id) on delete cascade,
      version_id uuid not null references pathway_versions (id) on delete cascade,
      pathway_id uuid not null references pathways (id) on delete cascade,
      kind text not null check (kind in ('microcredential', 'pathway', 'external', 'skill')),
      target text not null,
      primary key (version_id, kind, target)
    )`,
    sql`create index pathway_targets_lookup_idx on pathway_targets (kind, target)`,
    // A learner on a pathway: joined, or counted because a credential they hold is part of it.
    // They keep the version they started on; progress is cached here by every re-evaluation.
    sql`create table pathway_learners (
      learner_id uuid not null references users (id) on delete cascade,
      pathway_id uuid not null references pathways (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      version_id uuid not null references pathway_versions (id),
      is_joined boolean not null default false,
      joined_at timestamptz,
      done integer not null default 0,
      required integer not null default 0,
      is_satisfied boolean not null default false,
      evaluated_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      primary key (learner_id, pathway_id)
    )`,
    sql`create index pathway_learners_pathway_idx on pathway_learners (pathway_id, is_satisfied)`,
    // One award per learner and pathway version, claimed before anything is signed.
    sql`create table pathway_awards (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      pathway_id uuid not null references pathways (id) on delete cascade,
      version_id uuid not null references pathway_versions (id),
      learner_id uuid not null references users (id) on delete cascade,
      idempotency_key text not null unique,
      credential_row_id uuid references credentials (id) on delete set null,
      clr_row_id uuid references credentials (id) on delete set null,
      status text not null default 'active' check (status in ('active', 'suspended')),
      awarded_at timestamptz not null default now(),
      unique (learner_id, version_id)
    )`,
    sql`create index pathway_awards_learner_idx on pathway_awards (learner_id)`,
    sql`create table pathway_award_components (
      award_id uuid not null references pathway_awards (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      component_kind text not null check (component_kind in ('credential', 'wallet')),
      component_id uuid not null,
      primary key (award_id, component_kind, component_id)
    )`,
    sql`create index pathway_award_components_component_idx on pathway_award_components (component_id)`,
    // A learner's own credentials from other platforms. They belong to the person, not to an
    // organisation, so the learner is the tenant key here.
    sql`create table wallet_credentials (
      id uuid primary key default gen_random_uuid(),
      learner_id uuid not null references users (id) on delete cascade,
      credential_id text,
      format text not null check (format in ('ldp', 'jwt')),
      document text not null,
      sha256 text not null,
      achievement_id text not null,
      achievement_name text,
      issuer_did text not null,
      issuer_name text,
      microcredential_id uuid references microcredentials (id) on delete set null,
      credits double precision not null default 0,
      cpd_hours double precision not null default 0,
      skill_ids uuid[] not null default '{}',
      valid_from timestamptz,
      valid_until timestamptz,
      added_at timestamptz not null default now(),
      unique (learner_id, sha256)
    )`,
    sql`create index wallet_credentials_learner_idx on wallet_credentials (learner_id, added_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'wallet_credentials',
    'pathway_award_components',
    'pathway_awards',
    'pathway_learners',
    'pathway_targets',
    'pathway_versions',
    'pathways',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
