import type { Actor, Deps } from '../deps.js';
import { requireOperator, type OperatorPolicy } from '../admin/operators.js';
import { AppError } from '../http/app-error.js';
import type { BackupManifest } from './backup-manifest.js';
import type { BackupContents } from './backup-archive.js';
import { buildManifest } from './backup-archive.js';
import { probeMasterKey } from './master-key-check.js';
import { dumpEmbeddedDatabase } from './pglite-dump.js';

/**
 * A backup of the running server's embedded database, for an instance operator. The master
 * key never leaves over HTTP: the archive names it by fingerprint only.
 */
export async function takeOnlineBackup(
  deps: Deps,
  operators: OperatorPolicy,
  actor: Actor,
): Promise<{ manifest: BackupManifest; contents: BackupContents }> {
  await requireOperator(deps, operators, actor);
  if (!deps.pglite) {
    throw new AppError(
      'conflict',
      'This server runs on PostgreSQL, which has its own online backup: run `npm run backup` (pg_dump) with DATABASE_URL set, or pg_dump -Fc yourself. See docs/backup.md.',
    );
  }
  const dump = await dumpEmbeddedDatabase(deps.db, deps.pglite);
  const probe = await probeMasterKey(deps.db, deps.masterKey);
  const contents: BackupContents = {
    dump,
    masterKey: { key: deps.masterKey, isProven: probe === 'opens' },
    isMasterKeyIncluded: false,
    now: deps.clock(),
  };
  return { manifest: await buildManifest(contents), contents };
}
