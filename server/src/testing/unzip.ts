import { readZipEntries } from '../candidate-checks/zip-entries.js';

/** A ZIP a test downloaded, as file name → bytes, read by the same reader candidate checks use. */
export async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const mib = 1024 * 1024;
  const entries = await readZipEntries(bytes, 'the archive', {
    maxFiles: 10_000,
    maxEntries: 10_000,
    maxEntryBytes: 64 * mib,
    maxTotalBytes: 256 * mib,
  });
  return new Map(entries.map((e) => [e.path, e.bytes]));
}
