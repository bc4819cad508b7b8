import { decodeList } from '@cairn/credentials';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let owner: TestUser;
let org: { slug: string; did: string; id: string };
let token: string;

beforeAll(async () => {
  owner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Northwind Academy' });
  token = (await createApiKey(t.app, owner, org.slug, 'author')).token;
});

type Vc = Record<string, any>;
async function issue(body: object, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}`, ...headers },
    payload: body,
  });
}
async function credentialCount() {
  return (
    await t.database.db
      .selectFrom('credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}
function statusEntries(vc: Vc): Vc[] {
  return Array.isArray(vc.credentialStatus) ? (vc.credentialStatus as Vc[]) : [vc.credentialStatus as Vc];
}
async function statusBit(vc: Vc, purpose: 'revocation' | 'suspension') {
  const entry = statusEntries(vc).find((e) => e.statusPurpose === purpose)!;
  const path = new URL(entry.statusListCredential as string).pathname;
  const res = await t.app.inject({ method: 'GET', url: path });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toMatch(/max-age=60/);
  const list = res.json<Vc>();
  expect(list.proof).toBeDefined();
  return decodeList(list.credentialSubject.encodedList as string).get(Number(entry.statusListIndex));
}

describe('VC-API issue', () => {
  it('fills id, issuer, validFrom and one revocation entry, signs with eddsa-rdfc-2022 and answers 201', async () => {
    const { id: _subjectId, ...subject } = sampleCredential().credentialSubject;
    const res = await issue({
      credential: { ...sampleCredential(), credentialSubject: subject },
      options: { recipientEmail: 'Lena@Example.com' },
    });
    expect(res.statusCode).toBe(201);
    const vc = res.json<{ verifiableCredential: Vc }>().verifiableCredential;
    expect(vc['@context'].slice(0, 3)).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    expect(vc.id).toMatch(/^http:\/\/cairn\.test\/credentials\/[0-9a-f-]{36}$/);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.issuer).toMatchObject({ id: org.did, type: ['Profile'], name: 'Northwind Academy' });
    expect(Date.parse(vc.validFrom as string)).not.toBeNaN();
    // Open Badges 3.0 allows one credentialStatus object.
    expect(vc.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
    });
    expect(vc.credentialSchema).toEqual([
      { id: expect.stringContaining('ob_v3p0_achievementcredential_schema'), type: '1EdTechJsonSchemaValidator2019' },
    ]);
    expect(vc.credentialSubject.identifier[0]).toMatchObject({
      type: 'IdentityObject',
      hashed: true,
      identityType: 'emailAddress',
      identityHash: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/),
    });
    expect(vc.proof).toEqual([
      expect.objectContaining({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        verificationMethod: expect.stringMatching(new RegExp(`^${org.did}#key-`)),
      }),
    ]);

    const fetched = await t.app.inject({
      method: 'GET',
      url: new URL(vc.id as string).pathname,
      headers: { accept: 'application/json' },
    });
    expect(fetched.json()).toEqual(vc);
  });

  it('carries revocation and suspension entries on request', async () => {
    const res = await issue({
      credential: sampleCredential(),
      options: { statusPurposes: ['revocation', 'suspension'] },
    });
    const entries = statusEntries(res.json().verifiableCredential);
    expect(entries.map((e) => e.statusPurpose)).toEqual(['revocation', 'suspension']);
    expect(entries[0]!.statusListIndex).toBe(entries[1]!.statusListIndex);
  });

  it('issues eddsa-jcs-2022 and VC-JWT on request', async () => {
    const jcs = await issue({ credential: sampleCredential(), options: { cryptosuite: 'eddsa-jcs-2022' } });
    expect(jcs.json().verifiableCredential.proof[0].cryptosuite).toBe('eddsa-jcs-2022');
    const jwt = await issue({ credential: sampleCredential(), options: { format: 'jwt' } });
    expect(jwt.statusCode).toBe(201);
    const compact = jwt.json<{ verifiableCredential: string }>().verifiableCredential;
    const [header, payload] = compact
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Vc);
    expect(header).toMatchObject({ alg: 'EdDSA', kid: expect.stringContaining(org.did) });
    expect(payload).toMatchObject({ iss: org.did, jti: expect.stringMatching(/credentials/) });
  });

  it('returns the first credential for a retry with the same idempotency key', async () => {
    const before = await credentialCount();
    const first = await issue({ credential: sampleCredential() }, { 'idempotency-key': 'enrolment-42-completion' });
    const again = await issue({ credential: sampleCredential() }, { 'idempotency-key': 'enrolment-42-completion' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await credentialCount()).toBe(before + 1);
  });

  it('gives distinct status indexes to concurrent issuances', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => issue({ credential: sampleCredential() })));
    const indexes = results.map((r) => statusEntries(r.json().verifiableCredential)[0]!.statusListIndex);
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(indexes).size).toBe(8);
  });

  it('refuses bad credentials with field errors and stores nothing', async () => {
    const before = await credentialCount();
    const cases: [object, string][] = [
      [{ credential: { ...sampleCredential(), proof: [{}] } }, 'credential.proof'],
      [{ credential: { ...sampleCredential(), issuer: 'did:web:elsewhere.example' } }, 'credential.issuer'],
      [{ credential: { name: 'no subject' } }, 'credential.credentialSubject'],
      [{ credential: { ...sampleCredential(), validUntil: 'next tuesday' } }, 'credential.validUntil'],
      [
        {
          credential: sampleCredential({
            '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/context.json'],
          }),
        },
        'credential',
      ],
      [{ credential: sampleCredential({ '@context': ['https://evil.example/context.json'] }) }, 'credential.@context'],
      [
        {
          credential: {
            ...sampleCredential(),
            credentialSubject: { type: ['AchievementSubject'], achievement: { type: ['Achievement'] } },
          },
        },
        'credential.credentialSubject',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await issue(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field.split('.').slice(0, 2).join('.'))).toContain(
        field,
      );
    }
    expect(await credentialCount()).toBe(before);
  });

  it('refuses callers without an API key, and organisations that do not issue', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      payload: { credential: sampleCredential() },
    });
    expect(anon.statusCode).toBe(401);
    const session = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { cookie: owner.cookie },
      payload: { credential: sampleCredential() },
    });
    expect(session.statusCode).toBe(403);
    const employer = await createOrg(t.app, owner, { roles: ['employer'] });
    const employerKey = await createApiKey(t.app, owner, employer.slug);
    const res = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${employerKey.token}` },
      payload: { credential: sampleCredential() },
    });
    expect(res.statusCode).toBe(403);
    const viewerKey = await createApiKey(t.app, owner, org.slug, 'viewer');
    const viewer = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${viewerKey.token}` },
      payload: { credential: sampleCredential() },
    });
    expect(viewer.statusCode).toBe(403);
  });
});

describe('revoke, suspend, unsuspend', () => {
  it('flips the bit in the published list at once, and repeating a change is harmless', async () => {
    const vc = (
      await issue({ credential: sampleCredential(), options: { statusPurposes: ['revocation', 'suspension'] } })
    ).json<{ verifiableCredential: Vc }>().verifiableCredential;
    const id = encodeURIComponent(vc.id as string);
    const admin = { cookie: owner.cookie };
    expect(await statusBit(vc, 'suspension')).toBe(false);

    const suspend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/suspend`,
      headers: admin,
      payload: { reason: 'Under review' },
    });
    expect(suspend.json()).toMatchObject({ status: 'suspended', suspensionReason: 'Under review' });
    expect(await statusBit(vc, 'suspension')).toBe(true);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/suspend`,
      headers: admin,
      payload: {},
    });
    expect(again.statusCode).toBe(200);

    const unsuspend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/unsuspend`,
      headers: admin,
      payload: {},
    });
    expect(unsuspend.json()).toMatchObject({ status: 'active', suspendedAt: null });
    expect(await statusBit(vc, 'suspension')).toBe(false);

    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/revoke`,
      headers: { authorization: `Bearer ${(await createApiKey(t.app, owner, org.slug, 'admin')).token}` },
      payload: { reason: 'Issued in error' },
    });
    expect(revoke.json()).toMatchObject({ status: 'revoked', revocationReason: 'Issued in error' });
    expect(await statusBit(vc, 'revocation')).toBe(true);
    const suspendRevoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/suspend`,
      headers: admin,
      payload: {},
    });
    expect(suspendRevoked.statusCode).toBe(409);
  });

  it('refuses to suspend a credential that carries no suspension entry', async () => {
    const vc = (await issue({ credential: sampleCredential() })).json<{ verifiableCredential: Vc }>()
      .verifiableCredential;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${encodeURIComponent(vc.id as string)}/suspend`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/suspension entry/);
  });

  it('needs a reason to revoke, and hides other organisations’ credentials', async () => {
    const vc = (await issue({ credential: sampleCredential() })).json<{ verifiableCredential: Vc }>()
      .verifiableCredential;
    const id = encodeURIComponent(vc.id as string);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/revoke`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const outsider = await signUpUser(t.app);
    const other = await createOrg(t.app, outsider);
    const otherKey = await createApiKey(t.app, outsider, other.slug);
    for (const headers of [{ cookie: outsider.cookie }, { authorization: `Bearer ${otherKey.token}` }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/credentials/${id}/revoke`,
        headers,
        payload: { reason: 'hostile' },
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await statusBit(vc, 'revocation')).toBe(false);
  });
});

describe('publication', () => {
  it('serves the did:web document with every key, before and after rotation', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/orgs/${org.slug}/did.json` });
    expect(before.statusCode).toBe(200);
    const doc = before.json<Vc>();
    expect(doc.id).toBe(org.did);
    expect(doc.verificationMethod).toHaveLength(1);
    expect(doc.verificationMethod[0]).toMatchObject({
      type: 'Multikey',
      controller: org.did,
      publicKeyMultibase: expect.stringMatching(/^z6Mk/),
    });
    const rotate = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/keys/rotate`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(rotate.statusCode).toBe(201);
    const after = (await t.app.inject({ method: 'GET', url: `/orgs/${org.slug}/did.json` })).json<Vc>();
    expect(after.verificationMethod).toHaveLength(2);
    expect(after.assertionMethod).toHaveLength(2);
  });

  it('serves the issuer Profile', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/orgs/${org.slug}/profile` });
    expect(res.json()).toMatchObject({ id: org.did, type: ['Profile'], name: 'Northwind Academy' });
  });

  it('never stores a secret key in clear', async () => {
    const keys = await t.database.db
      .selectFrom('signing_keys')
      .select(['secret_key_sealed', 'public_key_multibase'])
      .execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k.secret_key_sealed).not.toMatch(/^z[1-9A-HJ-NP-Za-km-z]{40,}$/);
  });
});
