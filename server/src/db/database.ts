import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createEmbeddedDataDir } from './embedded-initdb.js';
import { PGliteDialect } from './pglite-dialect.js';
import { preparingPool } from './prepared-statements.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  /** The embedded instance, when the engine is PGlite (the job queue runs multi-statement SQL through it). */
  pglite?: PGlite;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
};

export type OpenDatabaseOptions =
  | { engine: 'postgres'; url: string; poolSize?: number; onIdleError?: (err: Error) => void }
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob };

// Postgres returns int8 and numeric as strings; our counts are cast to int in SQL and money is
// kept in integer minor units, so nothing needs a parser here beyond the defaults.

function defaultIdleError(err: Error) {
  console.warn(`PostgreSQL closed an idle connection (${err.message}); it will be replaced.`);
}

/**
 * Embedded PostgreSQL lives in the server's own WebAssembly heap, which only grows: every buffer
 * page it ever touches stays resident. PostgreSQL's defaults (128 MB of shared buffers, 64 MB for
 * index builds) suit a dedicated database server; the embedded one reads its files through the
 * operating system's page cache anyway, so small buffers cost little speed and keep the idle
 * server small.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=16MB', 'maintenance_work_mem=16MB', 'temp_buffers=2MB'];

/** Opens PostgreSQL (a pool) or embedded PGlite (in memory when no dataDir is given). */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover, admin command) must not crash the
    // process: the pool replaces it on the next checkout.
    pool.on('error', (err) => (options.onIdleError ?? defaultIdleError)(err));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  if (options.dataDir) {
    // PGlite does not create missing parent directories.
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    dataDir = options.dataDir;
    // A new directory is created (initdb) in a child process, whose memory goes when it exits.
    if (!options.loadDataDir) await createEmbeddedDataDir(dataDir);
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS.flatMap((setting) => ['-c', setting])],
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
