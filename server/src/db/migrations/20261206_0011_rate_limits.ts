import { sql, type Kysely } from 'kysely';

/**
 * Counters of the authentication rate limits, shared by every server process. The columns are
 * the ones `rate-limiter-flexible`'s PostgreSQL store reads and writes (`key`, `points`,
 * `expire` in epoch milliseconds); it is told the table exists, so it never creates one itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table rate_limits (
    key varchar(255) primary key,
    points integer not null default 0,
    expire bigint
  )`.execute(db);
  // Expired rows are swept by expiry.
  await sql`create index rate_limits_expire_idx on rate_limits (expire)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists rate_limits`.execute(db);
}
