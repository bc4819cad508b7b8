import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { backupArchiveChunks, buildManifest } from './backup-archive.js';
import type { BackupManifest } from './backup-manifest.js';
import { listAppliedMigrations, serverVersion } from './backup.store.js';
import type { DatabaseDump } from './database-dump.js';
import { probeMasterKey, readMasterKeyFile, type MasterKeyProbe } from './master-key-check.js';
import { dumpEmbeddedDatabase } from './pglite-dump.js';
import { pgDump } from './postgres-tools.js';

export type CreateBackupOptions = {
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'masterKey'>;
  /** The archive to write; it must not exist yet. */
  out: string;
  /** Put the master key in the archive too. */
  isMasterKeyIncluded: boolean;
  /** Directory of pg_dump (PostgreSQL only); absent means the PATH. */
  pgBinDir?: string | undefined;
  /** Copy the embedded database although it looks open (a server that stopped without closing it). */
  isForced?: boolean;
  now: Date;
  /** Where warnings for the operator go. */
  warn: (message: string) => void;
};

/** Refusals the operator can act on; the command prints the message alone. */
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

/** Where the embedded database lives under a data directory (as `main.ts` opens it). */
export function embeddedDatabaseDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/**
 * Writes a backup archive of Cairn's database to `out`: the embedded database's data
 * directory (the server must be stopped; while it runs, use POST /api/v1/admin/backup), or a
 * pg_dump of the PostgreSQL database at DATABASE_URL (safe while servers run). The archive is
 * written under a temporary name and renamed when complete, so a failed run leaves no file
 * that looks like a backup.
 */
export async function createBackup(options: CreateBackupOptions): Promise<{ manifest: BackupManifest; file: string }> {
  const out = path.resolve(options.out);
  if (existsSync(out))
    throw new BackupRefused(`${out} already exists. Choose another file name, or move the old backup away first.`);
  if (!existsSync(path.dirname(out)))
    throw new BackupRefused(
      `The directory ${path.dirname(out)} does not exist. Create it first, or choose another --out.`,
    );
  const { config } = options;
  const keyAtHand = config.masterKey ?? (await readMasterKeyFile(config.dataDir));
  const partial = `${out}.partial`;
  const dumpFile = `${out}.dump.partial`;
  try {
    const { dump, probe } = config.databaseUrl
      ? await dumpPostgres(config.databaseUrl, dumpFile, keyAtHand, options.pgBinDir)
      : await dumpEmbedded(config.dataDir, keyAtHand, options.isForced ?? false);
    if (dump.migrations.length === 0) {
      throw new BackupRefused(
        `There is no Cairn database ${config.databaseUrl ? 'at DATABASE_URL' : `in ${embeddedDatabaseDir(config.dataDir)}`} (no migration has run on it). Check DATABASE_URL / DATA_DIR: Cairn prepares its database at its first start.`,
      );
    }
    const masterKey = checkMasterKey(keyAtHand, probe, options);
    const contents = { dump, masterKey, isMasterKeyIncluded: options.isMasterKeyIncluded, now: options.now };
    const manifest = await buildManifest(contents);
    // A backup holds personal data and sealed keys: readable by its owner only.
    await pipeline(
      Readable.from(backupArchiveChunks(manifest, contents)),
      createWriteStream(partial, { mode: 0o600, flags: 'wx' }),
    );
    await rename(partial, out);
    return { manifest, file: out };
  } finally {
    await rm(partial, { force: true });
    await rm(dumpFile, { force: true });
  }
}

async function dumpEmbedded(
  dataDir: string,
  keyAtHand: Buffer | undefined,
  isForced: boolean,
): Promise<{ dump: DatabaseDump; probe: MasterKeyProbe | undefined }> {
  const dir = embeddedDatabaseDir(dataDir);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    throw new BackupRefused(
      `There is no embedded database in ${dir}. Set DATA_DIR (or pass --data-dir) to the directory the server uses; with PostgreSQL, set DATABASE_URL.`,
    );
  }
  // PGlite writes this file when it opens the directory and removes it when it closes it.
  if (existsSync(path.join(dir, 'postmaster.pid')) && !isForced) {
    throw new BackupRefused(
      `The embedded database in ${dir} is open (postmaster.pid exists): Cairn is probably running. Stop it first, or take the backup from the running server with POST /api/v1/admin/backup. If no Cairn runs on it (it stopped without closing the database), run again with --force.`,
    );
  }
  const database = await openDatabase({ engine: 'pglite', dataDir: dir });
  try {
    const dump = await dumpEmbeddedDatabase(database.db, database.pglite!);
    const probe = keyAtHand ? await probeMasterKey(database.db, keyAtHand) : undefined;
    return { dump, probe };
  } finally {
    await database.close();
  }
}

async function dumpPostgres(
  url: string,
  file: string,
  keyAtHand: Buffer | undefined,
  binDir: string | undefined,
): Promise<{ dump: DatabaseDump; probe: MasterKeyProbe | undefined }> {
  const database = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
  let facts: { migrations: string[]; postgresVersion: string; probe: MasterKeyProbe | undefined };
  try {
    facts = {
      migrations: await listAppliedMigrations(database.db),
      postgresVersion: await serverVersion(database.db),
      probe: keyAtHand ? await probeMasterKey(database.db, keyAtHand) : undefined,
    };
  } finally {
    await database.close();
  }
  const { size, sha256 } = await pgDump({ url, file, binDir });
  return {
    dump: {
      engine: 'postgres',
      postgresVersion: facts.postgresVersion,
      migrations: facts.migrations,
      content: { file },
      size,
      sha256,
    },
    probe: facts.probe,
  };
}

/** The key to name in the manifest (and maybe include), once it is known to open the signing keys. */
function checkMasterKey(
  keyAtHand: Buffer | undefined,
  probe: MasterKeyProbe | undefined,
  options: CreateBackupOptions,
): { key: Buffer; isProven: boolean } | undefined {
  if (!keyAtHand) {
    if (options.isMasterKeyIncluded)
      throw new BackupRefused(
        '--include-master-key: no master key was found (CAIRN_MASTER_KEY is not set and there is no master.key in the data directory).',
      );
    options.warn(
      'No master key was found (CAIRN_MASTER_KEY is not set and there is no master.key in the data directory). Restoring this backup needs the key the server uses: keep it safe, apart from the backup.',
    );
    return undefined;
  }
  if (probe === 'does-not-open') {
    const message =
      'The master key found here (CAIRN_MASTER_KEY, or master.key in the data directory) does not open the signing keys in this database: it is not the key the server uses.';
    if (options.isMasterKeyIncluded)
      throw new BackupRefused(`${message} Run this command with the server's CAIRN_MASTER_KEY.`);
    options.warn(`${message} The backup does not name a key; restoring it needs the server's key.`);
    return undefined;
  }
  // 'nothing-sealed': no organisation has a key yet, so no key is wrong for this database.
  return { key: keyAtHand, isProven: probe === 'opens' };
}
