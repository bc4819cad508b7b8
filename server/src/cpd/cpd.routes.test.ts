import { beforeAll, describe, expect, it } from 'vitest';
import { cairnCpdContext } from '@cairn/credentials';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { unzip } from '../testing/unzip.js';
import { verifyWithReference } from '../testing/reference-verifier.js';
import { recordCredentialCpd } from './use-cases/record-credential-cpd.js';

const t = useTestApp();
let author: TestUser;
let providerSlug: string;
let programmeSlug: string;

beforeAll(async () => {
  author = await signUpUser(t.app, { name: 'Cora Provider' });
  providerSlug = (await createOrg(t.app, author, { roles: ['provider'], name: 'CPD Academy' })).slug;
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  programmeSlug = unique('cpd-course');
  await createProgramme(
    t.app,
    author,
    providerSlug,
    { slug: programmeSlug, title: 'Safety Refresher', skillIds, cpdHours: 12 },
    { modules: [{ title: 'Read the guidance', content: 'Read.', estimatedMinutes: 30 }] },
  );
});

async function earnCredential(learner: TestUser): Promise<string> {
  const enrolled = await t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${providerSlug}/${programmeSlug}/enrol`,
    headers: { cookie: learner.cookie },
    payload: {},
  });
  const detail = enrolled.json<{ id: string; modules: { id: string }[] }>();
  const done = await t.app.inject({
    method: 'POST',
    url: `/api/v1/me/enrolments/${detail.id}/modules/${detail.modules[0]!.id}/complete`,
    headers: { cookie: learner.cookie },
    payload: {},
  });
  const credentialId = done.json<{ credentialId: string | null }>().credentialId;
  expect(credentialId).toBeTruthy();
  await t.jobs.drain();
  return credentialId!;
}

type Record = {
  target: number;
  period: { from: string; to: string; label: string };
  done: number;
  counted: number;
  byCategory: { category: string; logged: number; counted: number; cap: number | null }[];
  entries: {
    id: string;
    title: string;
    hours: number;
    source: string;
    category: string;
    credentialId?: string;
    learned: string | null;
  }[];
};

const getRecord = async (learner: TestUser, query = '') =>
  (
    await t.app.inject({ method: 'GET', url: `/api/v1/me/cpd${query}`, headers: { cookie: learner.cookie } })
  ).json<Record>();

describe('CPD record', () => {
  it('adds a structured entry for an issued credential once, however often the event arrives', async () => {
    const learner = await signUpUser(t.app);
    const credentialId = await earnCredential(learner);
    const year = t.clock.now.getUTCFullYear();
    const record = await getRecord(learner, `?period=${year}`);
    expect(record.entries).toHaveLength(1);
    expect(record.entries[0]).toMatchObject({
      title: 'Safety Refresher',
      hours: 12,
      category: 'structured',
      source: 'credential',
      credentialId,
    });
    expect(await recordCredentialCpd(t.deps, credentialId)).toBe(false);
    expect((await getRecord(learner)).entries).toHaveLength(1);
  });

  it('applies the scheme: target, the structured cap, and reflections on self-logged activities', async () => {
    const learner = await signUpUser(t.app);
    const headers = { cookie: learner.cookie };
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/cpd/scheme',
      headers,
      payload: { preset: 'general-30' },
    });
    expect(set.statusCode).toBe(200);
    await earnCredential(learner);
    const today = t.clock.now.toISOString().slice(0, 10);
    for (const hours of [6, 5]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/cpd/entries',
        headers,
        payload: {
          date: today,
          title: `Workshop ${hours}`,
          hours,
          category: 'structured',
          learned: 'How incident reviews work',
          application: 'Run one at work each quarter',
        },
      });
      expect(res.statusCode).toBe(201);
    }
    const reading = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/cpd/entries',
      headers,
      payload: {
        date: today,
        title: 'Read the new standard',
        hours: 3.5,
        learned: 'What changed in clause 4',
        application: 'Update our checklist',
        evidenceLink: 'https://example.org/standard',
      },
    });
    expect(reading.statusCode).toBe(201);
    const record = await getRecord(learner);
    expect(record.target).toBe(30);
    expect(record.byCategory).toEqual([
      { category: 'structured', logged: 23, counted: 20, cap: 20 },
      { category: 'self-directed', logged: 3.5, counted: 3.5, cap: null },
    ]);
    expect(record.done).toBe(23.5);
    expect(record.entries.find((e) => e.title === 'Read the new standard')?.learned).toBe('What changed in clause 4');
  });

  it('refuses an activity without a reflection, in the future, or with someone else’s evidence file', async () => {
    const learner = await signUpUser(t.app);
    const other = await signUpUser(t.app);
    const base = { date: '2026-01-10', title: 'Talk', hours: 1, learned: 'x', application: 'y' };
    const noReflection = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/cpd/entries',
      headers: { cookie: learner.cookie },
      payload: { ...base, learned: '   ' },
    });
    expect(noReflection.statusCode).toBe(400);
    expect(noReflection.json().errors.map((e: { field: string }) => e.field)).toContain('learned');
    const future = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/cpd/entries',
      headers: { cookie: learner.cookie },
      payload: { ...base, date: '2999-01-01' },
    });
    expect(future.statusCode).toBe(400);
    const file = await uploadEvidence(other, 'notes.txt', Buffer.from('my notes'));
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/cpd/entries',
      headers: { cookie: learner.cookie },
      payload: { ...base, evidenceFileId: file.id },
    });
    expect(foreign.statusCode).toBe(400);
    const rows = await t.database.db
      .selectFrom('cpd_entries')
      .select('id')
      .where('learner_id', '=', learner.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('takes a scheme of the learner’s own: points, an April start, a self-directed cap', async () => {
    const learner = await signUpUser(t.app);
    const headers = { cookie: learner.cookie };
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/cpd/scheme',
      headers,
      payload: {
        name: 'Chartered body',
        unit: 'points',
        target: 50,
        periodStartMonth: 4,
        caps: { 'self-directed': 25 },
      },
    });
    expect(set.statusCode).toBe(200);
    const record = await getRecord(learner, '?period=2026');
    expect(record).toMatchObject({ target: 50, period: { from: '2026-04-01', to: '2027-03-31', label: '2026/27' } });
    const incomplete = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/cpd/scheme',
      headers,
      payload: { unit: 'points' },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['name', 'target']);
  });

  it('keeps each learner’s record to themselves', async () => {
    const learner = await signUpUser(t.app);
    const other = await signUpUser(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/cpd/entries',
      headers: { cookie: learner.cookie },
      payload: { date: '2026-01-10', title: 'Mine', hours: 1, learned: 'a', application: 'b' },
    });
    const id = created.json<{ id: string }>().id;
    expect((await getRecord(other, '?period=2026')).entries).toHaveLength(0);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/cpd/entries/${id}`,
      headers: { cookie: other.cookie },
    });
    expect(del.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me/cpd' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('builds an audit pack: PDF summary, CSV, evidence files, and credentials that verify', async () => {
    const learner = await signUpUser(t.app);
    const headers = { cookie: learner.cookie };
    await earnCredential(learner);
    const file = await uploadEvidence(learner, 'certificate.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF'));
    const today = t.clock.now.toISOString().slice(0, 10);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/cpd/entries',
      headers,
      payload: {
        date: today,
        title: '=HYPERLINK("x") conference',
        hours: 2,
        learned: 'Lessons, "quoted"',
        application: 'Share them',
        evidenceFileId: file.id,
      },
    });
    const from = `${today.slice(0, 4)}-01-01`;
    const to = `${today.slice(0, 4)}-12-31`;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/me/cpd/audit-pack?from=${from}&to=${to}`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await unzip(res.rawPayload);
    expect(files.get('summary.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = files.get('entries.csv')!.toString('utf8').trim().split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toContain('"learned","application"');
    // A cell that would run as a formula is defused; quotes are doubled.
    expect(csv.join('\n')).toContain(`"'=HYPERLINK(""x"") conference"`);
    expect(csv.join('\n')).toContain('"Lessons, ""quoted"""');
    const evidence = [...files.keys()].find((k) => k.startsWith('evidence/'));
    expect(evidence).toMatch(/certificate\.pdf$/);
    const credentialFile = [...files.keys()].find((k) => k.startsWith('credentials/') && k.endsWith('.json'))!;
    const verifiableCredential = JSON.parse(files.get(credentialFile)!.toString('utf8'));
    const verified = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential },
    });
    expect(verified.json().verified).toBe(true);
    // The CPD hours travel in the signed credential, through Cairn's CPD context, embedded so a
    // stranger's verifier that knows only the standard contexts verifies it too.
    expect(verifiableCredential['@context']).toContainEqual(cairnCpdContext());
    expect(JSON.stringify(verifiableCredential['@context'])).not.toContain('https://cairn.dev/contexts/');
    const reference = await verifyWithReference(t.app, verifiableCredential);
    expect(reference.error).toBeUndefined();
    expect(reference.verified).toBe(true);
    expect(
      (
        await verifyWithReference(t.app, {
          ...verifiableCredential,
          credentialSubject: { ...verifiableCredential.credentialSubject, cpdHours: 13 },
        })
      ).verified,
    ).toBe(false);
    expect(verifiableCredential.credentialSubject.cpdHours).toBe(12);
    const inflated = structuredClone(verifiableCredential);
    inflated.credentialSubject.cpdHours = 120;
    const inflatedResult = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: inflated },
    });
    expect(inflatedResult.json().verified).toBe(false);
    // Tampering with the packed credential is caught.
    verifiableCredential.credentialSubject.achievement.name = 'Something grander';
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential },
    });
    expect(tampered.json().verified).toBe(false);

    const inverted = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/cpd/audit-pack?from=${to}&to=${from}`,
      headers,
    });
    expect(inverted.statusCode).toBe(400);
  });
});

async function uploadEvidence(learner: TestUser, filename: string, content: Buffer) {
  const boundary = '----cairn-cpd';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/me/cpd/evidence',
    headers: {
      cookie: learner.cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-cairn-csrf': '1',
    },
    payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>();
}
