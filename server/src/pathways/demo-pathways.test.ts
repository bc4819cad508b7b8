import { describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD as password } from '../testing/demo-world-template.js';
import { sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';

const t = useDemoWorldApp();

describe('the demo pathways', () => {
  it('give the demo learner one awarded pathway (with its credential and CLR) and one in progress', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'learner@demo.cairn.test', password },
    });
    const cookie = sessionCookieOf(login.headers['set-cookie']);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/pathways', headers: { cookie } });
    expect(mine.statusCode).toBe(200);
    const items = mine.json<{
      items: { id: string; name: string; awarded: boolean; progress: { done: number; required: number } }[];
    }>().items;
    expect(items.find((p) => p.name === 'Customer Insight Certificate')).toMatchObject({
      awarded: true,
      progress: { done: 2, required: 2 },
    });
    expect(items.find((p) => p.name === 'Secure Delivery Certificate')).toMatchObject({
      awarded: false,
      progress: { required: 2 },
    });

    const creds = (await t.app.inject({ method: 'GET', url: '/api/v1/me/credentials', headers: { cookie } })).json<{
      items: { achievementName: string; status: string; verifiableCredential: { type: string[] } }[];
    }>().items;
    expect(creds.find((c) => c.achievementName === 'Customer Insight Certificate')).toMatchObject({ status: 'active' });
    const clr = creds.find((c) => c.verifiableCredential.type.includes('ClrCredential'));
    expect(clr).toMatchObject({
      status: 'active',
      achievementName: 'Customer Insight Certificate: Comprehensive Learner Record',
    });
    const verified = (
      await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: clr!.verifiableCredential },
      })
    ).json<{ verified: boolean }>();
    expect(verified.verified).toBe(true);

    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/pathways' })).json<{ items: { name: string }[] }>();
    expect(list.items.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Customer Insight Certificate', 'Secure Delivery Certificate']),
    );
  });
});
