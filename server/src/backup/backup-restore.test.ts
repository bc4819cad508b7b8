import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeList } from '@cairn/credentials';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp, type App } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import type { Deps } from '../deps.js';
import { JobQueue } from '../jobs/job-queue.js';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { ARCHIVE_ENTRIES, type BackupManifest } from './backup-manifest.js';
import { createBackup, embeddedDatabaseDir } from './create-backup.js';
import { masterKeyFingerprint } from './master-key-check.js';
import { restoreBackup, RestoreRefused, type RestoreBackupOptions } from './restore-backup.js';
import { readEntry, readTarIndex, tarChunks } from './tar-archive.js';

/**
 * Backup and restore on the engine of this run (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * an instance with real credentials is backed up, restored into a fresh target, and a new app
 * on the restored database must serve and verify everything as before and sign anew.
 */

const OPERATOR = 'operator@backup.cairn.test';
const t = useTestApp({ operatorEmails: [OPERATOR] });
const template = inject('testDatabase');
const isPglite = template.engine === 'pglite';
const silentLog = { info() {}, warn() {}, error() {} };

type Vc = Record<string, any>;
let owner: TestUser;
let operator: TestUser;
let org: { slug: string; did: string };
let token: string;
let workDir: string;
let archive: string;
/** Everything the restored instance must answer alike. */
const issued: { plain: Vc; suspended: Vc; revoked: Vc; jcs: Vc; jwt: string; didDocument: unknown } = {} as never;
const cleanups: (() => Promise<void>)[] = [];

async function issue(options: object = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: { credential: sampleCredential(), options },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ verifiableCredential: any }>().verifiableCredential;
}

function statusEntries(vc: Vc): Vc[] {
  return Array.isArray(vc.credentialStatus) ? vc.credentialStatus : [vc.credentialStatus];
}

/** The URL of the database this test file runs on (PostgreSQL only). */
async function sourceDatabaseUrl(): Promise<string> {
  if (template.engine !== 'postgres') throw new Error('PostgreSQL only');
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
  const url = new URL(template.url);
  url.pathname = `/${rows[0]!.name}`;
  return url.toString();
}

/** An empty place to restore into: a new data directory, or a new PostgreSQL database. */
async function freshTarget(
  key: Buffer | null = t.deps.masterKey,
): Promise<{ config: RestoreBackupOptions['config']; open: () => Promise<Database> }> {
  const dataDir = path.join(await mkdtemp(path.join(workDir, 'target-')), 'data');
  const masterKey = key ?? undefined;
  if (template.engine === 'pglite') {
    return {
      config: { dataDir, databaseUrl: undefined, masterKey },
      open: () => openDatabase({ engine: 'pglite', dataDir: embeddedDatabaseDir(dataDir) }),
    };
  }
  // Named with the run's prefix, so the run's teardown drops it even if this file crashes.
  const name = `${template.prefix}_restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: template.url });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    config: { dataDir, databaseUrl, masterKey },
    open: () => openDatabase({ engine: 'postgres', url: databaseUrl, poolSize: 3 }),
  };
}

/** A running app on a restored database, with the original master key and public URL. */
async function openRestoredApp(database: Database): Promise<{ app: App; close: () => Promise<void> }> {
  const jobs = new JobQueue({
    db: database.db,
    ...(database.pglite ? { pglite: database.pglite } : {}),
    log: silentLog,
    background: false,
  });
  await jobs.install();
  const deps: Deps = {
    db: database.db,
    clock: () => new Date(),
    publicUrl: t.deps.publicUrl,
    masterKey: t.deps.masterKey,
    jobs,
    ...(database.pglite ? { pglite: database.pglite } : {}),
  };
  const app = await buildApp({ deps, authRateLimit: 10_000 });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}

async function expectRefused(options: RestoreBackupOptions, message: RegExp) {
  const attempt = restoreBackup(options);
  await expect(attempt).rejects.toThrow(RestoreRefused);
  await expect(attempt).rejects.toThrow(message);
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'cairn-backup-test-'));
  operator = await signUpUser(t.app, { email: OPERATOR });
  owner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Backed-up Academy' });
  token = (await createApiKey(t.app, owner, org.slug, 'admin')).token;

  issued.plain = await issue();
  issued.suspended = await issue({ statusPurposes: ['revocation', 'suspension'] });
  issued.revoked = await issue();
  issued.jcs = await issue({ cryptosuite: 'eddsa-jcs-2022' });
  issued.jwt = await issue({ format: 'jwt' });
  const change = (vc: Vc, action: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${encodeURIComponent(vc.id as string)}/${action}`,
      headers: { cookie: owner.cookie },
      payload: { reason: 'backup test' },
    });
  expect((await change(issued.revoked, 'revoke')).statusCode).toBe(200);
  expect((await change(issued.suspended, 'suspend')).statusCode).toBe(200);
  await t.jobs.drain();
  issued.didDocument = (await t.app.inject({ method: 'GET', url: `/orgs/${org.slug}/did.json` })).json();

  archive = path.join(workDir, 'backup.tar');
  if (isPglite) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/backup',
      headers: { cookie: operator.cookie },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cairn-backup-\d{8}T\d{6}Z\.tar"$/);
    await writeFile(archive, res.rawPayload);
  } else {
    await createBackup({
      config: { dataDir: workDir, databaseUrl: await sourceDatabaseUrl(), masterKey: t.deps.masterKey },
      out: archive,
      isMasterKeyIncluded: false,
      now: new Date(),
      warn: () => {},
    });
  }
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the backup archive', () => {
  it('is a tar with the manifest first, the database and no master key', async () => {
    const entries = await readTarIndex(archive);
    expect(entries.map((e) => e.name)).toEqual([
      ARCHIVE_ENTRIES.manifest,
      isPglite ? ARCHIVE_ENTRIES.pglite : ARCHIVE_ENTRIES.postgres,
    ]);
    const manifest = JSON.parse((await readEntry(archive, entries[0]!)).toString()) as BackupManifest;
    expect(manifest).toMatchObject({
      format: 'cairn-backup',
      formatVersion: 1,
      engine: template.engine,
      cairnVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      masterKey: { fingerprint: masterKeyFingerprint(t.deps.masterKey), isIncluded: false },
    });
    expect(manifest.migrations).toContain('20261207_0015_domain_events');
    expect(manifest.database.bytes).toBe(entries[1]!.size);
  });

  it('is for operators only, over HTTP; on PostgreSQL the route points to pg_dump instead', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/admin/backup' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/problem\+json/);
    const member = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/backup',
      headers: { cookie: owner.cookie },
    });
    expect(member.statusCode).toBe(403);
    const apiKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/backup',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(apiKey.statusCode).toBe(403);
    if (!isPglite) {
      // (On PGlite, beforeAll took the backup through this route.)
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/backup',
        headers: { cookie: operator.cookie },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json<{ detail: string }>().detail).toMatch(/pg_dump.*docs\/backup\.md/);
    }
  });
});

describe('a restored instance', () => {
  let target: Awaited<ReturnType<typeof freshTarget>>;
  let restored: { app: App; close: () => Promise<void> } | undefined;

  beforeAll(async () => {
    target = await freshTarget();
    const result = await restoreBackup({ file: archive, config: target.config });
    expect(result).toMatchObject({ migrationsApplied: [], masterKeySource: 'environment', masterKeyProbe: 'opens' });
    expect(result.counts.credentials).toBeGreaterThanOrEqual(5);
    restored = await openRestoredApp(await target.open());
  }, 120_000);
  afterAll(async () => {
    await restored?.close();
  });
  /** The app on the restored database (open until the last test stops it). */
  const app = () => restored!.app;

  async function verify(credential: unknown) {
    const res = await app().inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: credential },
    });
    const result = res.json<{ verified: boolean; checks: { id: string; status: string; message: string }[] }>();
    const statusOf = (id: string) => result.checks.find((c) => c.id === id)?.status;
    return { ...result, statusOf };
  }

  it('verifies every credential issued before the backup, revoked and suspended ones as such', async () => {
    for (const vc of [issued.plain, issued.jcs, issued.jwt]) {
      const result = await verify(vc);
      expect(result.checks.filter((c) => c.status === 'failed')).toEqual([]);
      expect(result.verified).toBe(true);
    }
    const revoked = await verify(issued.revoked);
    expect(revoked.statusOf('proof')).toBe('passed');
    expect(revoked.statusOf('revocation')).toBe('failed');
    expect(revoked.verified).toBe(false);
    const suspended = await verify(issued.suspended);
    expect(suspended.statusOf('proof')).toBe('passed');
    expect(suspended.statusOf('revocation')).toBe('passed');
    expect(suspended.statusOf('suspension')).toBe('failed');
  });

  it('serves every status list signed, with the same bits as before', async () => {
    const expected = new Map<string, boolean>([
      [`${issued.plain.id}#revocation`, false],
      [`${issued.jcs.id}#revocation`, false],
      [`${issued.revoked.id}#revocation`, true],
      [`${issued.suspended.id}#revocation`, false],
      [`${issued.suspended.id}#suspension`, true],
    ]);
    for (const vc of [issued.plain, issued.jcs, issued.revoked, issued.suspended]) {
      for (const entry of statusEntries(vc)) {
        const url = new URL(entry.statusListCredential as string).pathname;
        const [before, after] = await Promise.all([
          t.app.inject({ method: 'GET', url }),
          app().inject({ method: 'GET', url }),
        ]);
        expect(after.statusCode).toBe(200);
        const list = after.json<Vc>();
        expect(list).toEqual(before.json());
        expect(list.proof).toBeDefined();
        expect((await verify(list)).statusOf('proof')).toBe('passed');
        const bit = decodeList(list.credentialSubject.encodedList as string).get(Number(entry.statusListIndex));
        expect(bit, `${vc.id} ${entry.statusPurpose}`).toBe(expected.get(`${vc.id}#${entry.statusPurpose}`));
      }
    }
  });

  it('answers DID documents and credentials at their URLs as before', async () => {
    const did = await app().inject({ method: 'GET', url: `/orgs/${org.slug}/did.json` });
    expect(did.statusCode).toBe(200);
    expect(did.json()).toEqual(issued.didDocument);
    const credential = await app().inject({
      method: 'GET',
      url: new URL(issued.plain.id as string).pathname,
      headers: { accept: 'application/json' },
    });
    expect(credential.json()).toEqual(issued.plain);
  });

  it('signs new credentials (the signing keys open with the master key) and keeps accounts and API keys', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${token}` },
      payload: { credential: sampleCredential() },
    });
    expect(res.statusCode).toBe(201);
    expect((await verify(res.json<{ verifiableCredential: Vc }>().verifiableCredential)).verified).toBe(true);
    const login = await app().inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email, password: 'a-long-test-passphrase' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('is not overwritten by a second restore into the same target', async () => {
    await expectRefused({ file: archive, config: target.config }, /is not empty/);
  });

  it('is copied by npm run backup with the master key on request (PGlite: only once stopped), and that copy restores with the key from the archive', async () => {
    if (isPglite) {
      await expect(
        createBackup({
          config: target.config,
          out: path.join(workDir, 'open.tar'),
          isMasterKeyIncluded: false,
          now: new Date(),
          warn: () => {},
        }),
      ).rejects.toThrow(/is open \(postmaster\.pid exists\)/);
      await restored!.close();
      restored = undefined;
    }
    const withKey = path.join(workDir, 'with-key.tar');
    const warnings: string[] = [];
    const { manifest } = await createBackup({
      config: target.config,
      out: withKey,
      isMasterKeyIncluded: true,
      now: new Date(),
      warn: (m) => warnings.push(m),
    });
    expect(manifest.masterKey).toEqual({ fingerprint: masterKeyFingerprint(t.deps.masterKey), isIncluded: true });
    expect(warnings).toEqual([]);
    expect((await readTarIndex(withKey)).map((e) => e.name)).toEqual([
      ARCHIVE_ENTRIES.manifest,
      isPglite ? ARCHIVE_ENTRIES.pglite : ARCHIVE_ENTRIES.postgres,
      ARCHIVE_ENTRIES.masterKey,
    ]);
    await expect(
      createBackup({
        config: target.config,
        out: withKey,
        isMasterKeyIncluded: false,
        now: new Date(),
        warn: () => {},
      }),
    ).rejects.toThrow(/already exists/);

    const second = await freshTarget(null);
    const result = await restoreBackup({ file: withKey, config: second.config });
    expect(result).toMatchObject({ masterKeySource: 'backup', masterKeyProbe: 'opens', migrationsApplied: [] });
    const keyFile = (await readFile(path.join(second.config.dataDir, 'master.key'), 'utf8')).trim();
    expect(Buffer.from(keyFile, 'base64').equals(t.deps.masterKey)).toBe(true);
  }, 180_000);
});

describe('restore refuses', () => {
  it('a damaged, cut short or foreign archive, before touching the target', async () => {
    const bytes = await readFile(archive);
    const [, database] = await readTarIndex(archive);
    const damaged = Buffer.from(bytes);
    const middle = database!.offset + Math.floor(database!.size / 2);
    damaged[middle] = damaged[middle]! ^ 0x01;
    const files = {
      damaged,
      cut: bytes.subarray(0, database!.offset + 1000),
      foreign: Buffer.from('not a backup at all\n'.repeat(100)),
    };
    const target = await freshTarget();
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(workDir, `${name}.tar`), content);
    await expectRefused(
      { file: path.join(workDir, 'damaged.tar'), config: target.config },
      /is damaged \(its SHA-256 differs/,
    );
    await expectRefused({ file: path.join(workDir, 'cut.tar'), config: target.config }, /is cut short/);
    await expectRefused(
      { file: path.join(workDir, 'foreign.tar'), config: target.config },
      /is not a readable Cairn backup: it is not a tar archive/,
    );
    await expectRefused({ file: path.join(workDir, 'missing.tar'), config: target.config }, /does not exist/);
    expect(existsSync(target.config.dataDir)).toBe(false);
  });

  it('a backup from a newer Cairn (a migration this one does not have)', async () => {
    const entries = await readTarIndex(archive);
    const manifest = JSON.parse((await readEntry(archive, entries[0]!)).toString()) as BackupManifest;
    const newer = Buffer.from(
      JSON.stringify({
        ...manifest,
        cairnVersion: '99.0.0',
        migrations: [...manifest.migrations, '20991231_0999_from_the_future'],
      }),
    );
    const database = await readEntry(archive, entries[1]!);
    const chunks: Uint8Array[] = [];
    for await (const chunk of tarChunks([
      { name: ARCHIVE_ENTRIES.manifest, size: newer.length, content: newer },
      { name: entries[1]!.name, size: database.length, content: database },
    ]))
      chunks.push(chunk);
    const file = path.join(workDir, 'newer.tar');
    await writeFile(file, Buffer.concat(chunks));
    await expectRefused(
      { file, config: (await freshTarget()).config },
      /made by a newer Cairn \(99\.0\.0\).*20991231_0999_from_the_future/,
    );
  });

  it('a master key that is not the backup’s, and no master key at all', async () => {
    await expectRefused(
      { file: archive, config: (await freshTarget(randomBytes(32))).config },
      /is not the master key this backup's signing keys were sealed with/,
    );
    await expectRefused({ file: archive, config: (await freshTarget(null)).config }, /No master key/);
  });
});
