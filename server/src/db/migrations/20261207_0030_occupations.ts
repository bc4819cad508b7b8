import { sql, type Kysely } from 'kysely';

/**
 * Occupations imported with a skill framework (ESCO `occupations_en.csv`) and the skills each
 * one asks for (`occupationSkillRelations_en.csv`: essential or optional). An occupation
 * belongs to the framework whose skills it names, and so to that framework's organisation
 * (org_id null for a framework Cairn ships). A learner's skills goal started from an
 * occupation remembers it in `learner_goals.occupation_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table occupations (
      id uuid primary key default gen_random_uuid(),
      framework_id uuid not null references skill_frameworks (id) on delete cascade,
      org_id uuid references organizations (id) on delete cascade,
      uri text not null check (length(uri) between 1 and 300),
      code text not null default '' check (length(code) <= 100),
      title text not null check (length(title) between 1 and 300),
      description text not null default '',
      alt_labels text[] not null default '{}',
      isco_group text,
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (framework_id, uri)
    )`,
    sql`create index occupations_org_idx on occupations (org_id)`,
    sql`create index occupations_search_idx on occupations using gin (search)`,
    sql`create index occupations_title_trgm_idx on occupations using gin (title gin_trgm_ops)`,
    sql`create table occupation_skills (
      occupation_id uuid not null references occupations (id) on delete cascade,
      skill_id uuid not null references skills (id) on delete cascade,
      relation text not null check (relation in ('essential', 'optional')),
      primary key (occupation_id, skill_id)
    )`,
    sql`create index occupation_skills_skill_idx on occupation_skills (skill_id)`,
    sql`alter table learner_goals add column occupation_id uuid references occupations (id) on delete set null`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table learner_goals drop column if exists occupation_id`.execute(db);
  for (const table of ['occupation_skills', 'occupations'])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
