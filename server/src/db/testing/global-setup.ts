import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { PGliteDialect } from '../pglite-dialect.js';
import { ensureStarterFramework } from '../../skills/skills.service.js';
import { JobQueue } from '../../jobs/job-queue.js';
import type { DB } from '../schema.js';
import type { TestDatabaseTemplate } from './test-database.js';

declare module 'vitest' {
  // Declaration merging needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    testDatabase: TestDatabaseTemplate;
  }
}

/**
 * Migrates one template database per test run; every test file then gets its own copy
 * (PGlite: a data-directory dump loaded into a fresh in-memory instance; PostgreSQL:
 * CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other's rows.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `cairn_test_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}_tpl`);
    const template = await openDatabase({ engine: 'postgres', url: withDatabase(url, `${name}_tpl`), poolSize: 1 });
    await migrateToLatest(template.db);
    await ensureStarterFramework(template.db);
    await installJobQueue(template.db);
    await template.close();
    project.provide('testDatabase', { engine: 'postgres', url, templateName: `${name}_tpl`, prefix: name });
    return async () => {
      // Drop the per-file databases a crashed worker left behind, then the template.
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`${name}%`],
      );
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }

  const dir = await mkdtemp(path.join(tmpdir(), 'cairn-test-'));
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  await ensureStarterFramework(db);
  await installJobQueue(db, pglite);
  const dump = await pglite.dumpDataDir('none');
  const dumpPath = path.join(dir, 'template.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('testDatabase', { engine: 'pglite', dumpPath });
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

/** pg-boss's tables and Cairn's queues, so each test file's copy starts with them. */
async function installJobQueue(db: Kysely<DB>, pglite?: PGlite) {
  const queue = new JobQueue({ db, ...(pglite ? { pglite } : {}), log: console, background: false });
  await queue.install();
  await queue.stop();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
