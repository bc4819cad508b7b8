import { describe, expect, it } from 'vitest';
import { DEMO_OPERATOR_EMAIL, parseConfig } from '../config.js';
import {
  createApiKey,
  createOrg,
  sessionCookieOf,
  signUpUser,
  TEST_PASSWORD,
  unique,
  useTestApp,
} from '../testing/test-app.js';

const operatorEmail = `${unique('ops')}@example.com`;
const unverifiedOperatorEmail = `${unique('ops-unverified')}@example.com`;
const t = useTestApp({ operatorEmails: [operatorEmail.toUpperCase(), unverifiedOperatorEmail] });

function session(cookie?: string) {
  return t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: cookie ? { cookie } : {} });
}

describe('CAIRN_OPERATOR_EMAILS', () => {
  it('is a list of addresses, compared without case', () => {
    const result = parseConfig({ CAIRN_OPERATOR_EMAILS: ' Ops@Example.org, ada@example.org ,', CAIRN_SEED: 'false' });
    expect('config' in result && result.config.operatorEmails).toEqual(['ops@example.org', 'ada@example.org']);
    const bad = parseConfig({ CAIRN_OPERATOR_EMAILS: 'ops@example.org, not-an-address' });
    expect('problems' in bad && bad.problems).toEqual([
      expect.stringMatching(/^CAIRN_OPERATOR_EMAILS: must be a comma-separated list of email addresses/),
    ]);
  });

  it('defaults to the demo provider account when the demo world is on, and to nobody when it is off', () => {
    const demo = parseConfig({});
    expect('config' in demo && demo.config.operatorEmails).toEqual([DEMO_OPERATOR_EMAIL]);
    const noDemo = parseConfig({ CAIRN_SEED: 'false' });
    expect('config' in noDemo && noDemo.config.operatorEmails).toEqual([]);
    const listed = parseConfig({ CAIRN_OPERATOR_EMAILS: 'ops@example.org' });
    expect('config' in listed && listed.config.operatorEmails).toEqual(['ops@example.org']);
  });
});

describe('GET /api/v1/auth/session', () => {
  it('answers 200 with no user when nobody is signed in (no cookie, a forged cookie, an API key)', async () => {
    const anonymous = await session();
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null, memberships: [], isOperator: false });
    expect((await session('cairn_session=forged-token-value')).json()).toEqual({
      user: null,
      memberships: [],
      isOperator: false,
    });

    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const key = await createApiKey(t.app, owner, org.slug);
    const byKey = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: `Bearer ${key.token}` },
    });
    expect(byKey.statusCode).toBe(200);
    expect(byKey.json()).toMatchObject({ user: null, isOperator: false });
  });

  it('says isOperator for a listed, verified email only', async () => {
    const operator = await signUpUser(t.app, { email: operatorEmail });
    expect((await session(operator.cookie)).json()).toMatchObject({ user: { email: operatorEmail }, isOperator: true });

    const unverified = await signUpUser(t.app, { email: unverifiedOperatorEmail, isEmailVerified: false });
    expect((await session(unverified.cookie)).json()).toMatchObject({
      user: { email: unverifiedOperatorEmail, emailVerified: false },
      isOperator: false,
    });

    const someone = await signUpUser(t.app);
    expect((await session(someone.cookie)).json()).toMatchObject({ isOperator: false });
  });

  it('leaves the routes that need a session answering 401', async () => {
    for (const request of [
      { method: 'GET' as const, url: '/api/v1/admin/jobs' },
      { method: 'GET' as const, url: '/api/v1/orgs/some-org' },
      { method: 'GET' as const, url: '/api/v1/orgs/some-org/audit-log' },
      { method: 'POST' as const, url: '/api/v1/orgs', payload: { name: 'X', slug: 'xyz-org', roles: ['provider'] } },
      { method: 'POST' as const, url: '/api/v1/auth/verify-email/resend', payload: {} },
    ]) {
      const res = await t.app.inject(request);
      expect(res.statusCode, request.url).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('who may see background jobs', () => {
  it('401 anonymous, 403 for a member, an unverified listed email or an API key, 200 for an operator', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs' })).statusCode).toBe(401);

    const member = await signUpUser(t.app);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/jobs',
      headers: { cookie: member.cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', detail: expect.stringMatching(/CAIRN_OPERATOR_EMAILS/) });

    const unverified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: unverifiedOperatorEmail, password: TEST_PASSWORD },
    });
    const cookie = sessionCookieOf(unverified.headers['set-cookie']);
    const notYet = await t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { cookie } });
    expect(notYet.statusCode).toBe(403);
    expect(notYet.json().detail).toMatch(/Confirm your email/);

    const org = await createOrg(t.app, member);
    const key = await createApiKey(t.app, member, org.slug);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/admin/jobs',
          headers: { authorization: `Bearer ${key.token}` },
        })
      ).statusCode,
    ).toBe(403);

    const operator = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: operatorEmail, password: TEST_PASSWORD },
    });
    const ok = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/jobs',
      headers: { cookie: sessionCookieOf(operator.headers['set-cookie']) },
    });
    expect(ok.statusCode).toBe(200);
  });
});
