import { describe, expect, it } from 'vitest';
import { listOrgEvents } from '../events/events.store.js';
import { addMember, createApiKey, createOrg, signUpUser, useTestApp } from '../testing/test-app.js';

const t = useTestApp();

/** The organisation's audit trail, oldest first, as type + data + who. */
async function eventsOf(orgId: string) {
  const events = await listOrgEvents(t.deps.db, orgId, { limit: 100 });
  return events.reverse().map((e) => ({ type: e.type, data: e.data, actor: e.actor }));
}

describe('organisation events', () => {
  it('records who changed what: members, roles, keys and the organisation itself', async () => {
    const owner = await signUpUser(t.app);
    const colleague = await signUpUser(t.app);
    const org = await createOrg(t.app, owner, { roles: ['provider'] });
    const byOwner = { kind: 'user', userId: owner.id, sessionId: expect.any(String) };

    await addMember(t.app, owner, org.slug, colleague, 'assessor');
    const headers = { cookie: owner.cookie };
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}/members/${colleague.id}`,
      headers,
      payload: { role: 'admin' },
    });
    expect(promote.statusCode, promote.body).toBe(200);
    // Setting the role it already has changes nothing, and records nothing.
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/orgs/${org.slug}/members/${colleague.id}`,
          headers,
          payload: { role: 'admin' },
        })
      ).statusCode,
    ).toBe(200);
    const key = await createApiKey(t.app, owner, org.slug, 'author');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/api-keys/${key.id}`, headers }))
        .statusCode,
    ).toBe(204);
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}`,
      headers,
      payload: { name: 'Renamed Academy', roles: ['provider'] },
    });
    expect(rename.statusCode, rename.body).toBe(200);
    expect(rename.json()).toMatchObject({ name: 'Renamed Academy', roles: ['provider'] });
    // The same values again: not a change.
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/orgs/${org.slug}`,
          headers,
          payload: { name: ' Renamed Academy ' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/orgs/${org.slug}`,
          headers,
          payload: { roles: ['provider', 'partner'] },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/members/${colleague.id}`, headers }))
        .statusCode,
    ).toBe(204);

    expect(await eventsOf(org.id)).toEqual([
      { type: 'member.added', data: { userId: owner.id, role: 'owner' }, actor: byOwner },
      {
        type: 'member.added',
        data: { userId: colleague.id, role: 'assessor' },
        actor: { kind: 'user', userId: colleague.id, sessionId: expect.any(String) },
      },
      { type: 'member.role-changed', data: { userId: colleague.id, role: 'admin' }, actor: byOwner },
      { type: 'api-key.created', data: { apiKeyId: key.id, role: 'author' }, actor: byOwner },
      { type: 'api-key.revoked', data: { apiKeyId: key.id }, actor: byOwner },
      { type: 'organization.updated', data: { organizationId: org.id, changed: ['name'] }, actor: byOwner },
      { type: 'organization.updated', data: { organizationId: org.id, changed: ['roles'] }, actor: byOwner },
      { type: 'member.removed', data: { userId: colleague.id }, actor: byOwner },
    ]);
  });

  it('records nothing for a refused change, and keeps each organisation to its own events', async () => {
    const owner = await signUpUser(t.app);
    const outsider = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const other = await createOrg(t.app, outsider);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}`,
      headers: { cookie: outsider.cookie },
      payload: { name: 'Taken over' },
    });
    expect(refused.statusCode).toBe(404);
    const lastOwner = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/${org.slug}/members/${owner.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(lastOwner.statusCode).toBe(409);
    expect((await eventsOf(org.id)).map((e) => e.type)).toEqual(['member.added']);
    expect((await eventsOf(other.id)).map((e) => e.type)).toEqual(['member.added']);
  });
});
