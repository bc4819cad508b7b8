import { sql } from 'kysely';
import type { Database } from './database.js';

/** One key for "a server is preparing the database" (any constant both servers agree on). */
const STARTUP_LOCK_KEY = 0x43_41_49_52_4e_01; // "CAIRN" + 1

/**
 * Runs `work` (migrations, seed, starter framework, job queue install) while holding a
 * PostgreSQL session advisory lock, so servers started together on one database take turns:
 * the first prepares it, the others find it ready. PGlite is one process by construction.
 */
export async function withStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.engine === 'pglite') return work();
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
  });
}
