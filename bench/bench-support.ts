import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Deps } from '../server/src/deps.js';
import type { JobQueue } from '../server/src/jobs/job-queue.js';

// Helpers the benches share: the app's dependencies, a scratch PostgreSQL database, percentiles.

/** The dependencies a bench gives the app: the real clock, a fresh master key. */
export function benchDeps(db: Deps['db'], jobs: JobQueue, publicUrl = 'http://bench.cairn.test'): Deps {
  return { db, clock: () => new Date(), publicUrl: new URL(publicUrl), masterKey: randomBytes(32), jobs };
}

/** The nearest-rank percentile `p` (0–100) of `values`, which need not be sorted. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Runs `work` on a new database created on the server at `serverUrl`, then drops it (with force:
 * a pool may still be closing) unless `keep` is set. `work` gets the new database's URL.
 */
export async function withScratchPostgres<T>(
  serverUrl: string,
  work: (databaseUrl: URL) => Promise<T>,
  { prefix = 'cairn_bench', keep = false }: { prefix?: string; keep?: boolean } = {},
): Promise<T> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    try {
      return await work(target);
    } finally {
      if (keep) console.log(`  kept database ${name}`);
      else await admin.query(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
