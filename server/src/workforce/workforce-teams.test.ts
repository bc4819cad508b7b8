import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { addMember, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

// Teams (add and remove members, delete), the member's own self-assessments, and a programme's audience as read back.

const t = useTestApp();
let employer: TestUser;
let provider: TestUser;
let ana: TestUser;
let ben: TestUser;
let outsider: TestUser;
let harbor: { slug: string; id: string };
let other: { slug: string; id: string };
let northwind: { slug: string; id: string };
let teamId: string;

const as = (user: TestUser) => ({ cookie: user.cookie });

beforeAll(async () => {
  employer = await signUpUser(t.app, { name: 'Harbor Admin' });
  provider = await signUpUser(t.app, { name: 'Northwind Author' });
  ana = await signUpUser(t.app, { name: 'Ana' });
  ben = await signUpUser(t.app, { name: 'Ben' });
  outsider = await signUpUser(t.app, { name: 'Olga' });
  harbor = await createOrg(t.app, employer, { roles: ['employer'], name: 'Harbor' });
  other = await createOrg(t.app, outsider, { roles: ['employer'], name: 'Other' });
  northwind = await createOrg(t.app, provider, { roles: ['provider'], name: 'Northwind' });
  await addMember(t.app, employer, harbor.slug, ana, 'viewer');
  await addMember(t.app, employer, harbor.slug, ben, 'viewer');
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${harbor.slug}/teams`,
    headers: as(employer),
    payload: { name: 'Night shift', userIds: [ana.id] },
  });
  expect(created.statusCode).toBe(201);
  teamId = created.json().id;
});

describe('teams', () => {
  it('adds and removes members, and refuses someone outside the organisation with nothing changed', async () => {
    const added = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${harbor.slug}/teams/${teamId}/members`,
      headers: as(employer),
      payload: { userIds: [ana.id, ben.id] },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ name: 'Night shift', memberCount: 2 });
    expect(added.json().members.map((m: { name: string }) => m.name)).toEqual(['Ana', 'Ben']);

    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${harbor.slug}/teams/${teamId}/members`,
      headers: as(employer),
      payload: { userIds: [ben.id, outsider.id] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain(outsider.id);

    const removed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${harbor.slug}/teams/${teamId}/members`,
      headers: as(employer),
      payload: { userIds: [ben.id] },
    });
    expect(removed.json().members.map((m: { name: string }) => m.name)).toEqual(['Ben']);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${harbor.slug}/teams/${teamId}`,
      headers: as(employer),
    });
    expect(read.json()).toMatchObject({ memberCount: 1, members: [{ userId: ben.id, name: 'Ben' }] });
  });

  it("is invisible to another employer's admin, and a member cannot manage it", async () => {
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${other.slug}/teams/${teamId}`,
      headers: as(outsider),
    });
    expect(foreign.statusCode).toBe(404);
    const viaHarbor = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${harbor.slug}/teams/${teamId}/members`,
      headers: as(ana),
      payload: { userIds: [ana.id] },
    });
    expect([403, 404]).toContain(viaHarbor.statusCode);
  });

  it('deletes a team; its members stay in the organisation', async () => {
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/${harbor.slug}/teams/${teamId}`,
      headers: as(employer),
    });
    expect(deleted.statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${harbor.slug}/teams`, headers: as(employer) });
    expect(list.json().items).toEqual([]);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/${harbor.slug}/teams/${teamId}`,
      headers: as(employer),
    });
    expect(again.statusCode).toBe(404);
    const members = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${harbor.slug}/members`,
      headers: as(employer),
    });
    expect(members.json().items.map((m: { userId: string }) => m.userId)).toEqual(
      expect.arrayContaining([ana.id, ben.id]),
    );
  });
});

describe('self-assessments', () => {
  it('lists what the member rated, for that employer only, labelled by skill', async () => {
    const [skill] = await starterSkillIds(t.app, 'data', 1);
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/me/assessments/${harbor.slug}`,
      headers: as(ana),
      payload: { skillId: skill!.id, level: 3 },
    });
    expect(saved.statusCode).toBe(204);
    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/me/assessments/${harbor.slug}`, headers: as(ana) });
    expect(mine.json().items).toEqual([expect.objectContaining({ skillId: skill!.id, name: skill!.name, level: 3 })]);
    const bens = await t.app.inject({ method: 'GET', url: `/api/v1/me/assessments/${harbor.slug}`, headers: as(ben) });
    expect(bens.json().items).toEqual([]);
    const notMine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/assessments/${other.slug}`,
      headers: as(ana),
    });
    expect(notMine.statusCode).toBe(404);
  });
});

describe('programme audience', () => {
  it('reads back who a programme is for, and whether it can still change', async () => {
    const draft = await createProgramme(t.app, provider, northwind.slug, { slug: 'commissioned' }, { publish: false });
    const url = `/api/v1/orgs/${northwind.slug}/microcredentials/${draft.id}/audience`;
    const before = await t.app.inject({ method: 'GET', url, headers: as(provider) });
    expect(before.json()).toEqual({ microcredentialId: draft.id, audience: null, canChange: true });
    const set = await t.app.inject({
      method: 'PUT',
      url,
      headers: as(provider),
      payload: { employerSlug: harbor.slug },
    });
    expect(set.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url, headers: as(provider) });
    expect(after.json()).toEqual({
      microcredentialId: draft.id,
      audience: { slug: harbor.slug, name: 'Harbor' },
      canChange: true,
    });
    const foreign = await t.app.inject({ method: 'GET', url, headers: as(employer) });
    expect(foreign.statusCode).toBe(404);
  });
});
