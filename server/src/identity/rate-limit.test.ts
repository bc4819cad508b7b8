import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp, type App } from '../app.js';
import { TEST_PASSWORD, unique, useTestApp } from '../testing/test-app.js';
import { listMailsTo } from '../mail/mail.store.js';
import { signUp } from './identity.service.js';
import { accountKey, authLimitPolicy, clientAddressKey } from './rate-limit.js';

const t = useTestApp({ authRateLimit: 3 });

const extraApps: App[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(extraApps.splice(0).map((a) => a.close()));
});

/** Another server process, as far as the limits can tell: its own app on the same database. */
async function anotherApp(options: { authRateLimit: number; trustProxy?: string[] }): Promise<App> {
  const app = await buildApp({ deps: t.deps, ...options });
  await app.ready();
  extraApps.push(app);
  return app;
}

function logIn(app: App, email: string, password: string, from: { remoteAddress: string; forwardedFor?: string }) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: from.remoteAddress,
    ...(from.forwardedFor ? { headers: { 'x-forwarded-for': from.forwardedFor } } : {}),
  });
}

const badLogIn = (app: App, from: { remoteAddress: string; forwardedFor?: string }) =>
  logIn(app, `${unique('nobody')}@example.com`, 'wrong-password', from);

describe('authentication rate limits', () => {
  it('answers 429 problem+json with Retry-After once a client passes the limit', async () => {
    const from = { remoteAddress: '198.51.100.1' };
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await badLogIn(t.app, from)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await badLogIn(t.app, from);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      detail: expect.stringMatching(/Wait \d+ seconds/),
    });
  });

  it('does not let a rotated X-Forwarded-For reset the count (no proxy is trusted by default)', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await badLogIn(t.app, { remoteAddress: '198.51.100.2', forwardedFor: `203.0.113.${i + 10}` })).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('counts an IPv6 client by its /64, so cycling addresses inside it does not help', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await badLogIn(t.app, { remoteAddress: `2001:db8:1:2::${(i + 1).toString(16)}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect(clientAddressKey('2001:db8:1:2:aaaa::1')).toBe(clientAddressKey('2001:0db8:0001:0002:ffff:0:0:9'));
    expect(clientAddressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientAddressKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('shares the count between server processes through the database', async () => {
    const second = await anotherApp({ authRateLimit: 3 });
    const from = { remoteAddress: '198.51.100.3' };
    const codes = [
      (await badLogIn(t.app, from)).statusCode,
      (await badLogIn(second, from)).statusCode,
      (await badLogIn(t.app, from)).statusCode,
      (await badLogIn(second, from)).statusCode,
    ];
    expect(codes).toEqual([401, 401, 401, 429]);
    const rows = await t.deps.db
      .selectFrom('rate_limits')
      .select(['key', 'points'])
      .where('key', '=', `auth_client_login:${from.remoteAddress}`)
      .execute();
    expect(rows).toEqual([{ key: 'auth_client_login:198.51.100.3', points: 4 }]);
  });

  it('believes X-Forwarded-For only from a proxy listed in CAIRN_TRUST_PROXY', async () => {
    const behindProxy = await anotherApp({ authRateLimit: 3, trustProxy: ['10.0.0.0/8'] });
    const proxy = '10.1.2.3';
    // Each client behind the trusted proxy has its own count...
    const clientA = [];
    for (let i = 0; i < 4; i++)
      clientA.push((await badLogIn(behindProxy, { remoteAddress: proxy, forwardedFor: '192.0.2.50' })).statusCode);
    expect(clientA).toEqual([401, 401, 401, 429]);
    expect((await badLogIn(behindProxy, { remoteAddress: proxy, forwardedFor: '192.0.2.51' })).statusCode).toBe(401);
    // ...and it is the forwarded address that is counted, not the proxy's.
    const counted = await t.deps.db
      .selectFrom('rate_limits')
      .select('key')
      .where('key', 'in', ['auth_client_login:192.0.2.50', `auth_client_login:${proxy}`])
      .execute();
    expect(counted.map((r) => r.key)).toEqual(['auth_client_login:192.0.2.50']);
    // A peer outside the list cannot choose its address by header.
    const outsider = [];
    for (let i = 0; i < 4; i++)
      outsider.push(
        (await badLogIn(behindProxy, { remoteAddress: '198.51.100.4', forwardedFor: `192.0.2.${60 + i}` })).statusCode,
      );
    expect(outsider).toEqual([401, 401, 401, 429]);
  });

  it('limits requests naming one account, from whichever addresses they come', async () => {
    const email = `${unique('target')}@example.com`;
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await logIn(t.app, email, 'wrong-password', { remoteAddress: `198.51.100.${20 + i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    // The same address in another spelling is the same account.
    const res = await logIn(t.app, email.toUpperCase(), 'wrong-password', { remoteAddress: '198.51.100.30' });
    expect(res.statusCode).toBe(429);
    expect(res.json<{ detail: string }>().detail).toMatch(/this account/);
  });

  it('limits password reset mails to one address, whatever the client', async () => {
    const email = `${unique('inbox')}@example.com`;
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/password-reset',
            payload: { email },
            remoteAddress: `198.51.100.${40 + i}`,
          })
        ).statusCode,
      );
    }
    // authRateLimit 3 here, below the hourly ceiling on reset mails.
    expect(codes).toEqual([202, 202, 202, 429]);
  });
});

describe('log-in backoff for one account', () => {
  const p = authLimitPolicy;
  // Straight through the service: the sign-up route has limits of its own.
  const newAccount = async () =>
    (
      await signUp(t.deps, {
        email: `${unique('owner')}@example.com`,
        password: TEST_PASSWORD,
        name: 'Owner',
        userAgent: null,
      })
    ).user;

  it('pauses log-in for an email after repeated failures, from any address and even with the right password, for a growing time', async () => {
    // A generous per-minute limit, so only the failure backoff is at work.
    const app = await anotherApp({ authRateLimit: 1000 });
    const user = await newAccount();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    let n = 0;
    const from = () => ({ remoteAddress: `192.0.2.${100 + (n++ % 100)}` });

    const fail = async () => (await logIn(app, user.email, 'not-the-password', from())).statusCode;
    for (let i = 0; i < p.failuresBeforeLockout; i++) expect(await fail()).toBe(401);

    const locked = await logIn(app, user.email, TEST_PASSWORD, from());
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toMatch(/problem\+json/);
    expect(locked.json<{ detail: string }>().detail).toMatch(/failed log-ins for this account/);
    const firstPause = Number(locked.headers['retry-after']);
    expect(firstPause).toBeGreaterThan(p.firstLockoutSeconds - 5);
    expect(firstPause).toBeLessThanOrEqual(p.firstLockoutSeconds);

    // After the pause, five more failures pause it for twice as long.
    vi.setSystemTime(Date.now() + (firstPause + 1) * 1000);
    for (let i = 0; i < p.failuresBeforeLockout; i++) expect(await fail()).toBe(401);
    const lockedAgain = await logIn(app, user.email, TEST_PASSWORD, from());
    expect(lockedAgain.statusCode).toBe(429);
    const secondPause = Number(lockedAgain.headers['retry-after']);
    expect(secondPause).toBeGreaterThan(2 * p.firstLockoutSeconds - 5);
    expect(secondPause).toBeLessThanOrEqual(2 * p.firstLockoutSeconds);

    // Once it is over, the right password works and clears the record.
    vi.setSystemTime(Date.now() + (secondPause + 1) * 1000);
    expect((await logIn(app, user.email, TEST_PASSWORD, from())).statusCode).toBe(200);
    const left = await t.deps.db
      .selectFrom('rate_limits')
      .select('key')
      .where('key', 'in', [`login_failures:${accountKey(user.email)}`, `login_lockouts:${accountKey(user.email)}`])
      .execute();
    expect(left).toEqual([]);
  });

  it('ends the pause when the owner resets the password, so strangers cannot keep them locked out', async () => {
    const app = await anotherApp({ authRateLimit: 1000 });
    const user = await newAccount();
    const from = { remoteAddress: '192.0.2.220' };
    for (let i = 0; i < p.failuresBeforeLockout; i++)
      expect((await logIn(app, user.email, 'not-the-password', from)).statusCode).toBe(401);
    expect((await logIn(app, user.email, TEST_PASSWORD, from)).statusCode).toBe(429);
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email },
      remoteAddress: from.remoteAddress,
    });
    const mails = await listMailsTo(t.deps.db, user.email);
    const token = mails
      .map((m) => /reset-password\?token=([\w-]+)/.exec(m.text_body)?.[1])
      .find((found) => found !== undefined);
    expect(token).toBeDefined();
    const newPassword = 'a-brand-new-long-passphrase';
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: newPassword },
      remoteAddress: from.remoteAddress,
    });
    expect(confirm.statusCode).toBe(204);
    expect((await logIn(app, user.email, newPassword, from)).statusCode).toBe(200);
  });

  it('forgets earlier failures after a successful log-in', async () => {
    const app = await anotherApp({ authRateLimit: 1000 });
    const user = await newAccount();
    const from = { remoteAddress: '192.0.2.210' };
    for (let i = 0; i < p.failuresBeforeLockout - 1; i++)
      expect((await logIn(app, user.email, 'not-the-password', from)).statusCode).toBe(401);
    expect((await logIn(app, user.email, TEST_PASSWORD, from)).statusCode).toBe(200);
    for (let i = 0; i < p.failuresBeforeLockout - 1; i++)
      expect((await logIn(app, user.email, 'not-the-password', from)).statusCode).toBe(401);
    expect((await logIn(app, user.email, TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('counts parallel guesses before checking them, so a burst cannot outrun the count', async () => {
    const app = await anotherApp({ authRateLimit: 1000 });
    const user = await newAccount();
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        logIn(app, user.email, `guess-${i}-password`, { remoteAddress: `192.0.2.${150 + i}` }),
      ),
    );
    const codes = burst.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(p.failuresBeforeLockout);
    expect(codes.filter((c) => c === 429)).toHaveLength(12 - p.failuresBeforeLockout);
  });
});
