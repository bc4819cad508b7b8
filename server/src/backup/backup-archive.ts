import { createReadStream } from 'node:fs';
import { ARCHIVE_ENTRIES, cairnVersion, type BackupManifest } from './backup-manifest.js';
import type { DatabaseDump } from './database-dump.js';
import { masterKeyFingerprint } from './master-key-check.js';
import { tarChunks, type TarEntryInput } from './tar-archive.js';

export type BackupContents = {
  dump: DatabaseDump;
  /**
   * The master key at hand, and whether it was seen to open one of the dump's sealed signing
   * keys (only then does the manifest name it; a database with no signing key yet names none).
   */
  masterKey: { key: Buffer; isProven: boolean } | undefined;
  /** Put the master key itself in the archive (whoever holds the file can then sign as every organisation). */
  isMasterKeyIncluded: boolean;
  now: Date;
};

/** The default name of a backup taken at `at`: cairn-backup-20261207T101500Z.tar (sorts by time). */
export function backupFileName(at: Date): string {
  return `cairn-backup-${at
    .toISOString()
    .replaceAll(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.tar`;
}

export async function buildManifest(contents: BackupContents): Promise<BackupManifest> {
  const { dump } = contents;
  if (contents.isMasterKeyIncluded && !contents.masterKey) throw new TypeError('no master key to include');
  return {
    format: 'cairn-backup',
    formatVersion: 1,
    cairnVersion: await cairnVersion(),
    engine: dump.engine,
    createdAt: contents.now.toISOString(),
    postgresVersion: dump.postgresVersion,
    migrations: dump.migrations,
    database: {
      file: dump.engine === 'pglite' ? ARCHIVE_ENTRIES.pglite : ARCHIVE_ENTRIES.postgres,
      bytes: dump.size,
      sha256: dump.sha256,
    },
    masterKey: {
      fingerprint: contents.masterKey?.isProven ? masterKeyFingerprint(contents.masterKey.key) : null,
      isIncluded: contents.isMasterKeyIncluded,
    },
  };
}

/**
 * A backup archive: a tar holding `manifest.json` first, then the database dump, then (only
 * when asked) `master.key`, as chunks for a file or an HTTP response.
 */
export function backupArchiveChunks(manifest: BackupManifest, contents: BackupContents): AsyncGenerator<Uint8Array> {
  const { dump } = contents;
  const mtime = contents.now;
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const entries: TarEntryInput[] = [
    { name: ARCHIVE_ENTRIES.manifest, size: manifestBytes.length, content: manifestBytes, mtime },
    {
      name: manifest.database.file,
      size: dump.size,
      content:
        'bytes' in dump.content ? dump.content.bytes : (createReadStream(dump.content.file) as AsyncIterable<Buffer>),
      mode: 0o600,
      mtime,
    },
  ];
  if (contents.isMasterKeyIncluded && contents.masterKey) {
    const keyFile = Buffer.from(`${contents.masterKey.key.toString('base64')}\n`);
    entries.push({ name: ARCHIVE_ENTRIES.masterKey, size: keyFile.length, content: keyFile, mode: 0o600, mtime });
  }
  return tarChunks(entries);
}
