import { sql, type Kysely } from 'kysely';

/**
 * A programme version's field of study (OB 3.0 `Achievement.fieldOfStudy`), so an accreditation
 * scheme limited to fields can check a programme against them: a programme that declares none
 * cannot be placed inside such a scheme.
 *
 * - `microcredential_versions.field_of_study`: authored on the draft, frozen with the version.
 * - `catalog_entries.field_of_study`: copied from the listed version when it is published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table microcredential_versions add column field_of_study text
      check (field_of_study is null or (length(field_of_study) between 1 and 120))`,
    sql`alter table catalog_entries add column field_of_study text`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table catalog_entries drop column if exists field_of_study`.execute(db);
  await sql`alter table microcredential_versions drop column if exists field_of_study`.execute(db);
}
