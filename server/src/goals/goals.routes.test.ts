import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { listMailsTo } from '../mail/mail.store.js';
import { addMember, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { nudgeGoalsBehindSchedule } from './use-cases/nudge-goals.js';

const t = useTestApp();
let author: TestUser;
let providerSlug: string;
let s1: string, s2: string, s3: string;
const slugs: Record<string, string> = {};

const reading = [{ title: 'Read', content: 'Read this.', estimatedMinutes: 20 }];

beforeAll(async () => {
  author = await signUpUser(t.app, { name: 'Gale Provider' });
  providerSlug = (await createOrg(t.app, author, { roles: ['provider'], name: 'Goal Academy' })).slug;
  [s1, s2, s3] = (await starterSkillIds(t.app, 'data', 3)).map((s) => s.id) as [string, string, string];
  const programmes = [
    { key: 'intro', title: 'Intro to Data', skillIds: [s1], cost: null, effortHours: 10 },
    {
      key: 'all',
      title: 'Analytics Bootcamp',
      skillIds: [s1, s2, s3],
      cost: { amountMinor: 20000, currency: 'GBP' },
      effortHours: 24,
    },
    { key: 'charts', title: 'Charts', skillIds: [s2], cost: { amountMinor: 5000, currency: 'GBP' }, effortHours: 10 },
    {
      key: 'stats',
      title: 'Statistics',
      skillIds: [s3],
      cost: { amountMinor: 6000, currency: 'GBP' },
      effortHours: 15,
    },
  ];
  for (const p of programmes) {
    slugs[p.key] = unique(p.key);
    await createProgramme(
      t.app,
      author,
      providerSlug,
      {
        slug: slugs[p.key]!,
        title: p.title,
        skillIds: p.skillIds,
        cost: p.cost,
        effortHours: p.effortHours,
        cpdHours: 5,
      },
      { modules: reading },
    );
  }
});

type Plan = {
  gap: { id: string }[];
  steps: { id: string; name: string; slug: string | null; covers: string[]; enrolment: { id: string } | null }[];
  totals: {
    cost: { amountMinor: number; currency: string }[];
    converted: unknown;
    rateNote: string | null;
    hours: number;
    cpdHours: number;
  };
  schedule: { weeks: { items: { hours: number }[] }[]; finishesOn: string | null };
  feasible: boolean;
  reason: string | null;
};

async function newGoal(learner: TestUser, body: object) {
  return t.app.inject({ method: 'POST', url: '/api/v1/me/goals', headers: { cookie: learner.cookie }, payload: body });
}
async function planOf(learner: TestUser, id: string, query = '') {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/me/goals/${id}/plan${query}`,
    headers: { cookie: learner.cookie },
  });
  expect(res.statusCode).toBe(200);
  return res.json<Plan>();
}
const inDays = (n: number) => new Date(t.clock.now.getTime() + n * 86_400_000).toISOString().slice(0, 10);

describe('goals and plans', () => {
  it('plans the cheapest or the quickest cover, and re-plans as credentials arrive', async () => {
    const learner = await signUpUser(t.app);
    const created = await newGoal(learner, { kind: 'skills', ref: [s1, s2, s3], weeklyHours: 5 });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    const cheapest = await planOf(learner, id, '?optimise=cost');
    expect(cheapest.gap.map((g) => g.id).sort()).toEqual([s1, s2, s3].sort());
    expect(cheapest.steps.map((s) => s.name).sort()).toEqual(['Charts', 'Intro to Data', 'Statistics']);
    expect(cheapest.totals.cost).toEqual([{ amountMinor: 11000, currency: 'GBP' }]);
    expect(cheapest.totals.hours).toBe(35);
    expect(cheapest.feasible).toBe(true);
    // 35 hours at 5 a week: seven weeks, none over the pace.
    expect(cheapest.schedule.weeks).toHaveLength(7);
    for (const w of cheapest.schedule.weeks) expect(w.items.reduce((s, i) => s + i.hours, 0)).toBeLessThanOrEqual(5);

    const quickest = await planOf(learner, id, '?optimise=time');
    expect(quickest.steps.map((s) => s.name)).toEqual(['Analytics Bootcamp']);

    // Enrol in the free step from the plan and finish it: its skill leaves the gap.
    const intro = cheapest.steps.find((s) => s.name === 'Intro to Data')!;
    const enrolled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/${providerSlug}/${intro.slug}/enrol`,
      headers: { cookie: learner.cookie },
      payload: {},
    });
    const detail = enrolled.json<{ id: string; modules: { id: string }[] }>();
    expect((await planOf(learner, id)).steps.find((s) => s.name === 'Intro to Data')?.enrolment?.id).toBe(detail.id);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${detail.modules[0]!.id}/complete`,
      headers: { cookie: learner.cookie },
      payload: {},
    });
    const after = await planOf(learner, id);
    expect(after.gap.map((g) => g.id).sort()).toEqual([s2, s3].sort());
    expect(after.steps.map((s) => s.name).sort()).toEqual(['Charts', 'Statistics']);
    expect(after.totals.cost).toEqual([{ amountMinor: 11000, currency: 'GBP' }]);
  });

  it('says when the plan cannot meet the target date, and converts only with operator-set rates', async () => {
    const learner = await signUpUser(t.app);
    const { id } = (
      await newGoal(learner, { kind: 'skills', skillIds: [s2, s3], targetDate: inDays(14), weeklyHours: 2 })
    ).json<{
      id: string;
    }>();
    const plan = await planOf(learner, id, '?currency=EUR');
    expect(plan.feasible).toBe(false);
    expect(plan.reason).toMatch(/after your target date/);
    expect(plan.totals.converted).toBeNull();
    expect(plan.totals.rateNote).toMatch(/No exchange rates to EUR/);
    await t.database.db
      .insertInto('exchange_rates')
      .values({ from_currency: 'GBP', to_currency: 'EUR', valid_on: inDays(-3), rate: '1.15', note: 'test' })
      .execute();
    const converted = await planOf(learner, id, '?currency=EUR');
    expect(converted.totals.cost).toEqual([{ amountMinor: 11000, currency: 'GBP' }]);
    expect(converted.totals.converted).toEqual({ amountMinor: 12650, currency: 'EUR' });
    expect(converted.totals.rateNote).toMatch(/1 GBP = 1.15 EUR/);
  });

  it('accepts a role only from an employer the learner belongs to', async () => {
    const employer = await signUpUser(t.app, { name: 'Erin Employer' });
    const org = await createOrg(t.app, employer, { roles: ['employer'], name: 'Harbor Test Logistics' });
    const orgRow = await t.database.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', org.slug)
      .executeTakeFirstOrThrow();
    const role = await t.database.db
      .insertInto('employer_roles')
      .values({ org_id: orgRow.id, name: 'Data analyst' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('employer_role_skills')
      .values([s1, s2].map((skill_id) => ({ role_id: role.id, org_id: orgRow.id, skill_id, level: 2 })))
      .execute();
    const outsider = await signUpUser(t.app);
    const refused = await newGoal(outsider, { kind: 'role', ref: role.id });
    expect(refused.statusCode).toBe(400);
    const member = await signUpUser(t.app);
    await addMember(t.app, employer, org.slug, member, 'viewer');
    const accepted = await newGoal(member, { kind: 'role', ref: role.id });
    expect(accepted.statusCode).toBe(201);
    const goals = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me/goals', headers: { cookie: member.cookie } })
    ).json<{ id: string; title: string }[]>();
    expect(goals.map((g) => g.title)).toEqual(['Data analyst at Harbor Test Logistics']);
    // Someone else's goal is not there to plan or delete.
    const goalId = goals[0]!.id;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/me/goals/${goalId}/plan`,
          headers: { cookie: outsider.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/me/goals/${goalId}`,
          headers: { cookie: outsider.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/me/goals/${goalId}`, headers: { cookie: member.cookie } }))
        .statusCode,
    ).toBe(204);
  });

  it('refuses unknown skills and past target dates without writing anything', async () => {
    const learner = await signUpUser(t.app);
    expect((await newGoal(learner, { kind: 'skills', ref: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(
      400,
    );
    expect((await newGoal(learner, { kind: 'skills', ref: [s1], targetDate: inDays(-1) })).statusCode).toBe(400);
    expect((await newGoal(learner, { kind: 'pathway', ref: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
      400,
    );
    const rows = await t.database.db
      .selectFrom('learner_goals')
      .select('id')
      .where('learner_id', '=', learner.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('nudges a learner behind schedule once a week, only when they asked', async () => {
    const keen = await signUpUser(t.app);
    const quiet = await signUpUser(t.app);
    await newGoal(keen, { kind: 'skills', ref: [s2, s3], targetDate: inDays(10), weeklyHours: 1, wantsNudges: true });
    await newGoal(quiet, { kind: 'skills', ref: [s2, s3], targetDate: inDays(10), weeklyHours: 1 });
    await nudgeGoalsBehindSchedule(t.deps);
    await nudgeGoalsBehindSchedule(t.deps);
    const nudges = async (u: TestUser) =>
      (await listMailsTo(t.database.db, u.email)).filter((m) => /behind schedule/.test(m.subject));
    expect(await nudges(keen)).toHaveLength(1);
    expect(await nudges(quiet)).toHaveLength(0);
    expect((await nudges(keen))[0]!.text_body).toMatch(/hours a week/);
    t.clock.advance(7 * 86_400_000);
    await nudgeGoalsBehindSchedule(t.deps);
    expect(await nudges(keen)).toHaveLength(2);
  });
});
