import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * The smallest POSIX tar (ustar) Cairn's backups need: a handful of regular files with short
 * names. A backup is a plain tar so an operator can look inside with `tar -tvf` and take it
 * apart by hand; the reader checks every header's checksum and that nothing is cut short, and
 * knows nothing of links or directories, so no entry can point outside where it is read.
 */

const BLOCK = 512;
/** Eleven octal digits: the largest size a ustar header holds in text. Above it, GNU base-256. */
const MAX_OCTAL_SIZE = 8 ** 11 - 1;

export type TarEntryInput = {
  name: string;
  size: number;
  /** The bytes, whole or as a stream; a stream must deliver exactly `size` bytes. */
  content: Uint8Array | AsyncIterable<Uint8Array>;
  mode?: number;
  mtime?: Date;
};

export type TarEntry = {
  name: string;
  size: number;
  mode: number;
  mtime: Date;
  /** Where its bytes start in the file. */ offset: number;
};

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

function writeText(header: Buffer, offset: number, length: number, text: string) {
  header.write(text, offset, length, 'utf8');
}

function writeOctal(header: Buffer, offset: number, length: number, value: number) {
  writeText(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function writeSize(header: Buffer, size: number) {
  if (size <= MAX_OCTAL_SIZE) return writeOctal(header, 124, 12, size);
  // GNU base-256: high bit set in the first byte, the number big-endian in the rest.
  header.fill(0, 124, 136);
  header[124] = 0x80;
  header.writeBigUInt64BE(BigInt(size), 128);
}

function checksumOf(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

function headerFor(entry: TarEntryInput): Buffer {
  if (Buffer.byteLength(entry.name) > 100 || entry.name.includes('/')) {
    throw new TypeError(`tar entry name "${entry.name}" must be a plain file name of at most 100 bytes`);
  }
  const header = Buffer.alloc(BLOCK);
  writeText(header, 0, 100, entry.name);
  writeOctal(header, 100, 8, entry.mode ?? 0o644);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeSize(header, entry.size);
  writeOctal(header, 136, 12, Math.floor((entry.mtime ?? new Date()).getTime() / 1000));
  header[156] = 0x30; // '0': a regular file
  writeText(header, 257, 6, 'ustar\0');
  writeText(header, 263, 2, '00');
  writeText(header, 148, 8, `${checksumOf(header).toString(8).padStart(6, '0')}\0 `);
  return header;
}

function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

/** The archive as a sequence of chunks, ready for a file or an HTTP response. */
export async function* tarChunks(entries: TarEntryInput[]): AsyncGenerator<Uint8Array> {
  for (const entry of entries) {
    yield headerFor(entry);
    if (entry.content instanceof Uint8Array) {
      if (entry.content.byteLength !== entry.size)
        throw new TypeError(`tar entry ${entry.name}: size ${entry.size} but ${entry.content.byteLength} bytes given`);
      yield entry.content;
    } else {
      let written = 0;
      for await (const chunk of entry.content) {
        written += chunk.byteLength;
        if (written > entry.size) break;
        yield chunk;
      }
      // A file that grew or shrank while it was archived would make every later header wrong.
      if (written !== entry.size)
        throw new Error(
          `tar entry ${entry.name} changed while it was archived (expected ${entry.size} bytes, read ${written})`,
        );
    }
    yield padding(entry.size);
  }
  yield Buffer.alloc(2 * BLOCK);
}

function readText(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(header: Buffer, offset: number, length: number, what: string): number {
  const text = readText(header, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`its ${what} field is not a number`);
  return parseInt(text, 8);
}

function readSize(header: Buffer): number {
  if ((header[124]! & 0x80) !== 0) {
    const size = header.readBigUInt64BE(128);
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new TarFormatError('an entry is larger than this reader handles');
    return Number(size);
  }
  return readOctal(header, 124, 12, 'size');
}

/**
 * Lists the regular files of the tar at `file` (names, sizes, where their bytes are), reading
 * only the headers. Throws `TarFormatError` on a damaged header, an entry of another kind, or
 * an archive cut short.
 */
export async function readTarIndex(file: string): Promise<TarEntry[]> {
  const handle = await open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const entries: TarEntry[] = [];
    const header = Buffer.alloc(BLOCK);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(header, 0, BLOCK, position);
      if (bytesRead < BLOCK)
        throw new TarFormatError(
          entries.length === 0
            ? 'it is not a tar archive (too short)'
            : 'it ends in the middle of a header (the file is cut short)',
        );
      if (header.every((b) => b === 0)) return entries;
      const storedText = readText(header, 148, 8).trim();
      if (!/^[0-7]+$/.test(storedText) || parseInt(storedText, 8) !== checksumOf(header))
        throw new TarFormatError(
          entries.length === 0
            ? 'it is not a tar archive (no valid header at the start)'
            : `the header after ${entries.at(-1)!.name} is damaged (checksum mismatch)`,
        );
      const name = readText(header, 0, 100);
      const type = header[156];
      if (type !== 0x30 && type !== 0) throw new TarFormatError(`entry ${name} is not a regular file`);
      const size = readSize(header);
      const offset = position + BLOCK;
      if (offset + size > fileSize)
        throw new TarFormatError(
          `entry ${name} is cut short (${size} bytes announced, ${Math.max(0, fileSize - offset)} present)`,
        );
      entries.push({
        name,
        size,
        mode: readOctal(header, 100, 8, 'mode'),
        mtime: new Date(readOctal(header, 136, 12, 'mtime') * 1000),
        offset,
      });
      position = offset + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    await handle.close();
  }
}

/** The bytes of one entry, streamed from the archive file. */
export function entryStream(file: string, entry: TarEntry): Readable {
  if (entry.size === 0) return Readable.from([]);
  return createReadStream(file, { start: entry.offset, end: entry.offset + entry.size - 1 });
}

/** The bytes of one (small) entry. */
export async function readEntry(file: string, entry: TarEntry): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(entry.size);
    const { bytesRead } = await handle.read(buffer, 0, entry.size, entry.offset);
    if (bytesRead !== entry.size) throw new TarFormatError(`entry ${entry.name} is cut short`);
    return buffer;
  } finally {
    await handle.close();
  }
}
