import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/testing/test-database.js';
import { JobQueue } from '../jobs/job-queue.js';
import { seedDemoWorld } from '../seed/demo-world.js';

/** The password every demo person has in tests. */
export const DEMO_TEST_PASSWORD = 'demo-password-for-tests';

export type DemoWorldSeed = NonNullable<Awaited<ReturnType<typeof seedDemoWorld>>>;

/** What a test file needs besides the rows: the keys and the time the world was seeded with. */
export type DemoWorldTemplate = { masterKey: Buffer; seededAt: Date; seeded: DemoWorldSeed };

type StoredTemplate = { masterKey: string; seededAt: string; seeded: DemoWorldSeed };

const silentJobLog = { info() {}, warn() {}, error() {} };

/**
 * A copy of this test run's seeded demo world. Seeding signs dozens of credentials, so it is done
 * once per run, by the first test file that asks, and every file after copies the result (as with
 * the migrated template). Only once per run, not cached across runs: the world is seeded at "now"
 * (due dates, expiries), so a copy must not be older than the run.
 */
export async function openDemoWorldDatabase(
  publicUrl: URL,
): Promise<{ database: Database; template: DemoWorldTemplate }> {
  const target = inject('testDatabase');
  if (target.engine === 'pglite') {
    const base = path.join(path.dirname(target.dumpPath), `demo-world-${target.runId}`);
    await buildOnce(base, async () => {
      const database = await openTestDatabase();
      try {
        const template = await seedInto(database, publicUrl);
        if (!database.pglite) throw new Error('the PGlite template opened without PGlite');
        const dump = Buffer.from(await (await database.pglite.dumpDataDir('none')).arrayBuffer());
        // The description names its own data file and appears last, whole: a reader never pairs
        // one seeding's keys with another seeding's rows.
        const dumpPath = `${base}-${randomBytes(4).toString('hex')}.tar`;
        await writeWhole(dumpPath, dump);
        await writeWhole(`${base}.json`, JSON.stringify({ ...template, dumpPath }));
      } finally {
        await database.close();
      }
    });
    const stored = await readFile(`${base}.json`, 'utf8');
    const dump = await readFile((JSON.parse(stored) as { dumpPath: string }).dumpPath);
    return {
      database: await openDatabase({ engine: 'pglite', loadDataDir: new Blob([dump]) }),
      template: parse(stored),
    };
  }

  const templateName = `${target.prefix}_demo`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  let stored: string;
  try {
    // The session lock is let go when a crashed worker's connection closes, so nobody waits forever.
    await admin.query('select pg_advisory_lock(hashtext($1))', [templateName]);
    try {
      stored = (await readComment(admin, templateName)) ?? (await seedPostgresTemplate(admin, target, publicUrl));
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [templateName]);
    }
  } finally {
    await admin.end();
  }
  const database = await openTestDatabase({ templateName });
  return { database, template: parse(stored) };
}

async function seedPostgresTemplate(
  admin: pg.Client,
  target: { url: string; templateName: string; prefix: string },
  publicUrl: URL,
): Promise<string> {
  const seeding = `${target.prefix}_demoseed`;
  await admin.query(`drop database if exists ${seeding} with (force)`);
  await admin.query(`create database ${seeding} template ${target.templateName}`);
  const url = new URL(target.url);
  url.pathname = `/${seeding}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 5 });
  let stored: string;
  try {
    stored = JSON.stringify(await seedInto(database, publicUrl));
  } finally {
    await database.close();
  }
  // Described, then renamed, only when whole: a template under the final name is a complete world.
  await admin.query(`comment on database ${seeding} is ${admin.escapeLiteral(stored)}`);
  await admin.query(`alter database ${seeding} rename to ${target.prefix}_demo`);
  return stored;
}

async function readComment(admin: pg.Client, name: string): Promise<string | undefined> {
  const { rows } = await admin.query<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [name],
  );
  return rows[0]?.comment ?? undefined;
}

async function seedInto(database: Database, publicUrl: URL): Promise<StoredTemplate> {
  const seededAt = new Date();
  const masterKey = randomBytes(32);
  const jobs = new JobQueue({
    db: database.db,
    ...(database.pglite ? { pglite: database.pglite } : {}),
    log: silentJobLog,
    background: false,
  });
  await jobs.install();
  try {
    const seeded = await seedDemoWorld(
      {
        db: database.db,
        clock: () => seededAt,
        publicUrl,
        masterKey,
        jobs,
        ...(database.pglite ? { pglite: database.pglite } : {}),
      },
      { password: DEMO_TEST_PASSWORD },
    );
    if (!seeded) throw new Error('the demo world was already there in a fresh test database');
    return { masterKey: masterKey.toString('hex'), seededAt: seededAt.toISOString(), seeded };
  } finally {
    await jobs.stop();
  }
}

function parse(stored: string): DemoWorldTemplate {
  const { masterKey, seededAt, seeded } = JSON.parse(stored) as StoredTemplate;
  return { masterKey: Buffer.from(masterKey, 'hex'), seededAt: new Date(seededAt), seeded };
}

async function writeWhole(file: string, contents: string | Buffer) {
  const partial = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(partial, contents);
  await rename(partial, file);
}

/**
 * Runs `build` in one of the test files racing for `${base}.json`: the first to create the lock
 * file builds, the others wait for the file, and take over if the builder failed or died.
 */
async function buildOnce(base: string, build: () => Promise<void>) {
  const lock = `${base}.lock`;
  while (!existsSync(`${base}.json`)) {
    let handle;
    try {
      handle = await open(lock, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      await removeIfOrphaned(lock);
      await sleep(200);
      continue;
    }
    try {
      await handle.writeFile(String(process.pid));
      await handle.close();
      if (!existsSync(`${base}.json`)) await build();
    } finally {
      await rm(lock, { force: true });
    }
  }
}

// A lock whose process is gone (a killed worker) would otherwise keep every other file waiting.
async function removeIfOrphaned(lock: string) {
  const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
  if (!pid) return; // Being written, or already gone.
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') await rm(lock, { force: true });
  }
}
