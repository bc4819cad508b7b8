import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { listMailsTo } from '../mail/mail.store.js';
import { sampleCredential } from '../testing/fixtures.js';
import {
  createApiKey,
  createOrg,
  signUpUser,
  unique,
  useTestApp,
  verificationTokenFor,
  type TestUser,
} from '../testing/test-app.js';
import { RESEND_INTERVAL_MS, VERIFICATION_TTL_MS } from './identity.service.js';

const t = useTestApp();

let issuer: TestUser;
let org: { slug: string; name: string };
let apiKey: string;

beforeAll(async () => {
  issuer = await signUpUser(t.app, { name: 'Ivy Issuer' });
  org = await createOrg(t.app, issuer, { roles: ['provider'], name: 'Verification Academy' });
  apiKey = (await createApiKey(t.app, issuer, org.slug)).token;
});

const newEmail = () => `${unique('lena')}@example.com`;

async function session(user: TestUser) {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: user.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json<{ user: { email: string; emailVerified: boolean } }>().user;
}

function verify(token: string | undefined) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
}

function resend(user?: TestUser) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/verify-email/resend',
    headers: user ? { cookie: user.cookie } : {},
    payload: {},
  });
}

/** Issues through the VC-API (POST /credentials/issue) to `email`, as the organisation's API key. */
async function issueByApi(email: string, name = 'Data Literacy Foundations') {
  const { id: _subjectId, ...subject } = sampleCredential().credentialSubject;
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${apiKey}` },
    payload: {
      credential: {
        ...sampleCredential({ name }),
        credentialSubject: { ...subject, achievement: { ...subject.achievement, name } },
      },
      options: { recipientEmail: email },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ verifiableCredential: { id: string } }>().verifiableCredential;
}

async function myCredentials(user: TestUser) {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/credentials', headers: { cookie: user.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { credentialUrl: string; achievementName: string }[] }>().items;
}

async function verificationRows(userId: string) {
  return t.database.db
    .selectFrom('email_verifications')
    .select(['token_hash', 'used_at'])
    .where('user_id', '=', userId)
    .execute();
}

describe('verification link on sign-up', () => {
  it('mails a link whose token is stored only hashed, and the session says the email is unconfirmed', async () => {
    const user = await signUpUser(t.app, { email: newEmail(), isEmailVerified: false });
    const mails = await listMailsTo(t.database.db, user.email);
    expect(mails.map((m) => m.subject)).toEqual(['Confirm your email for Cairn']);
    expect(mails[0]!.text_body).toContain('http://cairn.test/verify-email?token=');
    const token = await verificationTokenFor(t.app, user.email);
    const rows = await verificationRows(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await session(user)).toMatchObject({ email: user.email, emailVerified: false });
  });

  it('confirms the email once; the same link then answers 400 problem+json', async () => {
    const user = await signUpUser(t.app, { email: newEmail(), isEmailVerified: false });
    const token = await verificationTokenFor(t.app, user.email);
    const first = await verify(token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ email: user.email, wasVerified: false, claimedCredentials: 0 });
    expect(await session(user)).toMatchObject({ emailVerified: true });

    const again = await verify(token);
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: expect.stringMatching(/expired or already used/),
      errors: [{ field: 'token' }],
    });
  });

  it('refuses an expired link and an unknown one alike, and confirms nothing', async () => {
    const user = await signUpUser(t.app, { email: newEmail(), isEmailVerified: false });
    const token = await verificationTokenFor(t.app, user.email);
    t.clock.advance(VERIFICATION_TTL_MS + 1000);
    try {
      const expired = await verify(token);
      expect(expired.statusCode).toBe(400);
      expect(expired.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'token' }] });
    } finally {
      t.clock.advance(-(VERIFICATION_TTL_MS + 1000));
    }
    const unknown = await verify('not-a-token-anyone-was-sent');
    expect(unknown.statusCode).toBe(400);
    expect(await session(user)).toMatchObject({ emailVerified: false });
    const missing = await verify(undefined);
    expect(missing.statusCode).toBe(400);
  });
});

describe('resending the link', () => {
  it('needs a session', async () => {
    const res = await resend();
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('sends a new working link, at most one a minute and five an hour', async () => {
    const user = await signUpUser(t.app, { email: newEmail(), isEmailVerified: false });
    // The sign-up mail was just sent.
    const tooSoon = await resend(user);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json()).toMatchObject({ code: 'rate_limited', detail: expect.stringMatching(/Wait \d+ seconds/) });
    expect(Number(tooSoon.headers['retry-after'] ?? 60)).toBeGreaterThan(0);

    const step = RESEND_INTERVAL_MS + 1000;
    let advanced = 0;
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        t.clock.advance(step);
        advanced += step;
        codes.push((await resend(user)).statusCode);
      }
      // Sign-up's link and four resends fill the hour; the fifth resend is refused.
      expect(codes).toEqual([202, 202, 202, 202, 429]);
      const mails = await listMailsTo(t.database.db, user.email);
      expect(mails).toHaveLength(5);
      expect((await verificationRows(user.id)).length).toBe(5);

      // The newest link works.
      const res = await verify(await verificationTokenFor(t.app, user.email));
      expect(res.statusCode).toBe(200);
      const done = await resend(user);
      expect(done.statusCode).toBe(409);
      expect(done.json().detail).toMatch(/already confirmed/);
    } finally {
      t.clock.advance(-advanced);
    }
  });
});

describe('credentials issued to an email', () => {
  it('queues a mail to the recipient with a claim link when issued through the VC-API', async () => {
    const email = newEmail();
    const vc = await issueByApi(email, 'Spreadsheet Hygiene');
    const mails = await listMailsTo(t.database.db, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`${org.name} issued you “Spreadsheet Hygiene”`);
    expect(mails[0]!.text_body).toContain(vc.id);
    expect(mails[0]!.text_body).toContain('http://cairn.test/signup?next=%2Fme%2Fcredentials');
  });

  it('links nothing to an unverified account, then everything waiting once it is verified', async () => {
    const email = newEmail();
    const before = await issueByApi(email, 'Issued before sign-up');
    const user = await signUpUser(t.app, { email, isEmailVerified: false });
    const during = await issueByApi(email, 'Issued while unconfirmed');
    expect(await myCredentials(user)).toEqual([]);
    const linked = await t.database.db
      .selectFrom('credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('recipient_user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(linked.n).toBe(0);

    const res = await verify(await verificationTokenFor(t.app, user.email));
    expect(res.json()).toMatchObject({ claimedCredentials: 2 });
    const held = await myCredentials(user);
    expect(held.map((c) => c.credentialUrl).sort()).toEqual([before.id, during.id].sort());

    // Issued after verification: in My credentials at once, and the mail says so.
    const after = await issueByApi(email, 'Issued after confirming');
    expect((await myCredentials(user)).map((c) => c.credentialUrl)).toContain(after.id);
    const [newest] = await listMailsTo(t.database.db, email);
    expect(newest!.text_body).toMatch(/already in My credentials/);
  });

  it('does not link a credential whose signed subject names someone else, whatever recipientEmail said', async () => {
    const email = newEmail();
    const res = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${apiKey}` },
      // The subject carries its own DID, so the email is not what the signature binds.
      payload: { credential: sampleCredential(), options: { recipientEmail: email } },
    });
    expect(res.statusCode).toBe(201);
    const user = await signUpUser(t.app, { email });
    expect(await myCredentials(user)).toEqual([]);
    expect(
      (await listMailsTo(t.database.db, email)).filter((m) => m.subject !== 'Confirm your email for Cairn'),
    ).toEqual([]);
  });

  it('links a completion credential only once the learner confirms their email', async () => {
    const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
    const programme = await createProgramme(
      t.app,
      issuer,
      org.slug,
      { slug: unique('one-step'), title: 'One Step', skillIds },
      { modules: [{ title: 'Read me', content: 'All there is.', estimatedMinutes: 5 }] },
    );
    const learner = await signUpUser(t.app, { email: newEmail(), isEmailVerified: false });
    const enrol = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/${org.slug}/${programme.slug}/enrol`,
      headers: { cookie: learner.cookie },
      payload: {},
    });
    expect(enrol.statusCode).toBe(201);
    const detail = enrol.json<{ id: string; modules: { id: string }[] }>();
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${detail.modules[0]!.id}/complete`,
      headers: { cookie: learner.cookie },
      payload: {},
    });
    expect(done.json()).toMatchObject({ status: 'completed', credentialId: expect.any(String) });
    expect(await myCredentials(learner)).toEqual([]);
    const [ready] = (await listMailsTo(t.database.db, learner.email)).filter((m) => /is ready/.test(m.subject));
    expect(ready!.text_body).toMatch(/once you confirm/);

    await verify(await verificationTokenFor(t.app, learner.email));
    expect((await myCredentials(learner)).map((c) => c.achievementName)).toEqual(['One Step']);
  });
});

describe('wallet import', () => {
  it('is refused with 403 email_unverified until the email is confirmed, and writes nothing', async () => {
    const user = await signUpUser(t.app, { email: newEmail(), isEmailVerified: false });
    const vc = await issueByApi(user.email, 'For the wallet');
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: user.cookie },
        payload: { verifiableCredential: vc },
      });
    const refused = await attempt();
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      code: 'email_unverified',
      title: 'Verify your email first',
      detail: expect.stringMatching(/Verify your email first.*verify-email\/resend/),
    });
    const rows = await t.database.db
      .selectFrom('wallet_credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('learner_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(rows.n).toBe(0);

    // Once confirmed the same credential is already in My credentials, so the wallet says so.
    await verify(await verificationTokenFor(t.app, user.email));
    const after = await attempt();
    expect(after.statusCode).toBe(409);
  });
});
