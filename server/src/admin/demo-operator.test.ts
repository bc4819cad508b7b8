import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config.js';
import { DEMO_TEST_PASSWORD as password } from '../testing/demo-world-template.js';
import { sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';

const defaults = parseConfig({});
if (!('config' in defaults)) throw new Error(defaults.problems.join('; '));
// The operators a fresh `npm start` has: demo world on, CAIRN_OPERATOR_EMAILS unset.
const t = useDemoWorldApp({ operatorEmails: defaults.config.operatorEmails });

describe('the demo world’s operator', () => {
  it('is the seeded provider account, verified, who sees the background jobs', async () => {
    const [operatorEmail] = defaults.config.operatorEmails;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: operatorEmail, password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookieOf(login.headers['set-cookie']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json(),
    ).toMatchObject({ user: { email: operatorEmail, emailVerified: true }, isOperator: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { cookie } })).statusCode).toBe(
      200,
    );

    const learner = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'learner@demo.cairn.test', password },
    });
    const learnerCookie = sessionCookieOf(learner.headers['set-cookie']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { cookie: learnerCookie } })).statusCode,
    ).toBe(403);
  });
});
