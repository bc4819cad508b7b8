import { sql } from 'kysely';
import type { Database } from './database.js';
import type { Db } from './transaction.js';

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

/**
 * Serialises one setup step (the starter framework, the demo world) across servers until the
 * transaction `trx` ends, so each step is safe on its own, not only under `withStartupLock`:
 * the second caller waits, then finds the first one's rows and does nothing.
 */
export async function lockSetupStep(trx: Db, step: 'starter-framework' | 'demo-world'): Promise<void> {
  if (!trx.isTransaction) throw new TypeError('lockSetupStep needs a transaction: the lock is held until it ends.');
  await sql`select pg_advisory_xact_lock(hashtext(${`cairn.setup.${step}`}))`.execute(trx);
}
