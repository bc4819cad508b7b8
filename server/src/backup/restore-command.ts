import { parseArgs } from 'node:util';
import { commandConfig, exitWith } from './command-line.js';
import { embeddedDatabaseDir } from './create-backup.js';
import { restoreBackup, RestoreRefused } from './restore-backup.js';

const usage = `Usage: npm run restore -- FILE [options]

Restores a backup made by npm run backup (or POST /api/v1/admin/backup) into an EMPTY target:
the data directory (DATA_DIR or --data-dir) for an embedded-database backup, or the empty
PostgreSQL database at DATABASE_URL for a PostgreSQL backup. Then runs this Cairn's migrations.
The master key comes from CAIRN_MASTER_KEY, a master.key you put in the data directory, or the
backup itself; a key that is not the backup's is refused.

  --data-dir DIR                the data directory (default: DATA_DIR, or ./data)
  --pg-bin DIR                  directory of pg_restore, when the one on the PATH is not right
  --allow-missing-master-key    restore without any master key (nobody can sign until it is back)
`;

const { values, positionals } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'pg-bin': { type: 'string' },
    'allow-missing-master-key': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: true,
  strict: true,
});
if (values.help || positionals.length !== 1) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}

const config = commandConfig(values['data-dir']);
try {
  const result = await restoreBackup({
    file: positionals[0]!,
    config,
    pgBinDir: values['pg-bin'],
    isMissingMasterKeyAllowed: values['allow-missing-master-key'],
  });
  const { manifest, counts } = result;
  console.log(
    `Restored the backup of ${manifest.createdAt} (Cairn ${manifest.cairnVersion}) into ${config.databaseUrl ? 'the PostgreSQL database at DATABASE_URL' : embeddedDatabaseDir(config.dataDir)}`,
  );
  console.log(`  ${counts.organizations} organisations, ${counts.users} people, ${counts.credentials} credentials`);
  console.log(
    `  migrations run: ${result.migrationsApplied.length === 0 ? 'none (the backup was made by this version)' : result.migrationsApplied.join(', ')}`,
  );
  const source = {
    environment: 'CAIRN_MASTER_KEY',
    'data directory': 'master.key in the data directory',
    backup: 'the backup (written to master.key in the data directory)',
    none: 'none',
  }[result.masterKeySource];
  console.log(`  master key: ${source}`);
  if (result.masterKeyProbe === 'does-not-open') {
    console.error(
      `\n  ERROR: this master key does not open the restored signing keys: nobody can sign until the original key is in place.\n`,
    );
    process.exit(2);
  }
  if (result.masterKeySource === 'none') {
    console.warn(
      `\n  WARNING: no master key. Issued credentials verify, but nobody can sign until the original key is set (CAIRN_MASTER_KEY) or copied to ${config.dataDir}/master.key.\n`,
    );
  }
  console.log('Start Cairn as usual to serve it.');
} catch (err) {
  exitWith(err, [RestoreRefused]);
}
