import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addMember, createApiKey, createOrg, signUpUser, useTestApp } from '../testing/test-app.js';
import { createWebhookVia } from './testing/webhook-test-helpers.js';

// Any public address: the URL is only resolved, never called, in these tests.
const t = useTestApp({
  webhooks: { allowPrivate: false, requireHttps: false, lookup: async () => [{ address: '93.184.216.34', family: 4 }] },
});

async function auditEvents(orgId: string, type: string) {
  const { rows } = await sql<{
    data: Record<string, unknown>;
    actor_kind: string;
  }>`select data, actor_kind from domain_events where org_id = ${orgId} and type = ${type} order by occurred_at`.execute(
    t.deps.db,
  );
  return rows;
}

describe('webhook endpoints API', () => {
  it('creates an endpoint and shows its whsec_ secret once; lists and reads it without the secret', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const created = await createWebhookVia(t.app, owner, org.slug, {
      url: 'https://hooks.example.org/cairn',
      events: ['credential.issued', 'credential.revoked'],
      description: 'CRM sync',
    });
    expect(created).toMatchObject({
      url: 'https://hooks.example.org/cairn',
      events: ['credential.issued', 'credential.revoked'],
      description: 'CRM sync',
      enabled: true,
      disabledReason: null,
      failingSince: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { cookie: owner.cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: created.id, url: created.url })]);
    expect(list.body).not.toContain(created.secret.slice(6));
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/webhooks/${created.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(one.json()).not.toHaveProperty('secret');

    // Stored sealed under the master key, never in clear.
    const { rows } = await sql<{
      secret_sealed: string;
    }>`select secret_sealed from webhook_endpoints where id = ${created.id}`.execute(t.deps.db);
    expect(rows[0]!.secret_sealed).not.toContain(created.secret.slice(6));
    expect(await auditEvents(org.id, 'webhook.created')).toEqual([
      expect.objectContaining({ data: { webhookId: created.id, url: created.url }, actor_kind: 'user' }),
    ]);
  });

  it('refuses unknown event types and malformed URLs, naming the field', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { cookie: owner.cookie },
      payload: { url: 'https://hooks.example.org/', events: ['credential.exploded'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'events.0' })]);
    const none = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { cookie: owner.cookie },
      payload: { url: 'https://hooks.example.org/', events: [] },
    });
    expect(none.json().errors).toEqual([
      expect.objectContaining({ field: 'events', message: 'Pick at least one event' }),
    ]);
    const notUrl = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { cookie: owner.cookie },
      payload: { url: 'hooks.example.org', events: ['credential.issued'] },
    });
    expect(notUrl.json().errors).toEqual([expect.objectContaining({ field: 'url' })]);
    const ftp = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { cookie: owner.cookie },
      payload: { url: 'ftp://hooks.example.org/', events: ['credential.issued'] },
    });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json()).toMatchObject({
      detail: expect.stringMatching(/must use https/),
      errors: [{ field: 'url', message: 'Use https' }],
    });
    // A test ping is not something to subscribe to.
    const ping = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { cookie: owner.cookie },
      payload: { url: 'https://hooks.example.org/', events: ['webhook.test'] },
    });
    expect(ping.statusCode).toBe(400);
  });

  it('updates, disables, enables and deletes an endpoint, recording each change', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const hook = await createWebhookVia(t.app, owner, org.slug, {
      url: 'https://hooks.example.org/a',
      events: ['credential.issued'],
    });
    const url = `/api/v1/orgs/${org.slug}/webhooks/${hook.id}`;
    const patched = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: owner.cookie },
      payload: { url: 'https://hooks.example.org/b', events: ['credential.revoked'], description: 'moved' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      url: 'https://hooks.example.org/b',
      events: ['credential.revoked'],
      description: 'moved',
    });
    const disabled = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: owner.cookie },
      payload: { enabled: false },
    });
    expect(disabled.json()).toMatchObject({ enabled: false, disabledReason: 'Disabled by an admin.' });
    const enabled = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: owner.cookie },
      payload: { enabled: true },
    });
    expect(enabled.json()).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
    expect((await auditEvents(org.id, 'webhook.updated')).map((e) => e.data.changed)).toEqual([
      ['url', 'description', 'events'],
      ['enabled'],
      ['enabled'],
    ]);

    expect((await t.app.inject({ method: 'DELETE', url, headers: { cookie: owner.cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: owner.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url, headers: { cookie: owner.cookie } })).statusCode).toBe(404);
    expect(await auditEvents(org.id, 'webhook.deleted')).toEqual([
      expect.objectContaining({ data: { webhookId: hook.id } }),
    ]);
  });

  it('rotates the secret: the new one is shown once, the previous one signs for 24 hours more', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const hook = await createWebhookVia(t.app, owner, org.slug, {
      url: 'https://hooks.example.org/r',
      events: ['credential.issued'],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/rotate-secret`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const rotated = res.json<{ secret: string; previousSecretExpiresAt: string }>();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    expect(new Date(rotated.previousSecretExpiresAt).getTime() - t.clock.now.getTime()).toBe(24 * 3600_000);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(read.json().previousSecretExpiresAt).toBe(rotated.previousSecretExpiresAt);
  });

  it('answers admins with an admin API key; other roles get 403 and outsiders 404 (tenant isolation)', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const hook = await createWebhookVia(t.app, owner, org.slug, {
      url: 'https://hooks.example.org/x',
      events: ['credential.issued'],
    });

    const adminKey = await createApiKey(t.app, owner, org.slug, 'admin');
    const byKey = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { authorization: `Bearer ${adminKey.token}` },
    });
    expect(byKey.statusCode).toBe(200);
    const keyCreated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks`,
      headers: { authorization: `Bearer ${adminKey.token}` },
      payload: { url: 'https://hooks.example.org/k', events: ['credential.issued'] },
    });
    expect(keyCreated.statusCode).toBe(201);
    expect(await auditEvents(org.id, 'webhook.created')).toContainEqual(
      expect.objectContaining({ actor_kind: 'apiKey' }),
    );

    const authorKey = await createApiKey(t.app, owner, org.slug, 'author');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/orgs/${org.slug}/webhooks`,
          headers: { authorization: `Bearer ${authorKey.token}` },
        })
      ).statusCode,
    ).toBe(403);
    const author = await signUpUser(t.app);
    await addMember(t.app, owner, org.slug, author, 'author');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}`,
          headers: { cookie: author.cookie },
        })
      ).statusCode,
    ).toBe(403);

    // The admin of another organisation: 404 for this organisation and for its webhook through their own.
    const stranger = await signUpUser(t.app);
    const strangerOrg = await createOrg(t.app, stranger);
    const paths = [
      ['GET', `/api/v1/orgs/${org.slug}/webhooks`],
      ['GET', `/api/v1/orgs/${org.slug}/webhooks/${hook.id}`],
      ['GET', `/api/v1/orgs/${strangerOrg.slug}/webhooks/${hook.id}`],
      ['PATCH', `/api/v1/orgs/${strangerOrg.slug}/webhooks/${hook.id}`],
      ['DELETE', `/api/v1/orgs/${strangerOrg.slug}/webhooks/${hook.id}`],
      ['POST', `/api/v1/orgs/${strangerOrg.slug}/webhooks/${hook.id}/rotate-secret`],
      ['POST', `/api/v1/orgs/${strangerOrg.slug}/webhooks/${hook.id}/test`],
      ['GET', `/api/v1/orgs/${strangerOrg.slug}/webhooks/${hook.id}/deliveries`],
    ] as const;
    for (const [method, url] of paths) {
      const res = await t.app.inject({
        method,
        url,
        headers: { cookie: stranger.cookie },
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: method === 'PATCH' ? { enabled: false } : {} }),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const strangerKey = await createApiKey(t.app, stranger, strangerOrg.slug, 'admin');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/orgs/${org.slug}/webhooks`,
          headers: { authorization: `Bearer ${strangerKey.token}` },
        })
      ).statusCode,
    ).toBe(404);
    // Nothing changed.
    const still = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(still.json()).toMatchObject({ enabled: true });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/webhooks` })).statusCode).toBe(401);
  });

  it('lists the event types one can subscribe to, and documents every route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/webhook-event-types' });
    expect(res.json().items).toContain('credential.issued');
    expect(res.json().items).not.toContain('webhook.test');
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/orgs/{slug}/webhooks',
        '/api/v1/orgs/{slug}/webhooks/{id}',
        '/api/v1/orgs/{slug}/webhooks/{id}/rotate-secret',
        '/api/v1/orgs/{slug}/webhooks/{id}/test',
        '/api/v1/orgs/{slug}/webhooks/{id}/deliveries',
        '/api/v1/orgs/{slug}/webhooks/{id}/deliveries/{deliveryId}/resend',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/orgs/{slug}/webhooks/{id}']!)).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(doc.components.schemas).toHaveProperty('WebhookDelivery');
  });
});
