import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp } from '../testing/test-app.js';

const TOKEN = 'metrics-token-for-tests-0123456789';
const t = useTestApp({ metricsToken: TOKEN });

/** The samples of a Prometheus text exposition: `name{labels} value` per line, comments skipped. */
function parse(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

async function scrape() {
  const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(res.body);
}

const valueOf = (samples: ReturnType<typeof parse>, name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe('GET /metrics', () => {
  let withoutToken: App;
  beforeAll(async () => {
    withoutToken = await buildApp({ deps: t.deps, authRateLimit: 10_000 });
    await withoutToken.ready();
  });
  afterAll(async () => withoutToken.close());

  it('answers 404 when CAIRN_METRICS_TOKEN is not set, whatever the request carries', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const res = await withoutToken.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().detail).toMatch(/CAIRN_METRICS_TOKEN/);
    }
  });

  it('answers 401 without the token or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('speaks the Prometheus text format: latency by route template, queues, process metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/orgs/some-secret-slug' });
    await t.app.inject({ method: 'GET', url: '/api/v1/no/such/route/123' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.body).not.toContain('some-secret-slug');
    expect(res.body).not.toContain('/no/such/route');
    const samples = parse(res.body);
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'cairn_http_request_duration_seconds_bucket',
      'cairn_http_request_duration_seconds_count',
      'cairn_job_queue_depth',
      'cairn_job_dead_letters',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(
      valueOf(samples, 'cairn_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/orgs/:slug',
        status_class: '4xx',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(samples, 'cairn_http_request_duration_seconds_count', { route: 'unmatched', status_class: '4xx' }),
    ).toBeGreaterThanOrEqual(1);
    expect(samples.some((s) => s.name === 'cairn_job_dead_letters' && s.labels.queue === 'mail')).toBe(true);
  });

  it('counts issuances, verifications and waiting jobs as they happen', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const key = await createApiKey(t.app, owner, org.slug);
    const before = await scrape();

    const issued = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${key.token}` },
      payload: { credential: sampleCredential() },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const credential = issued.json<{ verifiableCredential: Record<string, unknown> }>().verifiableCredential;
    const verified = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: credential },
    });
    expect(verified.statusCode).toBe(200);
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: { ...credential, name: 'Something else' } },
    });
    expect(tampered.statusCode).toBe(400);
    await t.jobs.send(
      t.deps.db,
      'maintenanceProbe',
      { waiting: true },
      { startAfter: new Date(Date.now() + 3600_000) },
    );

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(delta('cairn_credentials_issued_total', { kind: 'vc-api' })).toBe(1);
    expect(delta('cairn_domain_events_total', { type: 'credential.issued' })).toBe(1);
    expect(delta('cairn_credential_verifications_total', { source: 'credential', outcome: 'verified' })).toBe(1);
    expect(delta('cairn_credential_verifications_total', { source: 'credential', outcome: 'not_verified' })).toBe(1);
    expect(delta('cairn_job_queue_depth', { queue: 'maintenance.probe', state: 'created' })).toBe(1);
  });
});
