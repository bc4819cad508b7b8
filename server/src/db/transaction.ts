import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** A database handle: the root instance or an open transaction. Stores accept either. */
export type Db = Kysely<DB>;

/**
 * Runs `work` in one transaction. When `db` already is a transaction, joins it, so a use case
 * that calls another keeps all its writes in one unit.
 */
export async function transaction<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  return db.transaction().execute(work);
}
