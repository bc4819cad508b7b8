import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery } from 'kysely';
import type { Db } from '../db/transaction.js';

/** The one method pg-boss needs of a database: run SQL, return rows. */
export type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss runs on our own connection (pool or PGlite), so a job sent inside a transaction is
 * written by that transaction and commits or rolls back with the change that caused it.
 * PGlite's `query()` takes one statement; pg-boss's schema and maintenance SQL are several
 * statements without parameters, which go to `exec()` while holding the connection's lock.
 */
export function bossDbOf(db: Db, pglite?: PGlite): BossDb {
  return {
    async executeSql(text, values = []) {
      if (pglite && values.length === 0) {
        const exec = async () => ({ rows: (await pglite.exec(text)).at(-1)?.rows ?? [] });
        // Inside a transaction we already hold the connection; outside, take it first.
        return db.isTransaction ? exec() : db.connection().execute(exec);
      }
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}
