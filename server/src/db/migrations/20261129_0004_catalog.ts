import { sql, type Kysely } from 'kysely';

/**
 * Micro-credentials, their versions and modules, uploaded images, and the denormalised
 * catalogue search rows (one per micro-credential: its latest published version).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table media_files (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      media_type text not null check (media_type in ('image/png', 'image/jpeg', 'image/svg+xml')),
      bytes bytea not null,
      byte_size integer not null,
      width integer not null,
      height integer not null,
      sha256 text not null,
      original_name text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    sql`create index media_files_org_idx on media_files (org_id)`,
    sql`create table microcredentials (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$'),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, slug)
    )`,
    sql`create table microcredential_versions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      version_number integer not null check (version_number >= 1),
      status text not null check (status in ('draft', 'published')),
      title text not null default '',
      summary text not null default '',
      description text not null default '',
      outcomes text[] not null default '{}',
      skill_ids uuid[] not null default '{}',
      level integer check (level between 1 and 8),
      effort_hours double precision check (effort_hours > 0 and effort_hours <= 10000),
      duration_weeks integer check (duration_weeks between 1 and 520),
      cost_amount_minor integer check (cost_amount_minor > 0),
      cost_currency text check (cost_currency ~ '^[A-Z]{3}$'),
      cpd_hours double precision check (cpd_hours >= 0 and cpd_hours <= 10000),
      format text check (format in ('self_paced', 'cohort', 'blended')),
      language text,
      image_file_id uuid references media_files (id) on delete set null,
      partner_org_ids uuid[] not null default '{}',
      criteria_narrative text not null default '',
      pass_mark integer check (pass_mark between 0 and 100),
      validity_months integer check (validity_months between 1 and 600),
      achievement jsonb,
      created_by uuid references users (id) on delete set null,
      published_by uuid references users (id) on delete set null,
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (microcredential_id, version_number),
      check ((cost_amount_minor is null) = (cost_currency is null)),
      check ((status = 'published') = (published_at is not null))
    )`,
    // At most one draft per micro-credential at a time.
    sql`create unique index microcredential_versions_draft_key on microcredential_versions (microcredential_id) where status = 'draft'`,
    sql`create index microcredential_versions_org_idx on microcredential_versions (org_id)`,
    sql`create table microcredential_modules (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      version_id uuid not null references microcredential_versions (id) on delete cascade,
      position integer not null check (position >= 1),
      title text not null check (length(title) between 1 and 200),
      content text not null default '',
      links jsonb not null default '[]',
      estimated_minutes integer not null check (estimated_minutes between 1 and 10000),
      activity_type text check (activity_type in ('quiz', 'assignment')),
      activity jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((activity_type is null) = (activity is null)),
      constraint microcredential_modules_position_key unique (version_id, position) deferrable initially deferred
    )`,
    sql`create table catalog_entries (
      microcredential_id uuid primary key references microcredentials (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      version_id uuid not null references microcredential_versions (id) on delete cascade,
      slug text not null,
      provider_slug text not null,
      provider_name text not null,
      title text not null,
      summary text not null,
      skill_ids uuid[] not null,
      skills jsonb not null,
      partner_slugs text[] not null,
      partners jsonb not null,
      level integer,
      format text not null,
      language text not null,
      cost_amount_minor integer,
      cost_currency text,
      cost_major double precision not null,
      effort_hours double precision not null,
      cpd_hours double precision not null,
      duration_weeks integer not null,
      image_url text,
      published_at timestamptz not null,
      search tsvector not null
    )`,
    sql`create index catalog_entries_search_idx on catalog_entries using gin (search)`,
    sql`create index catalog_entries_skills_idx on catalog_entries using gin (skill_ids)`,
    sql`create index catalog_entries_partners_idx on catalog_entries using gin (partner_slugs)`,
    sql`create index catalog_entries_title_trgm_idx on catalog_entries using gin (title gin_trgm_ops)`,
    sql`create index catalog_entries_provider_idx on catalog_entries (provider_slug)`,
    sql`create index catalog_entries_published_idx on catalog_entries (published_at desc, microcredential_id)`,
    sql`create index catalog_entries_cost_idx on catalog_entries (cost_major, microcredential_id)`,
    sql`create index catalog_entries_effort_idx on catalog_entries (effort_hours, microcredential_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'catalog_entries',
    'microcredential_modules',
    'microcredential_versions',
    'microcredentials',
    'media_files',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
