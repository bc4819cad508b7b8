import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';

/** Cairn's migrations applied in this database, in the order they ran (none: not a Cairn database yet). */
export async function listAppliedMigrations(db: Db): Promise<string[]> {
  const { rows: exists } = await sql<{
    found: boolean;
  }>`select to_regclass('kysely_migration') is not null as found`.execute(db);
  if (!exists[0]?.found) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by timestamp, name`.execute(db);
  return rows.map((r) => r.name);
}

export async function serverVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ server_version: string }>`show server_version`.execute(db);
  return rows[0]?.server_version ?? 'unknown';
}

/** One sealed signing-key secret (an organisation's did:web key or its did:key), to try a master key on. */
export async function findOneSealedSecret(db: Db): Promise<string | undefined> {
  const key = await db
    .selectFrom('signing_keys')
    .select('secret_key_sealed')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (key) return key.secret_key_sealed;
  const didKey = await db.selectFrom('did_key_issuers').select('secret_key_sealed').limit(1).executeTakeFirst();
  return didKey?.secret_key_sealed;
}

/**
 * Tables, views and sequences outside PostgreSQL's own schemas, and schemas other than
 * `public`: anything here means the database is not empty (a few names, for the message).
 */
export async function listUserObjects(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select n.nspname || '.' || c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    union all
    select 'schema ' || nspname from pg_namespace
    where nspname not in ('pg_catalog', 'information_schema', 'public') and nspname not like 'pg\\_%'
    limit 5`.execute(db);
  return rows.map((r) => r.name);
}

export async function countRestoredRows(
  db: Db,
): Promise<{ organizations: number; credentials: number; users: number }> {
  const count = async (table: 'organizations' | 'credentials' | 'users') =>
    (
      await db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    organizations: await count('organizations'),
    credentials: await count('credentials'),
    users: await count('users'),
  };
}
