import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let owner: TestUser;
let token: string;

type Vc = Record<string, any>;
type Check = { id: string; label: string; status: string; message: string };
type Result = {
  verified: boolean;
  checks: Check[];
  errors: string[];
  warnings: string[];
  summary: Record<string, string | null> | null;
};

beforeAll(async () => {
  owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Verifiable Academy' });
  token = (await createApiKey(t.app, owner, org.slug)).token;
});
afterEach(() => vi.unstubAllGlobals());

async function issue(options: object = {}, overrides: object = {}): Promise<Vc | string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: { credential: { ...sampleCredential(), ...overrides }, options },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ verifiableCredential: Vc | string }>().verifiableCredential;
}
/** VC-API: 200 with the report when it verifies, 400 with the same report when it does not. */
async function verify(verifiableCredential: unknown): Promise<Result> {
  const res = await t.app.inject({ method: 'POST', url: '/credentials/verify', payload: { verifiableCredential } });
  const result = res.json<Result>();
  expect(res.statusCode).toBe(result.verified ? 200 : 400);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return result;
}
const failed = (r: Result) => r.checks.filter((c) => c.status === 'failed');
function upload(content: Buffer, filename: string, contentType = 'application/octet-stream', recipientEmail?: string) {
  const boundary = '----cairn-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      recipientEmail === undefined
        ? ''
        : `--${boundary}\r\nContent-Disposition: form-data; name="recipientEmail"\r\n\r\n${recipientEmail}\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/verify/upload',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' },
    payload: body,
  });
}

describe('verify', () => {
  it('verifies a credential this server issued, with every check passing and a summary', async () => {
    const vc = await issue();
    const result = await verify(vc);
    expect(failed(result)).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.checks.length).toBeGreaterThanOrEqual(5);
    expect(result.summary).toMatchObject({
      issuerName: 'Verifiable Academy',
      achievementName: 'Data Literacy Foundations',
    });
  });

  it('verifies a VC-JWT and an eddsa-jcs-2022 credential', async () => {
    expect((await verify(await issue({ format: 'jwt' }))).verified).toBe(true);
    expect((await verify(await issue({ cryptosuite: 'eddsa-jcs-2022' }))).verified).toBe(true);
  });

  it('fails a credential whose content was changed after signing', async () => {
    const vc = (await issue()) as Vc;
    vc.credentialSubject.achievement.name = 'Rocket Science (Honours)';
    const result = await verify(vc);
    expect(result.verified).toBe(false);
    expect(failed(result).length).toBeGreaterThan(0);
  });

  it('reports revocation and suspension from the published lists', async () => {
    const revoked = (await issue()) as Vc;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${encodeURIComponent(revoked.id as string)}/revoke`,
      headers: { cookie: owner.cookie },
      payload: { reason: 'test' },
    });
    const r1 = await verify(revoked);
    expect(r1.verified).toBe(false);
    expect(
      failed(r1)
        .map((c) => `${c.id} ${c.label} ${c.message}`)
        .join(' '),
    ).toMatch(/revok/i);

    const suspended = (await issue({ statusPurposes: ['revocation', 'suspension'] })) as Vc;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${encodeURIComponent(suspended.id as string)}/suspend`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    const r2 = await verify(suspended);
    expect(r2.verified).toBe(false);
    // Two status entries are VC 2.0 but not OB 3.0: the schema check says so as a warning.
    expect(r2.checks.find((c) => c.id === 'schema')?.status).toBe('warning');
    expect(
      failed(r2)
        .map((c) => `${c.id} ${c.label} ${c.message}`)
        .join(' '),
    ).toMatch(/suspend/i);
  });

  it('never goes to the network for a did:web of another host, and says why it fails', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network used')));
    vi.stubGlobal('fetch', fetchSpy);
    const vc = (await issue()) as Vc;
    const forged = { ...vc, issuer: { ...vc.issuer, id: 'did:web:evil.example' } };
    const result = await verify(forged);
    expect(result.verified).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a VC-JWT with alg none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(sampleCredential())).toString('base64url');
    const result = await verify(`${header}.${payload}.`);
    expect(result.verified).toBe(false);
  });

  it('answers 400 with field errors for a body without a credential', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/credentials/verify', payload: { credential: {} } });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['credential', 'verifiableCredential']);
  });
});

describe('verify an uploaded file', () => {
  it('reads the credential out of the baked badge PNG served for it', async () => {
    const vc = (await issue()) as Vc;
    const badge = await t.app.inject({ method: 'GET', url: `${new URL(vc.id as string).pathname}/badge.png` });
    expect(badge.statusCode).toBe(200);
    expect(badge.headers['content-type']).toBe('image/png');
    const res = await upload(badge.rawPayload, 'badge.png', 'image/png');
    expect(res.statusCode).toBe(200);
    expect(res.json<Result>()).toMatchObject({
      verified: true,
      summary: { achievementName: 'Data Literacy Foundations' },
    });
  });

  it('checks the recipient email sent beside a baked badge, and fails an email it was not issued to', async () => {
    const { id: _subjectId, ...subject } = sampleCredential().credentialSubject;
    const vc = (await issue({ recipientEmail: 'baked.holder@example.com' }, { credentialSubject: subject })) as Vc;
    const badge = await t.app.inject({ method: 'GET', url: `${new URL(vc.id as string).pathname}/badge.png` });
    const recipientCheck = (r: Result) => r.checks.find((c) => c.id === 'recipient');
    const right = (
      await upload(badge.rawPayload, 'badge.png', 'image/png', 'Baked.Holder@example.com ')
    ).json<Result>();
    expect(right.verified).toBe(true);
    expect(recipientCheck(right)).toMatchObject({ status: 'passed' });
    const wrong = (await upload(badge.rawPayload, 'badge.png', 'image/png', 'someone.else@example.com')).json<Result>();
    expect(wrong.verified).toBe(false);
    expect(recipientCheck(wrong)).toMatchObject({
      status: 'failed',
      message: 'Not issued to someone.else@example.com',
    });
    // Without an email no recipient check is made; a malformed one is refused, not ignored.
    expect(recipientCheck((await upload(badge.rawPayload, 'badge.png', 'image/png')).json<Result>())).toBeUndefined();
    const bad = await upload(badge.rawPayload, 'badge.png', 'image/png', 'not-an-email');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'recipientEmail' }] });
  });

  it('accepts JSON and JWT files, judging by content rather than name', async () => {
    const vc = await issue();
    expect((await upload(Buffer.from(JSON.stringify(vc)), 'credential.txt')).json<Result>().verified).toBe(true);
    const jwt = (await issue({ format: 'jwt' })) as string;
    expect((await upload(Buffer.from(jwt), 'credential.jwt')).json<Result>().verified).toBe(true);
  });

  it('refuses files that are not credentials, with a reason', async () => {
    const res = await upload(Buffer.from('GIF89a not a credential'), 'photo.png', 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'file' }] });
    const empty = await upload(Buffer.alloc(0), 'empty.json');
    expect(empty.statusCode).toBe(400);
  });

  it('refuses an upload over 10 MB with 413', async () => {
    const res = await upload(Buffer.alloc(12 * 1024 * 1024, 0x20), 'huge.json');
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/10 MB/);
  });

  it('refuses a multipart upload without the CSRF header from a browser session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verify/upload',
      headers: { cookie: owner.cookie, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{}\r\n--x--\r\n',
    });
    expect(res.statusCode).toBe(403);
  });
});
