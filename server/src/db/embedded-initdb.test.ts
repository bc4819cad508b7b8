import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { createEmbeddedDataDir } from './embedded-initdb.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cairn-initdb-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createEmbeddedDataDir', () => {
  it('creates a new data directory that the server then opens, and leaves an existing one alone', async () => {
    const dataDir = path.join(root, 'pglite');
    await createEmbeddedDataDir(dataDir);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    const created = (await stat(path.join(dataDir, 'PG_VERSION'))).mtimeMs;
    await createEmbeddedDataDir(dataDir);
    expect((await stat(path.join(dataDir, 'PG_VERSION'))).mtimeMs).toBe(created);

    const database = await openDatabase({ engine: 'pglite', dataDir });
    try {
      const { rows } = await sql<{ answer: number }>`select 41 + 1 as answer`.execute(database.db);
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('says which directory it could not create', async () => {
    const blocked = path.join(root, 'a-file');
    await writeFile(blocked, 'not a directory');
    await expect(createEmbeddedDataDir(path.join(blocked, 'pglite'))).rejects.toThrow(
      /Could not create the embedded database in .*a-file/,
    );
  }, 120_000);
});
