import { describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD as password } from '../testing/demo-world-template.js';
import { sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';

const t = useDemoWorldApp();

describe('the demo learner’s goal and CPD record', () => {
  it('has the Data analyst goal with a plan partly held, and a 30-hour CPD scheme with both kinds of entry', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'learner@demo.cairn.test', password },
    });
    const headers = { cookie: sessionCookieOf(login.headers['set-cookie']) };
    const goals = (await t.app.inject({ method: 'GET', url: '/api/v1/me/goals', headers })).json<
      { id: string; title: string; kind: string }[]
    >();
    expect(goals).toHaveLength(1);
    expect(goals[0]!.title).toBe('Data analyst at Harbor Logistics');
    const plan = (await t.app.inject({ method: 'GET', url: `/api/v1/me/goals/${goals[0]!.id}/plan`, headers })).json<{
      required: { isHeld: boolean }[];
      steps: unknown[];
    }>();
    expect(plan.required.some((s) => s.isHeld)).toBe(true);
    expect(plan.required.some((s) => !s.isHeld)).toBe(true);
    expect(plan.steps.length).toBeGreaterThan(0);

    const cpd = (await t.app.inject({ method: 'GET', url: '/api/v1/me/cpd', headers })).json<{
      target: number;
      byCategory: { category: string; cap: number | null }[];
      entries: { source: string; learned: string | null }[];
    }>();
    expect(cpd.target).toBe(30);
    expect(cpd.byCategory.find((c) => c.category === 'structured')?.cap).toBe(20);
    expect(cpd.entries.some((e) => e.source === 'credential')).toBe(true);
    expect(cpd.entries.filter((e) => e.source === 'self').every((e) => e.learned)).toBe(true);
  });
});
