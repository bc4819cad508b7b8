import { describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD as password } from '../testing/demo-world-template.js';
import { sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';

const t = useDemoWorldApp();

async function logIn(email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(res.statusCode).toBe(200);
  return sessionCookieOf(res.headers['set-cookie']);
}

describe('the demo world’s community', () => {
  it('gives the demo learner an approved review, a cohort with threads and replies from other learners, and a message', async () => {
    const cookie = await logIn('learner@demo.cairn.test');

    const reviews = (
      await t.app.inject({ method: 'GET', url: '/api/v1/catalog/northwind-academy/data-literacy-foundations/reviews' })
    ).json();
    expect(reviews.summary).toEqual({ average: 5, count: 1 });
    expect(reviews.items[0]).toMatchObject({ authorName: 'Lena Fischer' });

    const spaces = (await t.app.inject({ method: 'GET', url: '/api/v1/me/community', headers: { cookie } })).json()
      .items as { id: string | null; kind: string; state: string; programme: { slug: string } }[];
    const cohort = spaces.find((s) => s.programme.slug === 'agile-delivery-essentials');
    expect(cohort).toMatchObject({ kind: 'cohort', state: 'open' });
    const space = (
      await t.app.inject({ method: 'GET', url: `/api/v1/community/spaces/${cohort!.id}`, headers: { cookie } })
    ).json();
    expect(space.threads.length).toBeGreaterThanOrEqual(3);
    const authors = new Set(space.threads.map((th: { author: { name: string } }) => th.author.name));
    expect(authors.size).toBeGreaterThanOrEqual(3);
    const wip = space.threads.find((th: { title: string }) => th.title.startsWith('How low'));
    const thread = (
      await t.app.inject({ method: 'GET', url: `/api/v1/community/threads/${wip.id}`, headers: { cookie } })
    ).json();
    expect(thread.posts.map((p: { author: { name: string } }) => p.author.name)).toEqual([
      'Lena Fischer',
      'Jonas Berg',
    ]);

    const peers = (
      await t.app.inject({ method: 'GET', url: `/api/v1/community/spaces/${cohort!.id}/peers`, headers: { cookie } })
    ).json().items as { name: string; canMessage: boolean }[];
    expect(peers.map((p) => p.name).sort()).toEqual(['Jonas Berg', 'Mei Tanaka', 'Omar Haddad']);
    const mei = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'mei@demo.cairn.test')
        .executeTakeFirstOrThrow()
    ).id;
    const messages = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/community/cohorts/${cohort!.id}/messages?with=${mei}`,
        headers: { cookie },
      })
    ).json().items;
    expect(messages).toHaveLength(1);

    // The demo modules are real reading, not one line.
    const module = await t.database.db
      .selectFrom('microcredential_modules as m')
      .innerJoin('microcredential_versions as v', 'v.id', 'm.version_id')
      .innerJoin('microcredentials as mc', 'mc.id', 'v.microcredential_id')
      .select('m.content')
      .where('mc.slug', '=', 'sql-for-analysts')
      .where('m.title', '=', 'Joining tables')
      .executeTakeFirstOrThrow();
    expect(module.content).toContain('### Worked example');
  });
});
