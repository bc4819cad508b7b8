import { sql, type Kysely } from 'kysely';

/**
 * Issue 12: `credential.expired` events. Expiry changes no row by itself, so a scheduled scan
 * finds credentials whose `valid_until` has passed and records the event once for each;
 * `expiry_recorded_at` remembers which have had it. Credentials that expired before events
 * existed are marked as recorded, so the first scan does not announce years of old expiries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table credentials add column expiry_recorded_at timestamptz`.execute(db);
  await sql`update credentials set expiry_recorded_at = valid_until where valid_until <= now()`.execute(db);
  // Only credentials that will expire and have not been announced: the scan reads this index alone.
  await sql`create index credentials_expiry_due_idx on credentials (valid_until) where expiry_recorded_at is null and valid_until is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists credentials_expiry_due_idx`.execute(db);
  await sql`alter table credentials drop column if exists expiry_recorded_at`.execute(db);
}
