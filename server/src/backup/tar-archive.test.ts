import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryStream, readEntry, readTarIndex, tarChunks, TarFormatError, type TarEntryInput } from './tar-archive.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cairn-tar-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeTar(name: string, entries: TarEntryInput[]): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of tarChunks(entries)) chunks.push(chunk);
  const file = path.join(dir, name);
  await writeFile(file, Buffer.concat(chunks));
  return file;
}

async function* streamOf(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

const big = Buffer.alloc(1300, 7);

describe('tar archive', () => {
  it('reads back what it wrote: names, sizes, bytes, modes (also streamed and empty entries)', async () => {
    const file = await writeTar('round.tar', [
      { name: 'manifest.json', size: 2, content: Buffer.from('{}') },
      { name: 'data.bin', size: big.length, content: big, mode: 0o600 },
      { name: 'streamed.txt', size: 11, content: streamOf('hello ', 'world') },
      { name: 'empty', size: 0, content: Buffer.alloc(0) },
    ]);
    const entries = await readTarIndex(file);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['manifest.json', 2],
      ['data.bin', 1300],
      ['streamed.txt', 11],
      ['empty', 0],
    ]);
    expect(entries[1]!.mode).toBe(0o600);
    expect((await readEntry(file, entries[1]!)).equals(big)).toBe(true);
    const streamed: Buffer[] = [];
    for await (const chunk of entryStream(file, entries[2]!)) streamed.push(chunk as Buffer);
    expect(Buffer.concat(streamed).toString()).toBe('hello world');
    expect(await readEntry(file, entries[3]!)).toHaveLength(0);
  });

  it('writes archives the system tar lists and extracts', async () => {
    const file = await writeTar('system.tar', [
      { name: 'a.txt', size: 3, content: Buffer.from('abc') },
      { name: 'b.bin', size: big.length, content: big },
    ]);
    const { stdout } = await promisify(execFile)('tar', ['-tf', file]);
    expect(stdout.trim().split('\n')).toEqual(['a.txt', 'b.bin']);
    const out = await mkdtemp(path.join(dir, 'x-'));
    await promisify(execFile)('tar', ['-xf', file, '-C', out]);
    expect((await readFile(path.join(out, 'b.bin'))).equals(big)).toBe(true);
  });

  it('refuses a stream that delivers more or fewer bytes than announced', async () => {
    await expect(writeTar('short.tar', [{ name: 'x', size: 10, content: streamOf('abc') }])).rejects.toThrow(
      /changed while it was archived/,
    );
    await expect(writeTar('long.tar', [{ name: 'x', size: 2, content: streamOf('abc') }])).rejects.toThrow(
      /changed while it was archived/,
    );
    await expect(writeTar('nested.tar', [{ name: '../x', size: 0, content: Buffer.alloc(0) }])).rejects.toThrow(
      TypeError,
    );
  });

  it('says what is wrong with a damaged, cut or foreign file', async () => {
    const good = await writeTar('good.tar', [
      { name: 'one', size: 3, content: Buffer.from('abc') },
      { name: 'two', size: big.length, content: big },
    ]);
    const bytes = await readFile(good);

    const damaged = path.join(dir, 'damaged.tar');
    const flipped = Buffer.from(bytes);
    flipped[1024 + 10] = flipped[1024 + 10]! ^ 0xff; // inside the second header
    await writeFile(damaged, flipped);
    await expect(readTarIndex(damaged)).rejects.toThrow(/header after one is damaged/);

    const cut = path.join(dir, 'cut.tar');
    await writeFile(cut, bytes);
    await truncate(cut, 1024 + 512 + 100);
    await expect(readTarIndex(cut)).rejects.toThrow(/two is cut short/);

    const foreign = path.join(dir, 'foreign.tar');
    await writeFile(foreign, Buffer.from('PK\u0003\u0004 this is a zip file, not a tar'.repeat(40)));
    await expect(readTarIndex(foreign)).rejects.toThrow(TarFormatError);
    await expect(readTarIndex(foreign)).rejects.toThrow(/not a tar archive/);
  });

  it('streams into a file through Readable.from', async () => {
    const chunks = tarChunks([{ name: 'x', size: 1, content: Buffer.from('x') }]);
    const all: Buffer[] = [];
    for await (const c of Readable.from(chunks)) all.push(c as Buffer);
    expect(Buffer.concat(all).length % 512).toBe(0);
  });
});
