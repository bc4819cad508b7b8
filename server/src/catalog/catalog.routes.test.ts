import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { createProgramme, sampleAssignment, sampleQuiz, starterSkillIds } from './catalog-test-helpers.js';

const t = useTestApp();
let alice: TestUser;
let bob: TestUser;
let north: { slug: string };
let summit: { slug: string };
let partner: { id: string; slug: string };
let sql: { id: string; name: string };
let viz: { id: string; name: string };
let safety: { id: string; name: string };
let hiddenDraftId: string;

type Item = {
  slug: string;
  title: string;
  provider: { slug: string };
  cost: { amountMinor: number; currency: string } | null;
  effortHours: number;
  skills: { id: string; name: string }[];
  partners: { slug: string }[];
};
type Facet = { value: string; label: string; count: number };
type Result = {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<'skill' | 'provider' | 'level' | 'format' | 'language' | 'partner', Facet[]>;
};

async function search(query: string): Promise<Result> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog${query ? `?${query}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Result>();
}
const slugs = (r: Result) => r.items.map((i) => i.slug);

beforeAll(async () => {
  alice = await signUpUser(t.app);
  bob = await signUpUser(t.app);
  north = await createOrg(t.app, alice, { roles: ['provider'], name: 'Northwind Academy', slug: 'northwind' });
  summit = await createOrg(t.app, bob, { roles: ['provider'], name: 'Summit Skills Institute', slug: 'summit' });
  partner = await createOrg(t.app, await signUpUser(t.app), {
    roles: ['partner'],
    name: 'Atlas Industry Alliance',
    slug: 'atlas',
  });
  sql = (await starterSkillIds(t.app, 'SQL querying', 1))[0]!;
  viz = (await starterSkillIds(t.app, 'Data visualisation', 1))[0]!;
  safety = (await starterSkillIds(t.app, 'Workplace risk assessment', 1))[0]!;
  const modules = [
    { title: 'Start', estimatedMinutes: 30, content: 'Secret module content', activity: sampleQuiz },
    { title: 'Brief', estimatedMinutes: 90, activity: sampleAssignment },
  ];
  // Publication times must differ for the newest-first order to be defined.
  const tick = () => t.clock.advance(60_000);
  await createProgramme(
    t.app,
    alice,
    north.slug,
    {
      slug: 'sql-for-analysts',
      title: 'SQL for Analysts',
      summary: 'Query relational databases with confidence.',
      skillIds: [sql.id, viz.id],
      level: 5,
      effortHours: 20,
      durationWeeks: 4,
      cpdHours: 20,
      cost: { amountMinor: 12000, currency: 'EUR' },
      partnerOrgIds: [partner.id],
    },
    { modules },
  );
  tick();
  await createProgramme(t.app, alice, north.slug, {
    slug: 'charts-that-work',
    title: 'Charts that Work',
    summary: 'Visualise data honestly.',
    description: 'Design dashboards people trust.',
    skillIds: [viz.id],
    level: 4,
    effortHours: 6,
    durationWeeks: 1,
    cpdHours: 6,
    cost: null,
    format: 'cohort',
  });
  tick();
  await createProgramme(t.app, bob, summit.slug, {
    slug: 'site-safety-basics',
    title: 'Site Safety Basics',
    summary: 'Assess and control workplace risks.',
    outcomes: ['Write a risk assessment'],
    skillIds: [safety.id],
    level: 3,
    effortHours: 8,
    durationWeeks: 2,
    cpdHours: 8,
    cost: { amountMinor: 4500, currency: 'GBP' },
    language: 'de',
    format: 'blended',
    partnerOrgIds: [partner.id],
  });
  tick();
  await createProgramme(t.app, bob, summit.slug, {
    slug: 'data-safety',
    title: 'Data Safety for Teams',
    summary: 'Keep data safe and useful.',
    skillIds: [viz.id, safety.id],
    level: 5,
    effortHours: 40,
    durationWeeks: 8,
    cpdHours: 35,
    cost: { amountMinor: 30000, currency: 'EUR' },
  });
  tick();
  hiddenDraftId = (
    await createProgramme(
      t.app,
      bob,
      summit.slug,
      { slug: 'hidden-draft', title: 'SQL Hidden Draft', skillIds: [sql.id] },
      { publish: false },
    )
  ).id;
});

describe('catalogue search', () => {
  it('lists only published programmes, newest first, with the contract fields', async () => {
    const r = await search('');
    expect(r.total).toBe(4);
    expect(slugs(r)).toEqual(['data-safety', 'site-safety-basics', 'charts-that-work', 'sql-for-analysts']);
    expect(r.items.find((i) => i.slug === 'sql-for-analysts')).toMatchObject({
      title: 'SQL for Analysts',
      provider: { slug: 'northwind', name: 'Northwind Academy' },
      skills: [
        { id: sql.id, name: 'SQL querying' },
        { id: viz.id, name: 'Data visualisation' },
      ],
      cost: { amountMinor: 12000, currency: 'EUR' },
      effortHours: 20,
      cpdHours: 20,
      level: 5,
      format: 'self_paced',
      language: 'en',
      durationWeeks: 4,
      partners: [{ slug: 'atlas', name: 'Atlas Industry Alliance' }],
    });
  });

  it('searches text over title, summary, outcomes, description and skill names, and forgives typos', async () => {
    expect(slugs(await search('q=relational'))).toEqual(['sql-for-analysts']);
    expect(slugs(await search('q=risk%20assessment'))).toEqual(['site-safety-basics', 'data-safety']);
    expect(slugs(await search('q=dashboards'))).toEqual(['charts-that-work']);
    expect(slugs(await search('q=visualisation')).sort()).toEqual([
      'charts-that-work',
      'data-safety',
      'sql-for-analysts',
    ]);
    expect(slugs(await search('q=charts%20thta%20work'))).toContain('charts-that-work');
    expect(slugs(await search('q=hidden'))).toEqual([]);
  });

  it('reads websearch syntax: or, minus, and quoted phrases (matched by PostgreSQL)', async () => {
    expect(slugs(await search('q=relational%20or%20dashboards')).sort()).toEqual([
      'charts-that-work',
      'sql-for-analysts',
    ]);
    expect(slugs(await search('q=safety%20-data'))).toEqual(['site-safety-basics']);
    expect(slugs(await search('q=%22risk%20assessment%22')).sort()).toEqual(['data-safety', 'site-safety-basics']);
    expect(slugs(await search('q=%22assessment%20risk%22'))).toEqual([]);
    // Stop words only: nothing to match in full text, and no title looks like it.
    expect(await search('q=the%20and')).toMatchObject({ total: 0, items: [] });
  });

  it('ranks a match in the title above matches elsewhere', async () => {
    const r = await search('q=data');
    expect(r.total).toBe(3);
    expect(slugs(r)[0]).toBe('data-safety');
  });

  it('filters by skill, provider, partner, level, format and language', async () => {
    expect(slugs(await search(`skill=${sql.id}`))).toEqual(['sql-for-analysts']);
    expect(slugs(await search(`skill=${sql.id}&skill=${safety.id}`))).toEqual([
      'data-safety',
      'site-safety-basics',
      'sql-for-analysts',
    ]);
    expect(slugs(await search('provider=northwind'))).toEqual(['charts-that-work', 'sql-for-analysts']);
    expect(slugs(await search('partner=atlas'))).toEqual(['site-safety-basics', 'sql-for-analysts']);
    expect(slugs(await search('level=5'))).toEqual(['data-safety', 'sql-for-analysts']);
    expect(slugs(await search('format=cohort'))).toEqual(['charts-that-work']);
    expect(slugs(await search('language=de'))).toEqual(['site-safety-basics']);
  });

  it('filters by cost, effort, CPD hours, weeks and free', async () => {
    expect(slugs(await search('maxCost=100'))).toEqual(['site-safety-basics', 'charts-that-work']);
    expect(slugs(await search('minCost=100&maxCost=200'))).toEqual(['sql-for-analysts']);
    expect(slugs(await search('free=true'))).toEqual(['charts-that-work']);
    expect(slugs(await search('maxHours=8'))).toEqual(['site-safety-basics', 'charts-that-work']);
    expect(slugs(await search('minCpd=20'))).toEqual(['data-safety', 'sql-for-analysts']);
    expect(slugs(await search('maxWeeks=2'))).toEqual(['site-safety-basics', 'charts-that-work']);
  });

  it('sorts by relevance, newest, shortest and cheapest', async () => {
    expect(slugs(await search('sort=shortest'))).toEqual([
      'charts-that-work',
      'site-safety-basics',
      'sql-for-analysts',
      'data-safety',
    ]);
    expect(slugs(await search('sort=cheapest'))).toEqual([
      'charts-that-work',
      'site-safety-basics',
      'sql-for-analysts',
      'data-safety',
    ]);
    expect(slugs(await search('sort=newest&provider=northwind'))).toEqual(['charts-that-work', 'sql-for-analysts']);
    expect(slugs(await search('q=risk&sort=relevance'))).toEqual(['site-safety-basics', 'data-safety']);
  });

  it('pages through results', async () => {
    const first = await search('pageSize=3&page=1&sort=shortest');
    const second = await search('pageSize=3&page=2&sort=shortest');
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(slugs(first)).toHaveLength(3);
    expect(slugs(second)).toEqual(['data-safety']);
    expect(second.total).toBe(4);
    const beyond = await search('pageSize=3&page=5');
    expect(beyond).toMatchObject({ items: [], total: 4 });
  });

  it('counts facets for the current search, each facet leaving out its own filter', async () => {
    const all = await search('');
    expect(all.facets.provider).toEqual(
      [
        { value: 'summit', label: 'Summit Skills Institute', count: 2 },
        { value: 'northwind', label: 'Northwind Academy', count: 2 },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
    expect(all.facets.skill[0]).toEqual({ value: viz.id, label: 'Data visualisation', count: 3 });
    expect(all.facets.level).toEqual([
      { value: '3', label: 'EQF 3', count: 1 },
      { value: '4', label: 'EQF 4', count: 1 },
      { value: '5', label: 'EQF 5', count: 2 },
    ]);
    expect(all.facets.format).toEqual([
      { value: 'self_paced', label: 'Self-paced', count: 2 },
      { value: 'blended', label: 'Blended', count: 1 },
      { value: 'cohort', label: 'Cohort', count: 1 },
    ]);
    expect(all.facets.language).toEqual([
      { value: 'en', label: 'English', count: 3 },
      { value: 'de', label: 'German', count: 1 },
    ]);
    expect(all.facets.partner).toEqual([{ value: 'atlas', label: 'Atlas Industry Alliance', count: 2 }]);

    const northOnly = await search('provider=northwind');
    expect(northOnly.facets.provider.map((f) => [f.value, f.count])).toEqual([
      ['northwind', 2],
      ['summit', 2],
    ]);
    expect(northOnly.facets.level.map((f) => [f.value, f.count])).toEqual([
      ['4', 1],
      ['5', 1],
    ]);
    const withText = await search('q=safety');
    expect(withText.facets.provider).toEqual([{ value: 'summit', label: 'Summit Skills Institute', count: 2 }]);
  });

  it('refuses bad query values by name', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog?level=9&sort=random&skill=nope' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['level.0', 'skill.0', 'sort']);
  });
});

describe('programmes by id', () => {
  it('answers the published ones in the order asked, leaving out drafts and unknown ids', async () => {
    const all = await search('');
    const id = (slug: string) => (all.items as (Item & { id: string })[]).find((i) => i.slug === slug)!.id;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/programmes?id=${id('site-safety-basics')}&id=${hiddenDraftId}&id=${unknown}&id=${id('charts-that-work')}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Item[] }>().items;
    expect(items.map((i) => [i.slug, i.provider.slug])).toEqual([
      ['site-safety-basics', 'summit'],
      ['charts-that-work', 'northwind'],
    ]);
    expect(items[0]).toMatchObject({ title: 'Site Safety Basics', skills: [{ id: safety.id }] });
  });

  it('refuses an id that is not a UUID, by name', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/programmes?id=sql-for-analysts' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]!.field).toMatch(/^id/);
  });
});

describe('programme page', () => {
  it('shows what a learner weighs, with the badge preview, and never quiz answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/northwind/sql-for-analysts' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      title: 'SQL for Analysts',
      outcomes: ['Do the thing'],
      provider: { slug: 'northwind', name: 'Northwind Academy', did: expect.stringMatching(/^did:web:/) },
      partners: [{ slug: 'atlas', name: 'Atlas Industry Alliance' }],
      cost: { amountMinor: 12000, currency: 'EUR' },
      cpdHours: 20,
      totalMinutes: 120,
      assessment: { passMark: 70, quizCount: 1, assignmentCount: 1 },
      achievement: { achievementType: 'MicroCredential', name: 'SQL for Analysts' },
    });
    expect(page.modules).toEqual([
      {
        id: expect.any(String),
        position: 1,
        title: 'Start',
        estimatedMinutes: 30,
        activity: { type: 'quiz', questionCount: 2, passMark: 70, attemptsLimit: 3 },
      },
      {
        id: expect.any(String),
        position: 2,
        title: 'Brief',
        estimatedMinutes: 90,
        activity: {
          type: 'assignment',
          criteria: ['Clarity', 'Accuracy'],
          evidenceKinds: ['text', 'file'],
          maxPoints: 7,
        },
      },
    ]);
    expect(page.skills.map((s: { code: string }) => s.code)).toEqual(['CAIRN-DATA-03', 'CAIRN-DATA-07']);
    expect(res.body).not.toMatch(/isCorrect|"answer"|tolerance|Secret module content|stacked bar/);
  });

  it('answers 404 for an unpublished programme and for an unknown one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/catalog/summit/hidden-draft' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/catalog/northwind/no-such-thing' })).statusCode).toBe(
      404,
    );
  });
});
