import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostLookup } from '@cairn/credentials';
import { transaction } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { recordEvent } from '../events/record-event.js';
import { createOrg, signUpUser, useTestApp } from '../testing/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhook-receiver.js';
import { createWebhookVia } from './testing/webhook-test-helpers.js';
import { checkWebhookTarget } from './webhook-network.js';

// DNS for these tests: what each name resolves to right now (tests change it).
const dns = new Map<string, string[]>([
  ['hooks.example.org', ['93.184.216.34']],
  ['loopback.example', ['127.0.0.1']],
  ['sneaky.example', ['93.184.216.34', '10.0.0.8']],
]);
const lookup: HostLookup = async (hostname) => {
  const addresses = dns.get(hostname);
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

// Production rules: private addresses refused (CAIRN_WEBHOOKS_ALLOW_PRIVATE unset).
const t = useTestApp({ webhooks: { allowPrivate: false, requireHttps: false, lookup } });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

describe('webhook targets are checked against SSRF', () => {
  it('refuses loopback, private, link-local and metadata targets at creation with a problem naming the field', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const cases: [string, RegExp][] = [
      ['http://127.0.0.1:8080/hook', /127\.0\.0\.1, a loopback address/],
      ['https://10.0.0.5/hook', /10\.0\.0\.5, a private address/],
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254, a cloud metadata address/],
      ['http://[::1]:3000/hook', /::1, a loopback address/],
      ['http://[::ffff:127.0.0.1]/hook', /::ffff:7f00:1, a loopback address/],
      ['https://loopback.example/hook', /loopback\.example\/hook leads to 127\.0\.0\.1, a loopback address/],
      ['https://sneaky.example/hook', /leads to 10\.0\.0\.8, a private address/],
    ];
    for (const [url, detail] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/webhooks`,
        headers: { cookie: owner.cookie },
        payload: { url, events: ['credential.issued'] },
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.detail, url).toMatch(detail);
      expect(problem.detail).toMatch(/CAIRN_WEBHOOKS_ALLOW_PRIVATE=true/);
      expect(problem.errors).toEqual([{ field: 'url', message: expect.stringMatching(/^Private or local address/) }]);
    }
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { cookie: owner.cookie },
      payload: { url: 'https://nowhere.example/', events: ['credential.issued'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toMatch(/cannot be resolved/);
    // Changing the URL of an existing endpoint is checked the same way.
    const ok = await createWebhookVia(t.app, owner, org.slug, {
      url: 'https://hooks.example.org/cairn',
      events: ['credential.issued'],
    });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}/webhooks/${ok.id}`,
      headers: { cookie: owner.cookie },
      payload: { url: 'http://169.254.169.254/' },
    });
    expect(patch.statusCode).toBe(400);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from webhook_endpoints where org_id = ${org.id}`.execute(t.deps.db);
    expect(rows[0]!.n).toBe(1);
  });

  it('checks the address again at delivery: a name that now resolves to loopback is not connected to', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const port = new URL(receiver.origin).port;
    // Ahead of the database clock, so the retry this schedules is not due while the test runs.
    t.clock.now = new Date(Date.now() + 3600_000);
    dns.set('rebinding.example', ['93.184.216.34']);
    const hook = await createWebhookVia(t.app, owner, org.slug, {
      url: `http://rebinding.example:${port}/hook`,
      events: ['credential.issued'],
    });
    // The name now points at the local receiver (DNS rebinding).
    dns.set('rebinding.example', ['127.0.0.1']);
    await transaction(t.deps.db, (trx) =>
      recordEvent(t.deps, trx, {
        type: 'credential.issued',
        orgId: org.id,
        actor: { kind: 'system', reason: 'test' },
        data: {
          credentialId: crypto.randomUUID(),
          recipientUserId: null,
          achievementId: null,
          microcredentialId: null,
          pathwayId: null,
          kind: 'direct',
        },
      }),
    );
    await t.jobs.drain();
    expect(receiver.received).toEqual([]);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/deliveries`,
      headers: { cookie: owner.cookie },
    });
    expect(res.json().items).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempt: 1,
        responseCode: null,
        lastError: expect.stringMatching(
          /rebinding\.example resolves to 127\.0\.0\.1, which is a private or local address \(loopback\)/,
        ),
      }),
    ]);
  });

  it('uses the system resolver when none is given: localhost is refused', async () => {
    await expect(
      checkWebhookTarget('http://localhost:9/hook', { allowPrivate: false, requireHttps: false }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/a loopback address/) });
  });

  it('requires https when the server runs in production, and allows private targets only when configured', async () => {
    const production = { allowPrivate: false, requireHttps: true, lookup };
    await expect(checkWebhookTarget('http://hooks.example.org/', production)).rejects.toThrow(
      'Webhook URLs must use https on this server.',
    );
    await expect(checkWebhookTarget('https://hooks.example.org/', production)).resolves.toBeUndefined();
    await expect(
      checkWebhookTarget('http://127.0.0.1:3000/', { allowPrivate: true, requireHttps: false }),
    ).resolves.toBeUndefined();
    await expect(
      checkWebhookTarget('http://127.0.0.1:3000/', { allowPrivate: false, requireHttps: false }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
