import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import { listAppliedMigrations, serverVersion } from './backup.store.js';
import { sha256Hex, type DatabaseDump } from './database-dump.js';

/**
 * A consistent copy of the embedded database, also while the server runs. PGlite is one
 * connection behind our dialect's lock (the job queue's SQL included), so holding that
 * connection means no transaction is open and none can start until the copy is taken.
 */
export async function dumpEmbeddedDatabase(db: Db, pglite: PGlite): Promise<DatabaseDump> {
  return db.connection().execute(async (conn) => {
    // Writes every change into the data files, so the copy opens without crash recovery.
    await sql`checkpoint`.execute(conn);
    const migrations = await listAppliedMigrations(conn);
    const postgresVersion = await serverVersion(conn);
    const blob = await pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    return {
      engine: 'pglite',
      postgresVersion,
      migrations,
      content: { bytes },
      size: bytes.length,
      sha256: sha256Hex(bytes),
    };
  });
}
