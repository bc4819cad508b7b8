import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApiKey, createOrg, signUpUser, unique, useTestApp } from '../testing/test-app.js';

const t = useTestApp();

async function orgCount() {
  return (
    await t.database.db
      .selectFrom('organizations')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}

describe('cross-site request forgery', () => {
  it('refuses a form post that carries the session cookie, writing nothing', async () => {
    const user = await signUpUser(t.app);
    const before = await orgCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `name=Evil&slug=${unique('evil')}&roles=provider`,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_rejected' });
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: user.cookie, 'content-type': 'text/plain' },
      payload: '{"name":"Evil","slug":"evil-plain","roles":["provider"]}',
    });
    expect(plain.statusCode).toBe(403);
    expect(await orgCount()).toBe(before);
  });

  it('refuses writes marked cross-site or from a foreign origin', async () => {
    const user = await signUpUser(t.app);
    const payload = { name: 'X', slug: unique('x'), roles: ['provider'] };
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: user.cookie, 'sec-fetch-site': 'cross-site' },
      payload,
    });
    expect(crossSite.statusCode).toBe(403);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: user.cookie, origin: 'https://evil.example' },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: user.cookie, origin: 'http://cairn.test', 'sec-fetch-site': 'same-origin' },
      payload,
    });
    expect(sameOrigin.statusCode).toBe(201);
  });

  it('does not apply to API keys, which a browser never sends on its own', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const key = await createApiKey(t.app, owner, org.slug);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}`,
      headers: { authorization: `Bearer ${key.token}`, origin: 'https://integration.example' },
      payload: { name: 'Renamed by machine' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Renamed by machine');
  });
});
