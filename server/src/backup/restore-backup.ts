import { randomBytes, createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ARCHIVE_ENTRIES, checkRestorable, type BackupManifest } from './backup-manifest.js';
import { countRestoredRows, listUserObjects } from './backup.store.js';
import { embeddedDatabaseDir } from './create-backup.js';
import {
  MASTER_KEY_FILE,
  masterKeyFingerprint,
  parseMasterKeyFile,
  probeMasterKey,
  readMasterKeyFile,
  type MasterKeyProbe,
} from './master-key-check.js';
import { pgRestore } from './postgres-tools.js';
import { entryStream, readEntry, readTarIndex, TarFormatError, type TarEntry } from './tar-archive.js';

export type RestoreBackupOptions = {
  /** The archive `npm run backup` or POST /api/v1/admin/backup wrote. */
  file: string;
  /** Where to restore: DATA_DIR (embedded) or DATABASE_URL (PostgreSQL); CAIRN_MASTER_KEY if set. */
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'masterKey'>;
  pgBinDir?: string | undefined;
  /** Restore although no master key is at hand (signing stays impossible until the key is back). */
  isMissingMasterKeyAllowed?: boolean;
};

export type RestoreResult = {
  manifest: BackupManifest;
  /** Migrations run on the restored database (the backup was older than this Cairn). */
  migrationsApplied: string[];
  /** Where the master key for the restored database comes from. */
  masterKeySource: 'environment' | 'data directory' | 'backup' | 'none';
  /** Whether that key opens the restored signing keys (undefined without a key). */
  masterKeyProbe: MasterKeyProbe | undefined;
  counts: { organizations: number; credentials: number; users: number };
};

/** A restore that cannot go ahead, with what to do about it; nothing was written. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Restores a backup archive into an empty target: DATA_DIR for the embedded database (it must
 * be empty, but for a master.key put there on purpose), or the empty PostgreSQL database at
 * DATABASE_URL. Checks the archive (manifest, checksum) and the master key before writing
 * anything, then brings the restored schema up to this Cairn's migrations.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  const { manifest, databaseEntry, archivedKey } = await readArchive(file);
  const { config } = options;
  const isEmbedded = !config.databaseUrl;
  if (manifest.engine === 'pglite' && !isEmbedded) {
    throw new RestoreRefused(
      'This backup is of an embedded (PGlite) database, but DATABASE_URL is set. Unset it to restore into a data directory (DATA_DIR or --data-dir).',
    );
  }
  if (manifest.engine === 'postgres' && isEmbedded) {
    throw new RestoreRefused(
      'This backup is a PostgreSQL dump. Set DATABASE_URL to the empty PostgreSQL database to restore it into (pg_restore needs a server).',
    );
  }
  const key = await chooseMasterKey(manifest, archivedKey, config, options.isMissingMasterKeyAllowed ?? false);

  const restored = isEmbedded
    ? await restoreEmbedded(file, databaseEntry, config.dataDir, key.key)
    : await restorePostgres(file, databaseEntry, config.databaseUrl!, options.pgBinDir, key.key);

  // Only now, with the database in place: a key file beside it that the server will use.
  if (key.source === 'backup') {
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(path.join(config.dataDir, MASTER_KEY_FILE), `${key.key!.toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return { manifest, masterKeySource: key.source, ...restored };
}

async function readArchive(file: string) {
  const unreadable = (reason: string) => new RestoreRefused(`${file} is not a readable Cairn backup: ${reason}.`);
  let entries: TarEntry[];
  try {
    entries = await readTarIndex(file);
  } catch (err) {
    if (err instanceof TarFormatError) throw unreadable(err.message);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new RestoreRefused(`${file} does not exist.`);
    throw err;
  }
  const find = (name: string) => entries.find((e) => e.name === name);
  const manifestEntry = find(ARCHIVE_ENTRIES.manifest);
  if (!manifestEntry) throw unreadable('it has no manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse((await readEntry(file, manifestEntry)).toString('utf8'));
  } catch {
    throw unreadable('its manifest.json is not JSON');
  }
  let manifest: BackupManifest;
  try {
    manifest = checkRestorable(raw);
  } catch (err) {
    throw unreadable((err as Error).message);
  }
  const databaseEntry = find(manifest.database.file);
  if (!databaseEntry) throw unreadable(`it has no ${manifest.database.file}`);
  if (databaseEntry.size !== manifest.database.bytes)
    throw unreadable(
      `${manifest.database.file} has ${databaseEntry.size} bytes, the manifest says ${manifest.database.bytes}`,
    );
  const hash = createHash('sha256');
  for await (const chunk of entryStream(file, databaseEntry)) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== manifest.database.sha256)
    throw unreadable(`${manifest.database.file} is damaged (its SHA-256 differs from the one in the manifest)`);

  const keyEntry = find(ARCHIVE_ENTRIES.masterKey);
  let archivedKey: Buffer | undefined;
  if (keyEntry) {
    try {
      archivedKey = parseMasterKeyFile((await readEntry(file, keyEntry)).toString('utf8'), 'its master.key');
    } catch (err) {
      throw unreadable((err as Error).message);
    }
    if (manifest.masterKey.fingerprint && masterKeyFingerprint(archivedKey) !== manifest.masterKey.fingerprint)
      throw unreadable('its master.key is not the key its manifest names');
  }
  return { manifest, databaseEntry, archivedKey };
}

type ChosenKey = { key: Buffer | undefined; source: RestoreResult['masterKeySource'] };

/**
 * The master key the restored server will use: CAIRN_MASTER_KEY, else a master.key already in
 * the data directory, else the one in the archive. Refuses a key that is not the backup's.
 */
async function chooseMasterKey(
  manifest: BackupManifest,
  archived: Buffer | undefined,
  config: RestoreBackupOptions['config'],
  isMissingAllowed: boolean,
): Promise<ChosenKey> {
  const inDataDir = await readMasterKeyFile(config.dataDir);
  const chosen: ChosenKey = config.masterKey
    ? { key: config.masterKey, source: 'environment' }
    : inDataDir
      ? { key: inDataDir, source: 'data directory' }
      : archived
        ? { key: archived, source: 'backup' }
        : { key: undefined, source: 'none' };
  const where = chosen.source === 'environment' ? 'CAIRN_MASTER_KEY' : `${path.join(config.dataDir, MASTER_KEY_FILE)}`;
  if (chosen.key && archived && !chosen.key.equals(archived)) {
    throw new RestoreRefused(
      `${where} is not the master key inside this backup. The server would use ${where} and could not open the restored signing keys. Remove it (or set it to the backup's key) and run restore again.`,
    );
  }
  const expected = manifest.masterKey.fingerprint;
  if (chosen.key && expected && masterKeyFingerprint(chosen.key) !== expected) {
    throw new RestoreRefused(
      `${where} is not the master key this backup's signing keys were sealed with (the backup names key ${expected}, this one is ${masterKeyFingerprint(chosen.key)}). With it no organisation could sign again. Use the original key: set CAIRN_MASTER_KEY to it, or put the original master.key in ${config.dataDir}.`,
    );
  }
  if (!chosen.key && !isMissingAllowed) {
    throw new RestoreRefused(
      `No master key: this backup does not include one, CAIRN_MASTER_KEY is not set and ${path.join(config.dataDir, MASTER_KEY_FILE)} does not exist. The restored signing keys are sealed with the original key${expected ? ` (${expected})` : ''}. Set CAIRN_MASTER_KEY to it, or copy the original master.key into ${config.dataDir}, then run restore again. (--allow-missing-master-key restores without it: issued credentials still verify, but nobody can sign until the key is back.)`,
    );
  }
  return chosen;
}

async function afterRestore(database: Database, key: Buffer | undefined) {
  const migrationsApplied = await migrateToLatest(database.db);
  const masterKeyProbe = key ? await probeMasterKey(database.db, key) : undefined;
  const counts = await countRestoredRows(database.db);
  return { migrationsApplied, masterKeyProbe, counts };
}

async function restoreEmbedded(file: string, entry: TarEntry, dataDir: string, key: Buffer | undefined) {
  const existing = existsSync(dataDir) ? (await readdir(dataDir)).filter((name) => name !== MASTER_KEY_FILE) : [];
  if (existing.length > 0) {
    throw new RestoreRefused(
      `${dataDir} is not empty (it holds ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}). Restore only goes into an empty data directory, so it never overwrites a database: choose a new directory with --data-dir (or DATA_DIR), or move this one away.`,
    );
  }
  await mkdir(dataDir, { recursive: true });
  // Loaded beside its final place and renamed when complete: a failed restore leaves no half database.
  const staging = path.join(dataDir, `.restoring-${randomBytes(4).toString('hex')}`);
  try {
    const dump = await readEntry(file, entry);
    const database = await openDatabase({
      engine: 'pglite',
      dataDir: staging,
      loadDataDir: new Blob([dump], { type: 'application/gzip' }),
    });
    let result: Awaited<ReturnType<typeof afterRestore>>;
    try {
      result = await afterRestore(database, key);
    } finally {
      await database.close();
    }
    await rename(staging, embeddedDatabaseDir(dataDir));
    return result;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function restorePostgres(
  file: string,
  entry: TarEntry,
  url: string,
  binDir: string | undefined,
  key: Buffer | undefined,
) {
  const database = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
  const dir = await mkdtemp(path.join(tmpdir(), 'cairn-restore-'));
  try {
    await refuseNonEmptyDatabase(database, url);
    const dumpFile = path.join(dir, ARCHIVE_ENTRIES.postgres);
    await pipeline(entryStream(file, entry), createWriteStream(dumpFile, { mode: 0o600 }));
    await pgRestore({ url, file: dumpFile, binDir });
    return await afterRestore(database, key);
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function refuseNonEmptyDatabase(database: Database, url: string) {
  let objects: string[];
  try {
    objects = await listUserObjects(database.db);
  } catch (err) {
    if ((err as { code?: unknown }).code === '3D000') {
      throw new RestoreRefused(
        `The database at DATABASE_URL does not exist. Create it (createdb ${new URL(url).pathname.slice(1)}) and run restore again.`,
      );
    }
    throw err;
  }
  if (objects.length > 0) {
    throw new RestoreRefused(
      `The database at DATABASE_URL is not empty (it holds ${objects.join(', ')}${objects.length === 5 ? ', …' : ''}). Restore only goes into an empty database, so it never overwrites one: create a new database (createdb cairn_restored) and point DATABASE_URL at it.`,
    );
  }
}
