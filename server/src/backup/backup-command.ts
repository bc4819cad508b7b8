import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { backupFileName } from './backup-archive.js';
import { commandConfig, exitWith, formatBytes } from './command-line.js';
import { BackupRefused, createBackup } from './create-backup.js';

/**
 * `npm run backup -- [--out FILE] [--data-dir DIR] [--include-master-key] [--pg-bin DIR] [--force]`
 * Embedded database: run it while the server is stopped. PostgreSQL (DATABASE_URL set): any time.
 */
const usage = `Usage: npm run backup -- [--out FILE] [options]

Writes one archive (a tar: manifest.json and the database) of the Cairn database this
configuration points at: the embedded database in DATA_DIR (stop the server first; while it
runs, use POST /api/v1/admin/backup), or the PostgreSQL database at DATABASE_URL (pg_dump).

  --out FILE              the archive to write (default: cairn-backup-<time>.tar here)
  --data-dir DIR          the data directory (default: DATA_DIR, or ./data)
  --include-master-key    also put the master key in the archive (see the warning it prints)
  --pg-bin DIR            directory of pg_dump, when the one on the PATH is not your server's version
  --force                 copy an embedded database that looks open (only if no server runs on it)
`;

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    'data-dir': { type: 'string' },
    'include-master-key': { type: 'boolean', default: false },
    'pg-bin': { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const config = commandConfig(values['data-dir']);
const now = new Date();
const out = values.out ?? backupFileName(now);
const isMasterKeyIncluded = values['include-master-key'];
if (isMasterKeyIncluded) {
  console.warn(`
  WARNING: --include-master-key puts the master key INSIDE this backup.
  Whoever has the file can unseal every organisation's signing key and sign credentials in
  its name. Encrypt the file (age, gpg) and keep it apart from ordinary backups, or leave the
  key out and keep CAIRN_MASTER_KEY in your secrets manager instead.
`);
}

try {
  const { manifest, file } = await createBackup({
    config,
    out,
    isMasterKeyIncluded,
    pgBinDir: values['pg-bin'],
    isForced: values.force,
    now,
    warn: (message) => console.warn(`\n  WARNING: ${message}\n`),
  });
  const { size } = await stat(file);
  console.log(`Backup written: ${file} (${formatBytes(size)})`);
  console.log(
    `  database:   ${manifest.engine === 'pglite' ? `embedded (PGlite, PostgreSQL ${manifest.postgresVersion}) from ${config.dataDir}` : `PostgreSQL ${manifest.postgresVersion} (pg_dump)`}`,
  );
  console.log(`  migrations: ${manifest.migrations.length}, the last ${manifest.migrations.at(-1) ?? '(none)'}`);
  console.log(
    `  master key: ${manifest.masterKey.isIncluded ? 'INCLUDED in the archive' : 'not included: keep CAIRN_MASTER_KEY (or DATA_DIR/master.key) safe, apart from this file'}${manifest.masterKey.fingerprint ? ` (fingerprint ${manifest.masterKey.fingerprint})` : ''}`,
  );
} catch (err) {
  exitWith(err, [BackupRefused]);
}
