import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { seedDemoWorld } from '../seed/demo-world.js';
import { ensureStarterFramework } from '../skills/skills.service.js';
import { STARTER_FRAMEWORK_NAME } from '../skills/starter-framework.js';
import { useTestApp } from '../testing/test-app.js';
import { openDatabase } from './database.js';
import { migrations } from './migrations/index.js';

const t = useTestApp();
const template = inject('testDatabase');
const root = path.resolve(import.meta.dirname, '../../..');

async function count(query: ReturnType<typeof sql<{ n: number }>>, db = t.deps.db) {
  return (await query.execute(db)).rows[0]!.n;
}

describe('setup steps are safe on their own when servers run them together', () => {
  it('the starter framework is created once by two concurrent calls', async () => {
    // As on an empty database: nothing refers to the starter skills yet in this file's copy.
    await sql`delete from skill_frameworks where org_id is null and lower(name) = lower(${STARTER_FRAMEWORK_NAME})`.execute(
      t.deps.db,
    );
    const results = await Promise.all([ensureStarterFramework(t.deps.db), ensureStarterFramework(t.deps.db)]);
    expect(results.map((r) => r.isChanged).sort()).toEqual([false, true]);
    expect(results[0].frameworkId).toBe(results[1].frameworkId);
    expect(await count(sql<{ n: number }>`select count(*)::int as n from skill_frameworks where org_id is null`)).toBe(
      1,
    );
  });

  it('the demo world is created once by two concurrent seeds; the other finds it there', async () => {
    const password = 'demo-password-for-tests';
    const results = await Promise.all([seedDemoWorld(t.deps, { password }), seedDemoWorld(t.deps, { password })]);
    const created = results.filter((r) => r !== undefined);
    expect(created).toHaveLength(1);
    // Every login the seed hands out exists once; the demo world's other people come with it.
    for (const email of created[0]!.emails)
      expect(await count(sql<{ n: number }>`select count(*)::int as n from users where email = ${email}`)).toBe(1);
    const demoPeople = () =>
      count(sql<{ n: number }>`select count(*)::int as n from users where email like '%@demo.cairn.test'`);
    const people = await demoPeople();
    expect(people).toBeGreaterThanOrEqual(created[0]!.emails.length);
    expect(await count(sql<{ n: number }>`select count(*)::int as n from organizations`)).toBe(5);
    // A later start finds it there too and adds nobody.
    expect(await seedDemoWorld(t.deps, { password })).toBeUndefined();
    expect(await demoPeople()).toBe(people);
  });
});

type ServerProcess = { child: ChildProcess; port: number; output: () => string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return freePort().then((port) => {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    return { child, port, output: () => output };
  });
}

async function waitHealthy(server: ServerProcess, deadline: number) {
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`server on port ${server.port} exited (${server.child.exitCode}):\n${server.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${server.port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`server on port ${server.port} did not become healthy:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stop(server: ServerProcess) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

/** The names of the migrations a server's start-up log says it applied. */
function migrationsAppliedBy(server: ServerProcess): string[] {
  for (const line of server.output().split('\n')) {
    if (!line.includes('"migrationsApplied"')) continue;
    return (JSON.parse(line) as { migrationsApplied: string[] }).migrationsApplied;
  }
  throw new Error(`no start-up log line with migrationsApplied:\n${server.output()}`);
}

// PGlite is embedded in one process: a second server cannot open its database at all.
describe.skipIf(template.engine !== 'postgres')(
  'two server processes started together on one empty PostgreSQL database',
  () => {
    it('both become healthy; migrations run once and the demo world exists once', { timeout: 300_000 }, async () => {
      if (template.engine !== 'postgres') return;
      const name = `${template.prefix}_pair_${randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: template.url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(template.url);
      url.pathname = `/${name}`;
      const dataDirs = [
        await mkdtemp(path.join(tmpdir(), 'cairn-pair-')),
        await mkdtemp(path.join(tmpdir(), 'cairn-pair-')),
      ];
      const common = {
        DATABASE_URL: url.toString(),
        CAIRN_PUBLIC_URL: 'http://127.0.0.1:3999',
        CAIRN_MASTER_KEY: randomBytes(32).toString('base64'),
        CAIRN_SEED: 'true',
        CAIRN_DEMO_PASSWORD: 'demo-password-for-tests',
        CAIRN_VERIFY_WORKERS: '1',
        LOG_LEVEL: 'info',
      };
      const servers: ServerProcess[] = [];
      try {
        // At the same moment: neither waits for the other.
        servers.push(...(await Promise.all(dataDirs.map((dir) => startServerProcess({ ...common, DATA_DIR: dir })))));
        const deadline = Date.now() + 240_000;
        await Promise.all(servers.map((s) => waitHealthy(s, deadline)));

        const applied = servers.map(migrationsAppliedBy);
        expect(applied.map((a) => a.length).sort((a, b) => a - b)).toEqual([0, Object.keys(migrations).length]);
        expect(servers.filter((s) => /"msg":"demo world ready"/.test(s.output()))).toHaveLength(1);

        const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 1 });
        try {
          expect(await count(sql<{ n: number }>`select count(*)::int as n from kysely_migration`, database.db)).toBe(
            Object.keys(migrations).length,
          );
          // The six demo logins (README); the demo world's other people come with them.
          const logins = ['provider', 'provider2', 'accreditor', 'employer', 'partner', 'learner'].map(
            (name) => `${name}@demo.cairn.test`,
          );
          expect(
            await count(
              sql<{ n: number }>`select count(*)::int as n from users where email in (${sql.join(logins)})`,
              database.db,
            ),
          ).toBe(6);
          expect(await count(sql<{ n: number }>`select count(*)::int as n from organizations`, database.db)).toBe(5);
          expect(
            await count(
              sql<{ n: number }>`select count(*)::int as n from skill_frameworks where org_id is null`,
              database.db,
            ),
          ).toBe(1);
        } finally {
          await database.close();
        }
      } finally {
        await Promise.all(servers.map(stop));
        await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  },
);
