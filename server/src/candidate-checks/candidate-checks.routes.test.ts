import {
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  createDocumentLoader,
  generateEd25519Multikey,
  signCredential,
  buildEmailIdentity,
  type JsonObject,
} from '@cairn/credentials';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { addMember, createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { deleteExpiredCandidateChecks } from './use-cases/delete-expired-candidate-checks.js';
import { runCandidateCheck } from './use-cases/run-candidate-check.js';
import { buildZip } from './zip-test-helpers.js';

const t = useTestApp();
let provider: TestUser;
let employer: TestUser;
let manager: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let northwind: { slug: string; did: string };
let harbor: { slug: string; id: string };
let otherEmployer: { slug: string };
const CANDIDATE = 'candidate@example.com';
const SKILL_URL = 'https://cairn.test/skills/data-analysis';

type Issued = { id: string; credential: JsonObject };

async function issue(
  options: { email?: string; statusPurposes?: string[]; validUntil?: string; name?: string } = {},
): Promise<Issued> {
  const base = sampleCredential();
  const subject = base.credentialSubject as JsonObject;
  const { id: _id, ...withoutId } = subject;
  const achievement = {
    ...(subject.achievement as JsonObject),
    name: options.name ?? 'Data Literacy Foundations',
    alignment: [{ type: ['Alignment'], targetName: 'Data analysis', targetUrl: SKILL_URL }],
  };
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${northwind.slug}/credentials`,
    headers: { cookie: provider.cookie },
    payload: {
      credential: {
        ...base,
        credentialSubject: { ...withoutId, achievement },
        ...(options.validUntil ? { validUntil: options.validUntil } : {}),
      },
      options: {
        recipientEmail: options.email ?? CANDIDATE,
        ...(options.statusPurposes ? { statusPurposes: options.statusPurposes } : {}),
      },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const credential = res.json<{ verifiableCredential: JsonObject }>().verifiableCredential;
  const row = await t.database.db
    .selectFrom('credentials')
    .select('id')
    .where('credential_id', '=', credential.id as string)
    .executeTakeFirstOrThrow();
  return { id: row.id, credential };
}

function multipartOf(parts: { name: string; filename?: string; type?: string; data: Buffer | string }[]) {
  const boundary = `cairncheck${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename
      ? `form-data; name="${part.name}"; filename="${part.filename}"`
      : `form-data; name="${part.name}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.filename ? `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(parts: Parameters<typeof multipartOf>[0], user: TestUser = employer, slug = harbor.slug) {
  const { payload, contentType } = multipartOf(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/candidate-checks`,
    headers: { cookie: user.cookie, 'content-type': contentType, 'x-cairn-csrf': '1' },
    payload,
  });
}

type CheckBody = {
  status: string;
  total: number;
  done: number;
  items: {
    name: string;
    status: string;
    reason: string | null;
    holder: string | null;
    issuer: string | null;
    achievement: string | null;
    skills: { name: string }[];
  }[];
};

async function getCheck(id: string, user: TestUser = employer, slug = harbor.slug) {
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/orgs/${slug}/candidate-checks/${id}`,
    headers: { cookie: user.cookie },
  });
}

async function counts() {
  const checks = await t.database.db
    .selectFrom('candidate_checks')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pgboss.job where name = 'candidate-checks'`.execute(t.database.db);
  return { checks: checks.n, queued: rows[0]!.n };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

beforeAll(async () => {
  provider = await signUpUser(t.app, { name: 'Nora Northwind' });
  employer = await signUpUser(t.app, { name: 'Hana Harbor' });
  manager = await signUpUser(t.app, { name: 'Max Manager' });
  viewer = await signUpUser(t.app, { name: 'Vi Viewer' });
  outsider = await signUpUser(t.app, { name: 'Otto Outsider' });
  northwind = await createOrg(t.app, provider, { roles: ['provider'], name: 'Northwind Academy' });
  harbor = await createOrg(t.app, employer, { roles: ['employer'], name: 'Harbor Logistics' });
  otherEmployer = await createOrg(t.app, outsider, { roles: ['employer'], name: 'Other Employer' });
  await addMember(t.app, employer, harbor.slug, manager, 'manager');
  await addMember(t.app, employer, harbor.slug, viewer, 'viewer');
});

describe('candidate checks', { timeout: 180_000 }, () => {
  it('verifies files, a ZIP, a baked badge and URLs, one outcome each, and serves the report', async () => {
    const valid = await issue();
    const revoked = await issue();
    const suspended = await issue({ statusPurposes: ['revocation', 'suspension'] });
    const someoneElses = await issue({ email: 'someone.else@example.com' });
    const expiring = await issue({ validUntil: new Date(t.clock.now.getTime() + 60_000).toISOString() });
    for (const [id, action] of [
      [revoked.id, 'revoke'],
      [suspended.id, 'suspend'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/credentials/${id}/${action}`,
        headers: { cookie: provider.cookie },
        payload: { reason: 'Test' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Tampered after signing: the achievement renamed.
    const tampered = structuredClone(valid.credential);
    ((tampered.credentialSubject as JsonObject).achievement as JsonObject).name = 'Rocket Science';
    // Forged: claims Northwind as issuer, signed with an attacker's own key.
    const keys = generateEd25519Multikey();
    const attackerDid = didKeyFromPublicKey(keys.publicKeyMultibase);
    const attacker = createSigner({ verificationMethod: didKeyVerificationMethod(attackerDid), ...keys });
    const unsigned = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      validFrom: '2026-01-01T00:00:00Z',
      name: 'Forged',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [buildEmailIdentity(CANDIDATE, 'pepper')],
        achievement: {
          id: 'https://cairn.test/achievements/forged',
          type: ['Achievement'],
          name: 'Forged achievement',
          description: 'Never taught.',
          criteria: { narrative: 'None.' },
        },
      },
    };
    const documentLoader = createDocumentLoader();
    const forged = await signCredential({
      credential: { ...unsigned, issuer: { id: northwind.did, type: ['Profile'], name: 'Northwind Academy' } },
      signer: attacker,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
    // An issuer this server cannot resolve: a did:web elsewhere, with a proof naming its key.
    const elsewhere: JsonObject = {
      ...structuredClone(valid.credential),
      issuer: { id: 'did:web:elsewhere.example', type: ['Profile'], name: 'Elsewhere' },
    };
    (elsewhere.proof as JsonObject[])[0]!.verificationMethod = 'did:web:elsewhere.example#key-1';
    const badge = await t.app.inject({ method: 'GET', url: `/credentials/${valid.id}/badge.png` });
    expect(badge.statusCode).toBe(200);
    const zip = buildZip([
      { name: 'candidates/valid.json', data: json(valid.credential) },
      { name: 'candidates/tampered.json', data: json(tampered) },
    ]);
    const before = await counts();
    const res = await upload([
      { name: 'files', filename: 'batch.zip', type: 'application/zip', data: zip },
      { name: 'files', filename: 'revoked.json', data: json(revoked.credential) },
      { name: 'files', filename: 'suspended.json', data: json(suspended.credential) },
      { name: 'files', filename: 'someone-elses.json', data: json(someoneElses.credential) },
      { name: 'files', filename: 'expiring.json', data: json(expiring.credential) },
      { name: 'files', filename: 'forged.json', data: json(forged) },
      { name: 'files', filename: 'elsewhere.json', data: json(elsewhere) },
      { name: 'files', filename: 'badge.png', type: 'image/png', data: badge.rawPayload },
      { name: 'files', filename: 'notes.txt', data: 'not a credential' },
      {
        name: 'urls',
        data: [
          `http://cairn.test/credentials/${valid.id}`,
          'https://127.0.0.1/credential.json',
          'https://localhost:8443/c.json',
          'http://169.254.169.254/latest/meta-data',
        ].join('\n'),
      },
      { name: 'candidateEmail', data: CANDIDATE },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    expect(await counts()).toEqual({ checks: before.checks + 1, queued: before.queued + 1 });
    const queued = (await getCheck(id)).json<CheckBody>();
    expect(queued).toMatchObject({ status: 'queued', total: 14, done: 0 });
    // The expiring credential is past its date by the time the job runs.
    t.clock.advance(2 * 60_000);
    await t.jobs.drain();
    const body = (await getCheck(id)).json<CheckBody>();
    expect(body).toMatchObject({ status: 'succeeded', total: 14, done: 14 });
    const byName = Object.fromEntries(body.items.map((i) => [i.name, i]));
    expect(Object.fromEntries(body.items.map((i) => [i.name, i.status]))).toEqual({
      'candidates/valid.json': 'valid',
      'candidates/tampered.json': 'signature_invalid',
      'revoked.json': 'revoked',
      'suspended.json': 'suspended',
      'someone-elses.json': 'not_addressed_to_candidate',
      'expiring.json': 'expired',
      'forged.json': 'signature_invalid',
      'elsewhere.json': 'issuer_unknown',
      'badge.png': 'valid',
      'notes.txt': 'unverifiable',
      [`http://cairn.test/credentials/${valid.id}`]: 'valid',
      'https://127.0.0.1/credential.json': 'unverifiable',
      'https://localhost:8443/c.json': 'unverifiable',
      'http://169.254.169.254/latest/meta-data': 'unverifiable',
    });
    expect(byName['candidates/valid.json']).toMatchObject({
      holder: CANDIDATE,
      issuer: 'Northwind Academy',
      achievement: 'Data Literacy Foundations',
      skills: [{ name: 'Data analysis' }],
    });
    // Only a valid credential evidences skills; the others show none, whatever they claim.
    for (const item of body.items.filter((i) => i.status !== 'valid')) expect(item.skills, item.name).toEqual([]);
    expect(byName['https://127.0.0.1/credential.json']!.reason).toMatch(/private or local address/);
    expect(byName['https://localhost:8443/c.json']!.reason).toMatch(/private or local address/);
    expect(byName['http://169.254.169.254/latest/meta-data']!.reason).toMatch(/Refusing to fetch/);
    expect(byName['someone-elses.json']!.holder).not.toBe(CANDIDATE);

    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks/${id}/report.csv`,
      headers: { cookie: manager.cookie },
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"file","holder","issuer","achievement","status","skills evidenced","reason"');
    expect(lines).toHaveLength(15);
    expect(lines[1]).toBe(
      `"candidates/valid.json","${CANDIDATE}","Northwind Academy","Data Literacy Foundations","valid","Data analysis",""`,
    );
    expect(report.body).toContain('"signature invalid"');
    expect(report.body).toContain('"not addressed to the candidate"');
  });

  it('takes JSON URLs from a manager and an API key; a remote URL goes through the fetcher it is given', async () => {
    const valid = await issue();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks`,
      headers: { cookie: manager.cookie },
      payload: {
        urls: [{ url: 'https://wallet.example/badges/1', email: CANDIDATE }, 'https://wallet.example/badges/2'],
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    const fetched: string[] = [];
    await runCandidateCheck(t.deps, id, {
      fetchUrl: async (url) => {
        fetched.push(url);
        return json(valid.credential);
      },
    });
    const body = (await getCheck(id, manager)).json<CheckBody>();
    expect(fetched).toEqual(['https://wallet.example/badges/1', 'https://wallet.example/badges/2']);
    // Without a named candidate, the recipient is not checked; with one it is.
    expect(body.items.map((i) => [i.status, i.holder])).toEqual([
      ['valid', CANDIDATE],
      ['valid', null],
    ]);
    const key = await createApiKey(t.app, employer, harbor.slug, 'manager');
    const byKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks`,
      headers: { authorization: `Bearer ${key.token}` },
      payload: { urls: ['https://wallet.example/badges/3'] },
    });
    expect(byKey.statusCode, byKey.body).toBe(202);
  });

  it('refuses 1,001 credentials with 413 naming the limit, and queues nothing', async () => {
    const before = await counts();
    const files = Array.from({ length: 1001 }, (_, i) => ({ name: 'files', filename: `${i}.json`, data: '{}' }));
    const tooManyFiles = await upload(files);
    expect(tooManyFiles.statusCode).toBe(413);
    expect(tooManyFiles.headers['content-type']).toContain('application/problem+json');
    expect(tooManyFiles.json<{ detail: string }>().detail).toContain('1000');
    const zip = buildZip(Array.from({ length: 1001 }, (_, i) => ({ name: `${i}.json`, data: '{}' })));
    expect((await upload([{ name: 'files', filename: 'all.zip', data: zip }])).statusCode).toBe(413);
    const urls = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks`,
      headers: { cookie: employer.cookie },
      payload: { urls: Array.from({ length: 1001 }, (_, i) => `https://wallet.example/${i}`) },
    });
    expect(urls.statusCode).toBe(413);
    const bomb = buildZip([{ name: 'bomb.json', data: '{}', declaredSize: 2_000_000_000 }]);
    expect((await upload([{ name: 'files', filename: 'bomb.zip', data: bomb }])).statusCode).toBe(413);
    const traversal = buildZip([{ name: '../../etc/cron.d/evil.json', data: '{}' }]);
    const refused = await upload([{ name: 'files', filename: 'evil.zip', data: traversal }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ detail: string }>().detail).toContain('invalid relative path');
    const badCsv = await upload([
      {
        name: 'files',
        filename: 'urls.csv',
        type: 'text/csv',
        data: 'url,email\nhttps://a.example/1,ok@example.com\nhttps://a.example/2,nope\n',
      },
    ]);
    expect(badCsv.statusCode).toBe(400);
    expect(badCsv.json<{ errors: { line: number }[] }>().errors[0]!.line).toBe(3);
    expect(await counts()).toEqual(before);
  });

  it('is for owners, admins and managers of the organisation only', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks`,
      headers: { cookie: employer.cookie },
      payload: { urls: ['https://wallet.example/x'] },
    });
    const { id } = created.json<{ id: string }>();
    const asViewer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks`,
      headers: { cookie: viewer.cookie },
      payload: { urls: ['https://wallet.example/x'] },
    });
    expect(asViewer.statusCode).toBe(403);
    expect((await getCheck(id, viewer)).statusCode).toBe(403);
    // An outsider cannot tell the organisation or the check exists.
    expect((await getCheck(id, outsider)).statusCode).toBe(404);
    // Another organisation's slug with this id: not found there.
    expect((await getCheck(id, outsider, otherEmployer.slug)).statusCode).toBe(404);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${otherEmployer.slug}/candidate-checks/${id}/report.csv`,
      headers: { cookie: outsider.cookie },
    });
    expect(report.statusCode).toBe(404);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${otherEmployer.slug}/candidate-checks`,
      headers: { cookie: outsider.cookie },
    });
    expect(list.json<{ items: { id: string }[] }>().items.map((c) => c.id)).not.toContain(id);
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks`,
      headers: { cookie: manager.cookie },
    });
    expect(mine.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(id);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${harbor.slug}/candidate-checks/${id}` })).statusCode,
    ).toBe(401);
  });

  it('deletes uploads and results after 30 days, idempotently', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/candidate-checks`,
      headers: { cookie: employer.cookie },
      payload: { urls: ['https://wallet.example/old'] },
    });
    const { id } = created.json<{ id: string }>();
    t.clock.advance(29 * 24 * 3600 * 1000);
    await deleteExpiredCandidateChecks(t.deps);
    expect((await getCheck(id)).statusCode).toBe(200);
    t.clock.advance(2 * 24 * 3600 * 1000);
    expect(await deleteExpiredCandidateChecks(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await deleteExpiredCandidateChecks(t.deps)).toBe(0);
    expect((await getCheck(id)).statusCode).toBe(404);
    const items = await t.database.db
      .selectFrom('candidate_check_items')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('check_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(items.n).toBe(0);
  });
});
