import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** A database handle: the root instance or an open transaction. Stores accept either. */
export type Db = Kysely<DB>;

/** SQLSTATEs PostgreSQL asks the client to retry: serialization failure and deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

const afterCommitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `work` in one transaction. When `db` already is a transaction, joins it, so a use case
 * that calls another keeps all its writes in one unit.
 *
 * A transaction PostgreSQL aborts as a deadlock victim or a serialization failure is run again
 * from the start (bounded, with jittered backoff), so `work` must do nothing outside the
 * database that it cannot repeat; hooks registered with `afterCommit` run once, after the
 * attempt that committed.
 */
export async function transaction<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  for (let attempt = 1; ; attempt += 1) {
    const hooks: (() => void)[] = [];
    try {
      const result = await db.transaction().execute(async (trx) => {
        afterCommitHooks.set(trx, hooks);
        return work(trx);
      });
      for (const hook of hooks) hook();
      return result;
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err;
      await sleep(jitteredBackoffMs(attempt));
    }
  }
}

/**
 * Runs `hook` once `db`'s transaction has committed (at once when `db` is not a transaction
 * opened by `transaction`). For in-process wake-ups only: a crash between commit and hook
 * loses the hook, so nothing durable may depend on it.
 */
export function afterCommit(db: Db, hook: () => void): void {
  const hooks = db.isTransaction ? afterCommitHooks.get(db) : undefined;
  if (hooks) hooks.push(hook);
  else if (!db.isTransaction) hook();
}

export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export function jitteredBackoffMs(attempt: number): number {
  const base = 20 * 2 ** (attempt - 1);
  return base / 2 + Math.random() * base;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
