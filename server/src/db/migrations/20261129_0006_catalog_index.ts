import { sql, type Kysely } from 'kysely';

/**
 * A change sequence on catalogue rows, so each server's in-memory filter and facet index can
 * catch up with what other servers published by reading only the rows changed since.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create sequence catalog_entries_change_seq`,
    sql`alter table catalog_entries add column change_seq bigint not null default nextval('catalog_entries_change_seq')`,
    sql`create index catalog_entries_change_seq_idx on catalog_entries (change_seq)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table catalog_entries drop column if exists change_seq`.execute(db);
  await sql`drop sequence if exists catalog_entries_change_seq`.execute(db);
}
