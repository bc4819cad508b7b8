import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { redactedPaths } from '../app.js';
import { signUpUser, TEST_PASSWORD, useTestApp } from '../testing/test-app.js';

const lines: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});
const t = useTestApp({
  logger: { level: 'info', stream: logStream, redact: { paths: redactedPaths, censor: '[redacted]' } },
  bodyLimit: 4096,
});

describe('HTTP basics', () => {
  it('reports health when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document that lists the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/signup', '/api/v1/orgs', '/api/v1/orgs/{slug}/api-keys', '/health']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown routes with a problem, and oversized bodies with 413', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@example.com', password: 'p'.repeat(5000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-1234567' } });
    expect(res.headers['x-request-id']).toBe('trace-1234567');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it('never writes passwords, cookies or tokens to the log', async () => {
    const user = await signUpUser(t.app);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: user.cookie, authorization: 'Bearer cairn_secret_value' },
    });
    const log = lines.join('');
    expect(log).toContain('request completed');
    expect(log).not.toContain(TEST_PASSWORD);
    expect(log).not.toContain(user.cookie.split('=')[1]);
    expect(log).not.toContain('cairn_secret_value');
  });

  it('logs one line a request, with its method, path, status and time', async () => {
    const requestId = 'log-line-test-0001';
    await t.app.inject({ method: 'GET', url: '/health?probe=1', headers: { 'x-request-id': requestId } });
    const mine = lines
      .flatMap((chunk) => chunk.split('\n'))
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.reqId === requestId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/health?probe=1' },
      res: { statusCode: 200 },
    });
    expect(typeof mine[0]!.responseTime).toBe('number');
  });
});
