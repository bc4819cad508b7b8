import { sql, type Kysely } from 'kysely';

/**
 * Issue 11: a version on each status list's published credentials, so a verifier can keep a list
 * in memory and know with one small read whether it is still the one published.
 *
 * `published_version` is a fresh random UUID whenever an UPDATE writes either published credential
 * (a trigger, so no writer can forget it): a counter could come back to an earlier value after a
 * restore, a random one does not. Index allocations (which update the row on every issuance) do
 * not write those columns and so do not change it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table status_lists add column published_version uuid not null default gen_random_uuid()`,
    sql`create function status_lists_published_version_bump() returns trigger language plpgsql as $$
      begin
        new.published_version := gen_random_uuid();
        return new;
      end $$`,
    sql`create trigger status_lists_published_version
      before update of revocation_credential, suspension_credential on status_lists
      for each row execute function status_lists_published_version_bump()`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists status_lists_published_version on status_lists`.execute(db);
  await sql`drop function if exists status_lists_published_version_bump()`.execute(db);
  await sql`alter table status_lists drop column if exists published_version`.execute(db);
}
