import { describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD as password } from '../testing/demo-world-template.js';
import { sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';

const t = useDemoWorldApp();

async function login(email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(res.statusCode).toBe(200);
  return { cookie: sessionCookieOf(res.headers['set-cookie']) };
}

describe('the demo employer', () => {
  it('shows Harbor’s roles, the gaps of the four who share, two assignments (one overdue), seats and a private programme', async () => {
    const employer = await login('employer@demo.cairn.test');
    const roles = (
      await t.app.inject({ method: 'GET', url: '/api/v1/orgs/harbor-logistics/roles', headers: employer })
    ).json<{
      items: { id: string; name: string }[];
    }>().items;
    expect(roles.map((r) => r.name).sort()).toEqual(['Data analyst', 'Warehouse team lead']);
    const analyst = roles.find((r) => r.name === 'Data analyst')!;
    const gaps = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/harbor-logistics/roles/${analyst.id}/gaps`,
        headers: employer,
      })
    ).json<{ members: { name: string; skills: { status: string }[] }[] }>();
    expect(gaps.members.map((m) => m.name).sort()).toEqual(['Aisha Khan', 'Jonas Berg', 'Lena Fischer', 'Marco Rossi']);
    const lena = gaps.members.find((m) => m.name === 'Lena Fischer')!;
    expect(lena.skills.filter((s) => s.status === 'met').length).toBeGreaterThanOrEqual(1);
    expect(lena.skills.some((s) => s.status === 'missing')).toBe(true);

    const dashboard = (
      await t.app.inject({ method: 'GET', url: '/api/v1/orgs/harbor-logistics/workforce-dashboard', headers: employer })
    ).json<{ assignments: Record<string, number>; atRisk: { name: string }[] }>();
    expect(dashboard.assignments).toMatchObject({ assigned: 1, overdue: 1 });
    expect(dashboard.atRisk.map((m) => m.name)).toContain('Jonas Berg');
    const seats = (
      await t.app.inject({ method: 'GET', url: '/api/v1/orgs/harbor-logistics/seat-budgets', headers: employer })
    ).json<{ items: unknown[] }>().items;
    expect(seats).toHaveLength(2);

    const learner = await login('learner@demo.cairn.test');
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/me/private-programmes', headers: learner })).json<{
      items: { slug: string }[];
    }>().items;
    expect(mine.map((p) => p.slug)).toEqual(['harbor-data-onboarding']);
    const outsider = await login('provider2@demo.cairn.test');
    const theirs = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me/private-programmes', headers: outsider })
    ).json<{
      items: unknown[];
    }>().items;
    expect(theirs).toEqual([]);
  });
});
