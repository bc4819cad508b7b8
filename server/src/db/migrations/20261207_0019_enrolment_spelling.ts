import { sql, type Kysely } from 'kysely';

/** Tables whose names, columns, constraints or indexes carry the word. */
const TABLES = ['enrolments', 'module_completions', 'quiz_attempts', 'submissions'];

/**
 * Renames every constraint and index of these tables whose name holds `from` (constraint
 * names were generated from the old table and column names; renaming the constraint of a
 * primary key or unique index renames its index too).
 */
async function renameNames(db: Kysely<unknown>, tables: string[], from: string, to: string) {
  const constraints = await sql<{ table: string; name: string }>`
    select t.relname as "table", c.conname as name
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname = any(${tables}) and c.conname like ${`%${from}%`}`.execute(db);
  for (const c of constraints.rows) {
    await sql`alter table ${sql.table(c.table)} rename constraint ${sql.id(c.name)} to ${sql.id(c.name.replaceAll(from, to))}`.execute(
      db,
    );
  }
  const indexes = await sql<{ name: string }>`
    select indexname as name from pg_indexes where schemaname = current_schema() and tablename = any(${tables}) and indexname like ${`%${from}%`}`.execute(
    db,
  );
  for (const i of indexes.rows)
    await sql`alter index ${sql.id(i.name)} rename to ${sql.id(i.name.replaceAll(from, to))}`.execute(db);
}

/**
 * One spelling, as the API already has it: `enrolments` / `enrolment_id`. Data stays; the
 * completion credentials' idempotency keys, which name the enrolment, follow.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table enrollments rename to enrolments`.execute(db);
  for (const table of ['module_completions', 'quiz_attempts', 'submissions']) {
    await sql`alter table ${sql.table(table)} rename column enrollment_id to enrolment_id`.execute(db);
  }
  await renameNames(db, TABLES, 'enrollment', 'enrolment');
  await sql`update credentials c set idempotency_key = 'enrolment:' || e.id from enrolments e
    where e.credential_row_id = c.id and c.idempotency_key = 'enrollment:' || e.id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update credentials c set idempotency_key = 'enrollment:' || e.id from enrolments e
    where e.credential_row_id = c.id and c.idempotency_key = 'enrolment:' || e.id`.execute(db);
  await renameNames(db, TABLES, 'enrolment', 'enrollment');
  for (const table of ['module_completions', 'quiz_attempts', 'submissions']) {
    await sql`alter table ${sql.table(table)} rename column enrolment_id to enrollment_id`.execute(db);
  }
  await sql`alter table enrolments rename to enrollments`.execute(db);
}
