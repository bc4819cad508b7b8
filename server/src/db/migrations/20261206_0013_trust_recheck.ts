import { sql, type Kysely } from 'kysely';

/**
 * Verification now decides from the signed meaning and binds Cairn achievements to their
 * publisher's signature. Entries imported under the old rules are re-checked once
 * (`maintenance_tasks`); an entry that no longer counts is marked `untrusted`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table wallet_credentials drop constraint if exists wallet_credentials_status_check`.execute(db);
  await sql`alter table wallet_credentials add constraint wallet_credentials_status_check check (status in ('active', 'revoked', 'suspended', 'untrusted'))`.execute(
    db,
  );
  await sql`create table maintenance_tasks (
    name text primary key,
    status text not null default 'pending' check (status in ('pending', 'done')),
    created_at timestamptz not null default now(),
    finished_at timestamptz,
    summary jsonb
  )`.execute(db);
  await sql`insert into maintenance_tasks (name) values ('trust-recheck-2026-12')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists maintenance_tasks`.execute(db);
  await sql`update wallet_credentials set status = 'suspended' where status = 'untrusted'`.execute(db);
  await sql`alter table wallet_credentials drop constraint if exists wallet_credentials_status_check`.execute(db);
  await sql`alter table wallet_credentials add constraint wallet_credentials_status_check check (status in ('active', 'revoked', 'suspended'))`.execute(
    db,
  );
}
