import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
        `${name}%`,
      ]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }

  const dumpPath = await pgliteTemplate();
  // Names what this run's test files make beside the template (the seeded demo world), removed at the end.
  const runId = randomBytes(4).toString('hex');
  project.provide('testDatabase', { engine: 'pglite', dumpPath, runId });
  return async () => {
    // This run's, and those a killed run left a day ago or more.
    for (const file of await readdir(templateCache)) {
      if (!file.startsWith('demo-world-')) continue;
      const full = path.join(templateCache, file);
      // Another run may remove its own files meanwhile.
      const info = await stat(full).catch(() => undefined);
      const isOrphan = info !== undefined && Date.now() - info.mtimeMs > 86_400_000;
      if (file.startsWith(`demo-world-${runId}`) || isOrphan) await rm(full, { force: true });
    }
  };
}

// What the migrated template is made from: when none of it changed, the dump of an earlier run is
// reused (migrating is most of a short run's time). Paths are relative to server/src.
const TEMPLATE_SOURCES = ['db', 'skills', 'jobs', '../../package-lock.json'];
const serverSrc = path.resolve(import.meta.dirname, '../..');
const templateCache = path.resolve(serverSrc, '../../node_modules/.cache/cairn-test');

async function templateHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of TEMPLATE_SOURCES) {
    const full = path.join(serverSrc, source);
    const files =
      source.endsWith('.ts') || source.endsWith('.json')
        ? [full]
        : (await readdir(full, { recursive: true, withFileTypes: true }))
            .filter((d) => d.isFile() && !d.name.endsWith('.test.ts'))
            .map((d) => path.join(d.parentPath, d.name));
    for (const file of files.sort())
      hash
        .update(path.relative(serverSrc, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A data-directory dump of a migrated PGlite with the starter framework and the job queue installed. */
async function pgliteTemplate(): Promise<string> {
  const dumpPath = path.join(templateCache, `template-${await templateHash()}.tar`);
  if (existsSync(dumpPath)) return dumpPath;
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  await ensureStarterFramework(db);
  await installJobQueue(db, pglite);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  // Templates unused for a day go (a run still reading one is long over); the new one appears
  // whole, so a parallel run never reads half a file.
  await mkdir(templateCache, { recursive: true });
  for (const old of await readdir(templateCache)) {
    const file = path.join(templateCache, old);
    if (Date.now() - (await stat(file)).atimeMs > 86_400_000) await rm(file, { force: true });
  }
  const partial = `${dumpPath}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, dumpPath);
  return dumpPath;
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
