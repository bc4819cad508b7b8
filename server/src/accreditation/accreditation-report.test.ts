import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '@cairn/credentials';
import { createProgramme, starterSkillIds, type CreatedProgramme } from '../catalog/catalog-test-helpers.js';
import { completeProgramme } from '../pathways/pathway-test-helpers.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { accreditationStatusAt } from './accreditation-view.js';

/**
 * How an accreditation reads in the verify report (of a credential and of a presentation) and in
 * the register: in force, withdrawn, lapsed by date, and when what the register points at is not
 * the accreditor's signed word about this programme.
 */
const t = useTestApp();
const DAY = 24 * 3600 * 1000;

type Finding = {
  by: string;
  status: string;
  atIssue: boolean;
  now: boolean;
  withdrawnAt: string | null;
  problems: string[];
};
type Report = { verified: boolean; accreditations: Finding[]; endorsements: unknown[] };
type Accreditation = { id: string; credentialId: string; subject: { id: string }; validUntil: string };

let accreditorOwner: TestUser;
let providerOwner: TestUser;
let accreditorSlug: string;
let providerSlug: string;
let kept: CreatedProgramme;
let withdrawn: CreatedProgramme;
/** The accreditation of each programme, by programme id. */
const accreditationOf = new Map<string, Accreditation>();
/** A learner's credential of each programme, issued after the accreditation. */
let keptCredential: JsonObject;
let withdrawnCredential: JsonObject;
let keptCredentialRowId: string;

async function credentialJson(rowId: string): Promise<JsonObject> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/credentials/${rowId}`,
    headers: { accept: 'application/json' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<JsonObject>();
}

async function verify(credential: JsonObject): Promise<Report> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/verify',
    payload: { verifiableCredential: credential },
  });
  return res.json<Report>();
}

async function verifyInPresentation(credential: JsonObject): Promise<Report & { credentials: Report[] }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/presentations/verify',
    payload: {
      verifiablePresentation: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [credential],
      },
    },
  });
  return res.json<Report & { credentials: Report[] }>();
}

/** Points the register's accreditation at another credential row for the length of `run`. */
async function withCredentialRow<T>(accreditationId: string, credentialRowId: string, run: () => Promise<T>) {
  const { credential_id: original } = await t.deps.db
    .selectFrom('accreditations')
    .select('credential_id')
    .where('id', '=', accreditationId)
    .executeTakeFirstOrThrow();
  await t.deps.db
    .updateTable('accreditations')
    .set({ credential_id: credentialRowId })
    .where('id', '=', accreditationId)
    .execute();
  try {
    return await run();
  } finally {
    await t.deps.db
      .updateTable('accreditations')
      .set({ credential_id: original })
      .where('id', '=', accreditationId)
      .execute();
  }
}

beforeAll(async () => {
  accreditorOwner = await signUpUser(t.app);
  providerOwner = await signUpUser(t.app);
  accreditorSlug = (await createOrg(t.app, accreditorOwner, { roles: ['accreditor'], name: 'Report Council' })).slug;
  providerSlug = (await createOrg(t.app, providerOwner, { roles: ['provider'], name: 'Report Academy' })).slug;
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  const programme = (title: string) =>
    createProgramme(t.app, providerOwner, providerSlug, {
      slug: unique('p'),
      title,
      level: 4,
      skillIds,
      fieldOfStudy: 'Information and Communication Technologies',
    });
  kept = await programme('Spreadsheets at Work');
  withdrawn = await programme('Digital Collaboration');
  const scheme = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${accreditorSlug}/accreditation/schemes`,
    headers: { cookie: accreditorOwner.cookie },
    payload: {
      slug: 'digital',
      name: 'Workplace Digital Skills',
      validityMonths: 12,
      scope: {
        fields: ['Information and Communication Technologies'],
        eqfLevels: [4],
        jurisdictions: [],
        credentialTypes: [],
      },
    },
  });
  expect(scheme.statusCode, scheme.body).toBe(201);
  const applied = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${providerSlug}/accreditation/applications`,
    headers: { cookie: providerOwner.cookie },
    payload: {
      schemeId: scheme.json<{ id: string }>().id,
      subjectType: 'programme',
      programmeIds: [kept.id, withdrawn.id],
      statement: 'Every outcome is assessed and moderated.',
    },
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const decided = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${accreditorSlug}/accreditation/applications/${applied.json<{ id: string }>().id}/decision`,
    headers: { cookie: accreditorOwner.cookie },
    payload: { decision: 'accredited', reasons: 'All criteria met.' },
  });
  expect(decided.statusCode, decided.body).toBe(200);
  for (const a of decided.json<{ accreditations: Accreditation[] }>().accreditations)
    accreditationOf.set(a.subject.id, a);
  t.clock.advance(60_000);
  const learner = await signUpUser(t.app);
  keptCredentialRowId = await completeProgramme(t.app, learner, { id: kept.id, slug: kept.slug, providerSlug });
  keptCredential = await credentialJson(keptCredentialRowId);
  withdrawnCredential = await credentialJson(
    await completeProgramme(t.app, learner, { id: withdrawn.id, slug: withdrawn.slug, providerSlug }),
  );
});

describe('the accreditation in the verify report', () => {
  it('reads in force at issue and now, the same in a presentation as on its own', async () => {
    const alone = await verify(keptCredential);
    expect(alone.verified).toBe(true);
    expect(alone.accreditations).toEqual([
      expect.objectContaining({ by: 'Report Council', status: 'accredited', atIssue: true, now: true, problems: [] }),
    ]);
    const presented = await verifyInPresentation(keptCredential);
    expect(presented.verified).toBe(true);
    expect(presented.credentials).toHaveLength(1);
    expect(presented.credentials[0]!.accreditations).toEqual(alone.accreditations);
    expect(presented.credentials[0]!.endorsements).toEqual(alone.endorsements);
  });
});

describe('what does not count as the accreditation (the credential itself still verifies)', () => {
  it('a credential signed by another organisation than the accrediting body (here the provider’s own)', async () => {
    const report = await withCredentialRow(accreditationOf.get(kept.id)!.id, keptCredentialRowId, () =>
      verify(keptCredential),
    );
    expect(report.verified).toBe(true);
    const [finding] = report.accreditations;
    expect(finding).toMatchObject({ atIssue: false, now: false });
    expect(finding!.problems).toContain("Its credential is not issued by Report Council's identifier");
  });

  it('the accrediting body’s genuine accreditation of another programme', async () => {
    const other = accreditationOf.get(withdrawn.id)!;
    const report = await withCredentialRow(accreditationOf.get(kept.id)!.id, other.credentialId, () =>
      verify(keptCredential),
    );
    expect(report.verified).toBe(true);
    expect(report.accreditations[0]).toMatchObject({ atIssue: false, now: false });
    expect(report.accreditations[0]!.problems).toContain('Its credential is about another programme');
  });

  it('any change to a signed value of the accreditation credential (property)', async () => {
    const rowId = accreditationOf.get(kept.id)!.credentialId;
    const row = await t.deps.db
      .selectFrom('credentials')
      .select(['document'])
      .where('id', '=', rowId)
      .executeTakeFirstOrThrow();
    const genuine = JSON.parse(row.document) as JsonObject;
    // Every string the issuer signed (the proof's own value aside: changing it is covered above).
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (typeof value === 'string' && path[0] !== 'proof') paths.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (typeof value === 'object' && value !== null)
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(genuine, []);
    expect(paths.length).toBeGreaterThan(10);
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom('x', ' ', 'Z'), async (path, extra) => {
          const forged = structuredClone(genuine) as Record<string | number, unknown>;
          let parent = forged;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          const last = path[path.length - 1]!;
          parent[last] = `${String(parent[last])}${extra}`;
          await t.deps.db
            .updateTable('credentials')
            .set({ document: JSON.stringify(forged) })
            .where('id', '=', rowId)
            .execute();
          const report = await verify(keptCredential);
          expect(report.verified).toBe(true);
          expect(report.accreditations[0], path.join('.')).toMatchObject({ atIssue: false, now: false });
        }),
        { numRuns: 8, seed: 13 },
      );
    } finally {
      await t.deps.db.updateTable('credentials').set({ document: row.document }).where('id', '=', rowId).execute();
    }
    expect((await verify(keptCredential)).accreditations[0]).toMatchObject({ atIssue: true, now: true });
  });
});

describe('withdrawal and lapse', () => {
  it('a withdrawn accreditation reads "withdrawn" with its date, in force at issue, and never changes verified', async () => {
    const id = accreditationOf.get(withdrawn.id)!.id;
    t.clock.advance(60_000);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${accreditorSlug}/accreditation/granted/${id}/status`,
      headers: { cookie: accreditorOwner.cookie },
      payload: { action: 'withdraw', reason: 'Moderation stopped.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const withdrawnAt = t.clock.now.toISOString();
    const report = await verify(withdrawnCredential);
    expect(report.verified).toBe(true);
    expect(report.accreditations).toEqual([
      expect.objectContaining({ status: 'withdrawn', atIssue: true, now: false, withdrawnAt }),
    ]);
    const presented = await verifyInPresentation(withdrawnCredential);
    expect(presented.verified).toBe(true);
    expect(presented.credentials[0]!.accreditations).toEqual(report.accreditations);
  });

  it('past its validUntil it reads expired in the register, the programme page and the verify report, before any lapse job runs', async () => {
    const validUntil = new Date(accreditationOf.get(kept.id)!.validUntil);
    const programmePage = () =>
      t.app.inject({ method: 'GET', url: `/api/v1/catalog/${providerSlug}/${kept.slug}` }).then((res) => {
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ accreditations: { accreditor: { slug: string } }[] }>().accreditations;
      });
    expect((await programmePage()).map((a) => a.accreditor.slug)).toEqual([accreditorSlug]);

    t.clock.now = new Date(validUntil.getTime() + DAY);
    const register = await t.app.inject({ method: 'GET', url: `/api/v1/registers/${accreditorSlug}` });
    const entries = register.json<{ items: { subject: { id: string }; status: string }[] }>().items;
    expect(Object.fromEntries(entries.map((e) => [e.subject.id, e.status]))).toEqual({
      [kept.id]: 'expired',
      [withdrawn.id]: 'withdrawn',
    });
    // Computed from the date: the stored status has not been touched.
    const stored = await t.deps.db
      .selectFrom('accreditations')
      .select('status')
      .where('id', '=', accreditationOf.get(kept.id)!.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('accredited');

    expect(await programmePage()).toEqual([]);

    const report = await verify(keptCredential);
    expect(report.verified).toBe(true);
    expect(report.accreditations).toEqual([expect.objectContaining({ status: 'expired', atIssue: true, now: false })]);
    expect(report.accreditations[0]!.problems).toContain('It is not in force now (expired)');
  });
});

describe('accreditationStatusAt', () => {
  const until = new Date('2027-01-01T00:00:00Z');
  it('reads an open status as expired from its validUntil on, and leaves final ones as they are', () => {
    const before = new Date(until.getTime() - 1);
    for (const status of ['candidate', 'accredited', 'suspended'] as const) {
      expect(accreditationStatusAt({ status, validUntil: until }, before)).toBe(status);
      expect(accreditationStatusAt({ status, validUntil: until }, until)).toBe('expired');
    }
    for (const status of ['withdrawn', 'refused', 'expired'] as const)
      expect(accreditationStatusAt({ status, validUntil: until }, new Date(until.getTime() + DAY))).toBe(status);
    expect(accreditationStatusAt({ status: 'accredited', validUntil: null }, new Date(8.64e15))).toBe('accredited');
  });
});
