import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../database.js';

export type TestDatabaseTemplate =
  | { engine: 'pglite'; dumpPath: string; runId: string }
  | { engine: 'postgres'; url: string; templateName: string; prefix: string };

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new PostgreSQL
 * database copied from the run's template when TEST_DATABASE_URL is set (or from
 * `templateName`, another template of this run).
 */
export async function openTestDatabase(options: { templateName?: string } = {}): Promise<Database> {
  const template = inject('testDatabase');
  if (template.engine === 'pglite') {
    const dump = await readFile(template.dumpPath);
    return openDatabase({ engine: 'pglite', loadDataDir: new Blob([dump]) });
  }
  const name = `${template.prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${options.templateName ?? template.templateName}`);
  } finally {
    await admin.end();
  }
  const u = new URL(template.url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: u.toString(), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: template.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
