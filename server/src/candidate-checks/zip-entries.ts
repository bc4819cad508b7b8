import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../http/app-error.js';

export type ZipLimits = {
  /** Most files (directories aside) one archive may hold. */
  maxFiles: number;
  /** Most entries of any kind in its central directory: refused before anything is inflated. */
  maxEntries: number;
  /** Most bytes one file may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all its files together may inflate to. */
  maxTotalBytes: number;
};

export type ZipFileEntry = { path: string; bytes: Buffer };

const tooLarge = (zipName: string, why: string) =>
  new AppError('payload_too_large', `${zipName} is refused: ${why}. Nothing was queued.`);

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes: an entry that inflates to more (or less) than its header says is an error.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

/** Reads one entry, stopping as soon as it passes `limit` bytes (whatever its header claimed). */
function readEntry(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      let size = 0;
      let isOver = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          isOver = true;
          stream.destroy();
          resolve('too_large');
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError) => (isOver ? undefined : reject(streamError)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** macOS resource forks and hidden files that archivers add: not credentials anyone chose. */
function isClutter(path: string): boolean {
  return path.startsWith('__MACOSX/') || (path.split('/').at(-1) ?? '').startsWith('.');
}

/**
 * The files of a ZIP archive, read in memory within `limits` (a zip bomb or an archive of
 * thousands of entries is refused with 413 before or while inflating, never written anywhere).
 * Entry names that are absolute, climb out with `..` or use backslashes are refused (400): the
 * names are only shown, but an archive that carries them is not what a person meant to send.
 */
export async function readZipEntries(bytes: Buffer, zipName: string, limits: ZipLimits): Promise<ZipFileEntry[]> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    throw new AppError(
      'validation_failed',
      `${zipName} cannot be read as a ZIP archive: ${(error as Error).message}.`,
      {
        fields: [{ field: 'files', message: 'Not a readable ZIP' }],
      },
    );
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw tooLarge(
        zipName,
        `it has ${zip.entryCount} entries; at most ${limits.maxFiles} credentials are checked at once`,
      );
    const files: ZipFileEntry[] = [];
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        zip.close();
        reject(error instanceof AppError ? error : badArchive(zipName, error));
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        void (async () => {
          const path = entry.fileName;
          if (path.endsWith('/') || isClutter(path)) return zip.readEntry();
          if (files.length + 1 > limits.maxFiles)
            throw tooLarge(
              zipName,
              `it holds more than ${limits.maxFiles} files; at most ${limits.maxFiles} credentials are checked at once`,
            );
          if (entry.uncompressedSize > limits.maxEntryBytes)
            throw tooLarge(
              zipName,
              `${path} would inflate to ${entry.uncompressedSize} bytes; one file may have at most ${limits.maxEntryBytes}`,
            );
          if (total + entry.uncompressedSize > limits.maxTotalBytes)
            throw tooLarge(zipName, `its files would inflate to more than ${limits.maxTotalBytes} bytes in all`);
          const read = await readEntry(zip, entry, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
          if (read === 'too_large')
            throw tooLarge(zipName, `${path} inflates to more than its header said or than the limits allow`);
          total += read.length;
          files.push({ path, bytes: read });
          zip.readEntry();
        })().catch(fail);
      });
      zip.readEntry();
    });
    return files;
  } finally {
    if (zip.isOpen) zip.close();
  }
}

function badArchive(zipName: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('validation_failed', `${zipName} is refused: ${message}. Nothing was queued.`, {
    fields: [{ field: 'files', message }],
  });
}
