import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { listMailsTo } from '../mail/mail.store.js';
import { sessionCookieOf, signUpUser, TEST_PASSWORD, unique, useTestApp } from '../testing/test-app.js';
import { SESSION_TTL_MS } from './identity.service.js';

const t = useTestApp();

async function userCount() {
  const row = await t.database.db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe('sign up', () => {
  it('creates the account, answers 201 and sets an httpOnly SameSite session cookie', async () => {
    const email = `${unique('ada')}@example.com`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email, password: TEST_PASSWORD, name: 'Ada Lovelace' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ user: { email, name: 'Ada Lovelace' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/cairn_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: sessionCookieOf(res.headers['set-cookie']) },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ user: { email }, memberships: [] });
  });

  it('answers 409 for an email already registered, whatever its case, and writes nothing', async () => {
    const user = await signUpUser(t.app);
    const before = await userCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD, name: 'Twin' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 409, code: 'conflict', errors: [{ field: 'email' }] });
    expect(await userCount()).toBe(before);
  });

  it('refuses a weak password with a field error', async () => {
    const before = await userCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: `${unique('weak')}@example.com`, password: 'password123', name: 'Weak' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'password', message: expect.stringMatching(/common/) }]);
    expect(await userCount()).toBe(before);
  });

  it('names every bad field, including unknown ones, in one answer', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'not-an-email', password: 7, name: '', isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      type: string;
      title: string;
      detail: string;
      errors: { field: string; message: string }[];
    }>();
    expect(body.type).toMatch(/^https:\/\//);
    expect(body.title).toBeTruthy();
    expect(body.errors.map((e) => e.field).sort()).toEqual(['email', 'isAdmin', 'name', 'password']);
    expect(body.errors.find((e) => e.field === 'isAdmin')?.message).toMatch(/Unknown field/);
    expect(body.detail).toMatch(/email/);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', detail: expect.stringMatching(/not valid JSON/) });
  });
});

describe('log in and out', () => {
  it('logs in with the right password and sets the cookie', async () => {
    const user = await signUpUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: user.id } });
    expect(sessionCookieOf(res.headers['set-cookie'])).toMatch(/^cairn_session=.{40,}/);
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const user = await signUpUser(t.app);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `${unique('nobody')}@example.com`, password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('ends the session on logout', async () => {
    const user = await signUpUser(t.app);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: user.cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: user.cookie } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ user: null });
  });

  it('treats a forged or expired session as no session', async () => {
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'cairn_session=forged-token-value' },
    });
    expect(forged.json()).toMatchObject({ user: null });
    const user = await signUpUser(t.app);
    t.clock.advance(SESSION_TTL_MS + 1000);
    try {
      const expired = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie: user.cookie },
      });
      expect(expired.json()).toMatchObject({ user: null });
    } finally {
      t.clock.advance(-(SESSION_TTL_MS + 1000));
    }
  });
});

describe('password reset', () => {
  it('mails a one-time link that sets a new password and ends old sessions', async () => {
    const user = await signUpUser(t.app);
    const req = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email },
    });
    expect(req.statusCode).toBe(202);
    const mails = (await listMailsTo(t.database.db, user.email)).filter(
      (m) => m.subject === 'Reset your Cairn password',
    );
    expect(mails).toHaveLength(1);
    const token = /reset-password\?token=([\w-]+)/.exec(mails[0]!.text_body)?.[1];
    expect(token).toBeDefined();

    const newPassword = 'another-long-passphrase';
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: newPassword },
    });
    expect(confirm.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: user.cookie } })).json(),
    ).toMatchObject({ user: null });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: newPassword },
        })
      ).statusCode,
    ).toBe(200);

    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'yet-another-passphrase' },
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors).toEqual([{ field: 'token', message: expect.any(String) }]);
  });

  it('answers 202 for an unknown email and sends nothing', async () => {
    const email = `${unique('ghost')}@example.com`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    expect(res.statusCode).toBe(202);
    expect(await listMailsTo(t.database.db, email)).toHaveLength(0);
  });

  it('keeps the old password when the new one is weak', async () => {
    const user = await signUpUser(t.app);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const [mail] = (await listMailsTo(t.database.db, user.email)).filter(
      (m) => m.subject === 'Reset your Cairn password',
    );
    const token = /token=([\w-]+)/.exec(mail!.text_body)![1];
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'aaaaaaaaaaaa' },
    });
    expect(weak.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });
});
