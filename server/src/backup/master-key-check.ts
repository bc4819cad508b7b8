import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decryptSecret } from '@cairn/credentials';
import type { Db } from '../db/transaction.js';
import { findOneSealedSecret } from './backup.store.js';

export const MASTER_KEY_FILE = 'master.key';

/**
 * A short name for a master key, kept in a backup's manifest so a restore can tell the right
 * key from a wrong one before it writes anything. It is an HMAC under the key itself, so it
 * says nothing about the key to whoever reads the manifest.
 */
export function masterKeyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('cairn master key fingerprint v1').digest('hex').slice(0, 32);
}

/** Parses the content of a `master.key` file (32 bytes, base64, as the server writes it). */
export function parseMasterKeyFile(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${where} does not hold a 32-byte base64 key`);
  return key;
}

/** The development key file in `dataDir`, if there is one. Never creates one (the server does). */
export async function readMasterKeyFile(dataDir: string): Promise<Buffer | undefined> {
  const file = path.join(dataDir, MASTER_KEY_FILE);
  try {
    return parseMasterKeyFile(await readFile(file, 'utf8'), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export type MasterKeyProbe = 'opens' | 'does-not-open' | 'nothing-sealed';

/** Tries `key` on one sealed signing key of the database: the authoritative "is this the right key". */
export async function probeMasterKey(db: Db, key: Buffer): Promise<MasterKeyProbe> {
  const sealed = await findOneSealedSecret(db);
  if (sealed === undefined) return 'nothing-sealed';
  try {
    decryptSecret(sealed, key);
    return 'opens';
  } catch {
    return 'does-not-open';
  }
}
