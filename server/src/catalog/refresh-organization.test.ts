import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { createProgramme, starterSkillIds } from './catalog-test-helpers.js';

const t = useTestApp();
let owner: TestUser;
let partnerOwner: TestUser;
let provider: { id: string; slug: string };
let partner: { id: string; slug: string };

type Item = { slug: string; provider: { slug: string; name: string }; partners: { slug: string; name: string }[] };
type Result = {
  items: Item[];
  facets: Record<'provider' | 'partner', { value: string; label: string; count: number }[]>;
};

async function search(query = ''): Promise<Result> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Result>();
}

async function patchOrg(user: TestUser, slug: string, payload: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/orgs/${slug}`,
    headers: { cookie: user.cookie },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  owner = await signUpUser(t.app);
  partnerOwner = await signUpUser(t.app);
  provider = await createOrg(t.app, owner, {
    roles: ['provider'],
    name: 'Old Provider Name',
    slug: 'renamed-provider',
  });
  partner = await createOrg(t.app, partnerOwner, {
    roles: ['partner'],
    name: 'Old Partner Name',
    slug: 'renamed-partner',
  });
  const skillIds = (await starterSkillIds(t.app, 'SQL querying', 1)).map((s) => s.id);
  await createProgramme(t.app, owner, provider.slug, {
    slug: 'first',
    title: 'First Programme',
    skillIds,
    partnerOrgIds: [partner.id],
  });
  t.clock.advance(60_000);
  await createProgramme(t.app, owner, provider.slug, { slug: 'second', title: 'Second Programme', skillIds });
  // Publishing queued its own events; start from an idle queue.
  await t.jobs.drain();
});

describe('catalogue after an organisation changes', () => {
  it('shows the new provider and partner names once the organization.updated job has run', async () => {
    const before = await search();
    expect(before.items.map((i) => i.provider.name)).toEqual(['Old Provider Name', 'Old Provider Name']);

    await patchOrg(owner, provider.slug, { name: 'New Provider Name' });
    await patchOrg(partnerOwner, partner.slug, { name: 'New Partner Name' });
    // The catalogue copies names; until the job runs it still shows the old ones.
    expect((await search()).items.map((i) => i.provider.name)).toEqual(['Old Provider Name', 'Old Provider Name']);

    const run = await t.jobs.drain();
    expect(run.failed).toEqual([]);
    const after = await search();
    expect(after.items.map((i) => i.provider.name)).toEqual(['New Provider Name', 'New Provider Name']);
    expect(after.items.find((i) => i.slug === 'first')?.partners).toEqual([
      { slug: partner.slug, name: 'New Partner Name' },
    ]);
    // Facets come from the in-memory index, which caught up from the rows' change sequence.
    expect(after.facets.provider).toEqual([{ value: provider.slug, label: 'New Provider Name', count: 2 }]);
    expect(after.facets.partner).toEqual([{ value: partner.slug, label: 'New Partner Name', count: 1 }]);
    expect((await search(`provider=${provider.slug}`)).items).toHaveLength(2);
  });

  it('stops naming an organisation as a partner once it no longer has that role', async () => {
    await patchOrg(partnerOwner, partner.slug, { roles: ['employer'] });
    expect((await t.jobs.drain()).failed).toEqual([]);
    const after = await search();
    expect(after.items.find((i) => i.slug === 'first')?.partners).toEqual([]);
    expect(after.facets.partner).toEqual([]);
    expect((await search(`partner=${partner.slug}`)).items).toEqual([]);
  });
});
