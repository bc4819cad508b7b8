import { sql, type Kysely } from 'kysely';

/**
 * Credentials in a learner's wallet can be revoked or suspended by their issuers after import.
 * Their status is re-read from the issuers' lists now and then and kept here; only active ones
 * count toward pathways.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table wallet_credentials
    add column status text not null default 'active' check (status in ('active', 'revoked', 'suspended')),
    add column status_reason text,
    add column status_checked_at timestamptz,
    add column status_check_error text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table wallet_credentials drop column if exists status, drop column if exists status_reason, drop column if exists status_checked_at, drop column if exists status_check_error`.execute(
    db,
  );
}
