import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type App, type BuildAppOptions } from '../app.js';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../db/testing/test-database.js';
import type { Deps } from '../deps.js';
import { JobQueue } from '../jobs/job-queue.js';
import { registerJobHandlers } from '../jobs/job-handlers.js';
import { listMailsTo } from '../mail/mail.store.js';
import { createRecordingMailTransport, type RecordingMailTransport } from '../mail/mail-transport.js';
import type { DemoWorldSeed } from './demo-world-template.js';

export type TestClock = { now: Date; advance(ms: number): void };

export type TestContext = {
  app: App;
  deps: Deps;
  database: Database;
  clock: TestClock;
  /**
   * The real job queue on the test database, without background workers or timers: a test
   * runs what is due with `jobs.drain()` (or starts workers itself to test timing).
   */
  jobs: JobQueue;
  /** Where the mail jobs of `jobs.drain()` send: mails are recorded here (set `intercept` to fail sends). */
  mailTransport: RecordingMailTransport;
};

// The database behind each test app, so helpers given only the app can read its outbox.
const databaseOf = new WeakMap<App, Database>();

type AppOptions = Partial<Omit<BuildAppOptions, 'deps'>>;
type OpenedDatabase = { database: Database; masterKey: Buffer; now: Date };

/**
 * Opens a fresh database and an app for one test file (beforeAll/afterAll). The clock is
 * controllable; everything else is the real thing.
 */
export function useTestApp(options: AppOptions = {}): TestContext {
  return useAppOn(
    async () => ({ database: await openTestDatabase(), masterKey: randomBytes(32), now: new Date() }),
    options,
  );
}

export type DemoWorldContext = TestContext & {
  /** What seedDemoWorld returned (its password is DEMO_TEST_PASSWORD). */
  seeded: DemoWorldSeed;
};

/**
 * useTestApp on a copy of the demo world, seeded once per test run. The clock starts when the
 * world was seeded and the master key is the one its signing keys were sealed with, so the
 * copy is what seedDemoWorld(t.deps) would have made in this file.
 */
export function useDemoWorldApp(options: AppOptions = {}): DemoWorldContext {
  const seeded = {} as DemoWorldSeed;
  const ctx = useAppOn(
    async () => {
      // Loaded here, so the files that never use the demo world do not import all its seeding.
      const { openDemoWorldDatabase } = await import('./demo-world-template.js');
      const { database, template } = await openDemoWorldDatabase(TEST_PUBLIC_URL);
      Object.assign(seeded, template.seeded);
      return { database, masterKey: template.masterKey, now: template.seededAt };
    },
    options,
    // The first file of a run seeds the world: dozens of signed credentials, slow on a busy machine.
    300_000,
  );
  return Object.assign(ctx, { seeded });
}

const TEST_PUBLIC_URL = new URL('http://cairn.test');

function useAppOn(open: () => Promise<OpenedDatabase>, options: AppOptions, timeout?: number): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    const opened = await open();
    ctx.database = opened.database;
    const clock: TestClock = {
      now: opened.now,
      advance(ms) {
        this.now = new Date(this.now.getTime() + ms);
      },
    };
    ctx.clock = clock;
    ctx.jobs = new JobQueue({
      db: ctx.database.db,
      ...(ctx.database.pglite ? { pglite: ctx.database.pglite } : {}),
      log: silentJobLog,
      background: false,
    });
    ctx.deps = {
      db: ctx.database.db,
      clock: () => clock.now,
      publicUrl: TEST_PUBLIC_URL,
      masterKey: opened.masterKey,
      jobs: ctx.jobs,
      ...(ctx.database.pglite ? { pglite: ctx.database.pglite } : {}),
    };
    ctx.mailTransport = createRecordingMailTransport();
    registerJobHandlers(ctx.jobs, {
      deps: ctx.deps,
      log: silentJobLog,
      mailTransport: ctx.mailTransport,
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    });
    await ctx.jobs.install();
    ctx.app = await buildApp({ deps: ctx.deps, authRateLimit: 10_000, ...options });
    await ctx.app.ready();
    databaseOf.set(ctx.app, ctx.database);
  }, timeout);
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.jobs?.stop();
    await ctx.database?.close();
  });
  return ctx;
}

const silentJobLog = { info() {}, warn() {}, error() {} };

let counter = 0;
/** A unique, valid value for fields that must be unique across a test file. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}`;
}

export const TEST_PASSWORD = 'a-long-test-passphrase';

export type TestUser = { id: string; email: string; name: string; cookie: string };

export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.map((c) => c.split(';')[0]!).find((c) => c.startsWith('cairn_session='));
  if (!found) throw new Error('no session cookie in the response');
  return found;
}

/** The token of the newest email verification link mailed to `email` by this test app. */
export async function verificationTokenFor(app: App, email: string): Promise<string> {
  const database = databaseOf.get(app);
  if (!database) throw new Error('verificationTokenFor needs an app made by useTestApp');
  const mails = await listMailsTo(database.db, email);
  const token = mails.map((m) => /\/verify-email\?token=([\w-]+)/.exec(m.text_body)?.[1]).find((t) => t !== undefined);
  if (!token) throw new Error(`no verification mail to ${email}`);
  return token;
}

/**
 * Signs a new person up through the API and returns their session cookie. By default the
 * person then confirms their email from the mailed link, as most tests need a verified
 * account; `isEmailVerified: false` leaves it unconfirmed.
 */
export async function signUpUser(
  app: App,
  overrides: { email?: string; name?: string; isEmailVerified?: boolean } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `${unique('person')}@example.com`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, password: TEST_PASSWORD, name: overrides.name ?? 'Test Person' },
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ user: { id: string; email: string; name: string } }>();
  if (overrides.isEmailVerified ?? true) {
    const verified = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token: await verificationTokenFor(app, email) },
    });
    if (verified.statusCode !== 200)
      throw new Error(`email verification failed: ${verified.statusCode} ${verified.body}`);
  }
  return {
    id: body.user.id,
    email: body.user.email,
    name: body.user.name,
    cookie: sessionCookieOf(res.headers['set-cookie']),
  };
}

/** Creates an organisation owned by `owner` through the API. */
export async function createOrg(
  app: App,
  owner: TestUser,
  overrides: { slug?: string; name?: string; roles?: string[] } = {},
) {
  const slug = overrides.slug ?? unique('org');
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/orgs',
    headers: { cookie: owner.cookie },
    payload: { name: overrides.name ?? `Org ${slug}`, slug, roles: overrides.roles ?? ['provider'] },
  });
  if (res.statusCode !== 201) throw new Error(`create org failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; slug: string; did: string; name: string }>();
}

/** Adds `user` to the organisation with `role` through a real invitation. */
export async function addMember(app: App, admin: TestUser, slug: string, user: TestUser, role: string) {
  const inv = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/invitations`,
    headers: { cookie: admin.cookie },
    payload: { email: user.email, role },
  });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
  const token = new URL(inv.json<{ acceptUrl: string }>().acceptUrl).pathname.split('/').pop()!;
  const acc = await app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${token}/accept`,
    headers: { cookie: user.cookie },
    payload: {},
  });
  if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.statusCode} ${acc.body}`);
}

export async function createApiKey(app: App, admin: TestUser, slug: string, role = 'admin') {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/api-keys`,
    headers: { cookie: admin.cookie },
    payload: { name: `key ${role}`, role },
  });
  if (res.statusCode !== 201) throw new Error(`api key failed: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; token: string }>();
}
