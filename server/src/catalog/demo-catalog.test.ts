import { describe, expect, it } from 'vitest';
import { useDemoWorldApp } from '../testing/test-app.js';

const t = useDemoWorldApp();

describe('demo catalogue', () => {
  it('publishes at least 12 programmes from two providers through the authoring use cases', async () => {
    expect(t.seeded.emails).toEqual(
      expect.arrayContaining([
        'provider@demo.cairn.test',
        'accreditor@demo.cairn.test',
        'employer@demo.cairn.test',
        'partner@demo.cairn.test',
        'learner@demo.cairn.test',
        'provider2@demo.cairn.test',
      ]),
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog?pageSize=50' });
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(12);
    expect(body.facets.provider.map((p: { value: string }) => p.value).sort()).toEqual([
      'northwind-academy',
      'summit-skills-institute',
    ]);
    expect(body.facets.partner).toEqual([
      expect.objectContaining({ value: 'atlas-industry-alliance', label: 'Atlas Industry Alliance' }),
    ]);
    expect(body.items.some((i: { cost: unknown }) => i.cost === null)).toBe(true);
    expect(body.items.some((i: { cost: unknown }) => i.cost !== null)).toBe(true);
    expect(body.items.every((i: { imageUrl: string | null }) => i.imageUrl !== null)).toBe(true);

    const page = (
      await t.app.inject({ method: 'GET', url: '/api/v1/catalog/northwind-academy/dashboard-design' })
    ).json();
    expect(page.assessment).toMatchObject({ quizCount: 1, assignmentCount: 1 });
    const bySkill = await t.app.inject({ method: 'GET', url: `/api/v1/catalog?skill=${page.skills[0].id}` });
    expect(bySkill.json().total).toBeGreaterThanOrEqual(1);
  });
});
