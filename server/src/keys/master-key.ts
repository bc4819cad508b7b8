import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The key that encrypts signing keys at rest. Production passes CAIRN_MASTER_KEY; on a
 * developer's machine one is made once and kept beside the embedded database (mode 0600),
 * so signing keys stay readable across restarts.
 */
export async function loadOrCreateMasterKey(options: {
  configured: Buffer | undefined;
  dataDir: string;
}): Promise<{ key: Buffer; source: 'environment' | 'file' | 'new file' }> {
  if (options.configured) return { key: options.configured, source: 'environment' };
  const file = path.join(options.dataDir, 'master.key');
  try {
    const text = (await readFile(file, 'utf8')).trim();
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return { key, source: 'file' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: 'new file' };
}
