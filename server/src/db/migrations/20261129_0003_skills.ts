import { sql, type Kysely } from 'kysely';

/**
 * Skill frameworks and skills. The starter framework that ships with Cairn has no organisation
 * (org_id is null); every imported framework belongs to one organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table skill_frameworks (
      id uuid primary key default gen_random_uuid(),
      org_id uuid references organizations (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      source text not null check (source in ('cairn', 'esco', 'onet', 'custom')),
      content_version text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create unique index skill_frameworks_org_name_key on skill_frameworks (coalesce(org_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`,
    sql`create table skills (
      id uuid primary key default gen_random_uuid(),
      framework_id uuid not null references skill_frameworks (id) on delete cascade,
      org_id uuid references organizations (id) on delete cascade,
      code text not null check (length(code) between 1 and 300),
      name text not null check (length(name) between 1 and 300),
      description text not null default '',
      group_name text,
      skill_type text,
      uri text,
      alt_labels text[] not null default '{}',
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (framework_id, code)
    )`,
    sql`create index skills_org_idx on skills (org_id)`,
    sql`create index skills_search_idx on skills using gin (search)`,
    sql`create index skills_name_trgm_idx on skills using gin (name gin_trgm_ops)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['skills', 'skill_frameworks']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
