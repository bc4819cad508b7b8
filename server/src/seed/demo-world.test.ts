import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD as password } from '../testing/demo-world-template.js';
import { sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';
import { seedDemoWorld } from './demo-world.js';

// Seeded once per run (the first file to ask does it); `t.seeded` is what seedDemoWorld returned.
const t = useDemoWorldApp();

describe('the demo world', () => {
  it('gives the demo learner credentials earned through the completion path, one with a quiz result, and one programme in progress', async () => {
    expect(t.seeded.emails).toEqual(
      expect.arrayContaining([
        'provider@demo.cairn.test',
        'accreditor@demo.cairn.test',
        'employer@demo.cairn.test',
        'partner@demo.cairn.test',
        'learner@demo.cairn.test',
      ]),
    );
    // A second start finds the world there and leaves it alone.
    expect(await seedDemoWorld(t.deps, { password })).toBeUndefined();

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'learner@demo.cairn.test', password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookieOf(login.headers['set-cookie']);
    const creds = (await t.app.inject({ method: 'GET', url: '/api/v1/me/credentials', headers: { cookie } })).json<{
      items: any[];
    }>().items;
    expect(creds.length).toBeGreaterThanOrEqual(2);
    for (const c of creds) {
      const verified = (
        await t.app.inject({
          method: 'POST',
          url: '/credentials/verify',
          payload: { verifiableCredential: c.verifiableCredential },
        })
      ).json();
      expect(verified.verified, c.achievementName).toBe(true);
    }
    expect(
      creds.some((c) =>
        (c.verifiableCredential.credentialSubject.result ?? []).some((r: { resultDescription: string }) =>
          /#result-/.test(r.resultDescription),
        ),
      ),
    ).toBe(true);

    // Earned, not inserted: every credential belongs to a completed enrolment.
    const linked = await t.database.db
      .selectFrom('enrolments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'completed')
      .where('credential_row_id', 'is not', null)
      // The demo learner's own: other demo people (Harbor's employees) complete programmes too.
      .where((eb) =>
        eb('learner_id', '=', eb.selectFrom('users').select('id').where('email', '=', 'learner@demo.cairn.test')),
      )
      .executeTakeFirstOrThrow();
    const microcredentials = creds.filter(
      (c) => c.verifiableCredential.credentialSubject?.achievement?.achievementType === 'MicroCredential',
    );
    expect(microcredentials.length).toBeGreaterThanOrEqual(2);
    expect(linked.n).toBe(microcredentials.length);
    const learning = (await t.app.inject({ method: 'GET', url: '/api/v1/me/learning', headers: { cookie } })).json<{
      items: { status: string }[];
    }>().items;
    // Two completed, one in progress, and the cohort programme she takes with other demo learners.
    expect(learning.map((l) => l.status).sort()).toEqual(['active', 'active', 'completed', 'completed']);
  });
});
