import { describe, expect, it } from 'vitest';
import { buildApp, MAX_PARAM_LENGTH } from '../app.js';
import { openDatabase } from '../db/database.js';
import { openTestDatabase } from '../db/testing/test-database.js';
import { signUpUser, useTestApp } from '../testing/test-app.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './problem.js';

const t = useTestApp();

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\/cairn\.dev\/problems\//),
    detail: expect.any(String),
  });
}

describe('path parameters', () => {
  it('answers a NUL byte in a credential id on suspend and unsuspend with 400, not 500', async () => {
    const user = await signUpUser(t.app);
    for (const url of [
      '/api/v1/credentials/%00abc/suspend',
      '/api/v1/credentials/abc%00/unsuspend',
      `/api/v1/credentials/${encodeURIComponent('http://cairn.test/credentials/\u0000')}/suspend`,
    ]) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie: user.cookie }, payload: {} });
      expectProblem(res, 400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'params.id' }] });
    }
  });

  it('answers an over-long path parameter with 404 problem+json, on any route', async () => {
    const long = 'a'.repeat(MAX_PARAM_LENGTH + 1);
    for (const [method, url] of [
      ['POST', `/api/v1/credentials/${long}/suspend`],
      ['POST', `/api/v1/pathways/${long}/join`],
      ['GET', `/api/v1/orgs/${long}`],
      ['GET', `/credentials/${long}`],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expectProblem(res, 404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('answers a parameter longer than its own schema allows with 400 naming it', async () => {
    const user = await signUpUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${'a'.repeat(600)}/suspend`,
      headers: { cookie: user.cookie },
      payload: {},
    });
    expectProblem(res, 400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'id' }] });
  });

  it('routes a full, URL-encoded credential id longer than 100 characters (no 414)', async () => {
    const user = await signUpUser(t.app);
    const id = encodeURIComponent(
      `https://credentials.a-rather-long-host-name.example.org/credentials/${crypto.randomUUID()}`,
    );
    expect(id.length).toBeGreaterThan(100);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/unsuspend`,
      headers: { cookie: user.cookie },
      payload: {},
    });
    expectProblem(res, 404);
  });

  it('answers broken percent-encoding with 400 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orgs/%E0%A4%A' });
    expectProblem(res, 400);
  });

  it('answers a NUL byte that reaches PostgreSQL in a body field with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nul\u0000@example.com', password: 'whatever-password' },
    });
    expectProblem(res, 400);
  });
});

describe('while the database is unreachable', () => {
  it('answers 503 with Retry-After when the database was closed under the app', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ deps: { ...t.deps, db: database.db }, authRateLimit: 10_000 });
    await app.ready();
    try {
      // One request first, so the connection (pool or embedded instance) is live when it goes.
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      await database.close();
      for (const request of [
        {
          method: 'GET' as const,
          url: '/api/v1/auth/session',
          headers: { cookie: 'cairn_session=some-session-token' },
        },
        {
          method: 'POST' as const,
          url: '/api/v1/auth/login',
          payload: { email: 'a@example.com', password: 'some-password' },
        },
        { method: 'GET' as const, url: '/api/v1/catalog' },
      ]) {
        const res = await app.inject(request);
        expectProblem(res, 503);
        expect(res.json()).toMatchObject({ code: 'unavailable', detail: expect.stringMatching(/database/) });
        expect(res.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      }
    } finally {
      await app.close();
    }
  });

  it('answers 503 with Retry-After when PostgreSQL refuses connections', async () => {
    // Port 1 on loopback: nothing listens, so every connection is refused at once.
    const database = await openDatabase({
      engine: 'postgres',
      url: 'postgres://postgres@127.0.0.1:1/cairn',
      poolSize: 1,
    });
    const app = await buildApp({ deps: { ...t.deps, db: database.db }, authRateLimit: 10_000 });
    await app.ready();
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a@example.com', password: 'some-password' },
      });
      expectProblem(res, 503);
      expect(res.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('tells connection failures from query errors', () => {
    const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const e of [
      withCode('ECONNREFUSED'),
      withCode('57P01'),
      withCode('57P03'),
      withCode('08006'),
      withCode('08001'),
      new Error('Connection terminated unexpectedly'),
      new Error('PGlite is closed'),
      new Error('wrapped', { cause: withCode('ECONNRESET') }),
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    }
    for (const e of [
      withCode('23505'),
      withCode('22021'),
      withCode('42P01'),
      new Error('relation "x" does not exist'),
      'ECONNREFUSED',
      undefined,
    ]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
    }
  });
});
