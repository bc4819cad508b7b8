import { decodeList } from '@cairn/credentials';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let owner: TestUser;
let org: { slug: string; did: string; id: string };
let token: string;

const V2 = 'https://www.w3.org/ns/credentials/v2';
const plainVc = () => ({
  '@context': [V2],
  type: ['VerifiableCredential'],
  credentialSubject: { id: 'did:example:123' },
});

beforeAll(async () => {
  owner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Northwind Academy' });
  token = (await createApiKey(t.app, owner, org.slug, 'admin')).token;
});

type Vc = Record<string, any>;
type Result = { verified: boolean; checks: { id: string; status: string; message: string }[]; errors: string[] };

async function issue(body: object, key = token) {
  return t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${key}` },
    payload: body,
  });
}
async function issued(body: object, key = token): Promise<Vc> {
  const res = await issue(body, key);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ verifiableCredential: Vc }>().verifiableCredential;
}
// The verify route answers 200 when verified (and, per issue 10, 400 with the same report when not).
async function verify(verifiableCredential: unknown): Promise<Result> {
  const res = await t.app.inject({ method: 'POST', url: '/credentials/verify', payload: { verifiableCredential } });
  expect([200, 400]).toContain(res.statusCode);
  return res.json<Result>();
}
async function revoke(vc: Vc) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/credentials/${encodeURIComponent(vc.id as string)}/revoke`,
    headers: { cookie: owner.cookie },
    payload: { reason: 'Issued in error' },
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
async function publishedList(vc: Vc) {
  const path = new URL(vc.credentialStatus.statusListCredential as string).pathname;
  const res = await t.app.inject({ method: 'GET', url: path });
  expect(res.statusCode).toBe(200);
  return res.json<Vc>();
}

describe('VC-API issue refuses malformed credentials (VC Data Model 2.0)', () => {
  it('answers 400 problem+json naming the field, for each malformed input, and stores nothing', async () => {
    const before = await credentialCount();
    const { '@context': _c, ...noContext } = sampleCredential();
    const { type: _t, ...noType } = sampleCredential();
    const cases: [Record<string, unknown>, string][] = [
      [sampleCredential({ type: 4 }), 'credential.type'],
      [sampleCredential({ type: [null] }), 'credential.type'],
      [noType, 'credential.type'],
      [sampleCredential({ type: ['OpenBadgeCredential'] }), 'credential.type'],
      [noContext, 'credential.@context'],
      [sampleCredential({ '@context': [V2.replace('v2', 'v1')] }), 'credential.@context'],
      [sampleCredential({ issuer: null }), 'credential.issuer'],
      [sampleCredential({ issuer: true }), 'credential.issuer'],
      [sampleCredential({ issuer: 4 }), 'credential.issuer'],
      [sampleCredential({ issuer: [] }), 'credential.issuer'],
      [sampleCredential({ issuer: { name: 'No id' } }), 'credential.issuer.id'],
      [
        sampleCredential({ issuer: { id: org.did, name: { '@value': 'Northwind', extra: 'x' } } }),
        'credential.issuer.name',
      ],
      [sampleCredential({ issuer: { id: org.did, name: { notAValue: 'Northwind' } } }), 'credential.issuer.name'],
      [sampleCredential({ id: null }), 'credential.id'],
      [sampleCredential({ id: 'not a url' }), 'credential.id'],
      [
        sampleCredential({ credentialSchema: { id: 'https://example.org/schema.json' } }),
        'credential.credentialSchema.type',
      ],
      [sampleCredential({ credentialSchema: [{ type: 'JsonSchema' }] }), 'credential.credentialSchema[0].id'],
      [sampleCredential({ evidence: [{ name: 'untyped' }] }), 'credential.evidence[0].type'],
      [sampleCredential({ termsOfUse: 'none' }), 'credential.termsOfUse'],
      [
        sampleCredential({ credentialStatus: { id: 'https://example.org/status#1' } }),
        'credential.credentialStatus.type',
      ],
      [sampleCredential({ credentialSubject: [] }), 'credential.credentialSubject'],
      [sampleCredential({ credentialSubject: 'did:example:123' }), 'credential.credentialSubject'],
      [sampleCredential({ validFrom: '2026-01-31' }), 'credential.validFrom'],
      [
        sampleCredential({ validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }),
        'credential.validUntil',
      ],
      [sampleCredential({ name: 7 }), 'credential.name'],
      [sampleCredential({ description: { '@value': 'x', '@direction': 'up' } }), 'credential.description.@direction'],
    ];
    for (const [credential, field] of cases) {
      const res = await issue({ credential });
      expect(res.statusCode, JSON.stringify(credential)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        JSON.stringify(credential),
      ).toContain(field);
    }
    expect(await credentialCount()).toBe(before);
  });

  it('refuses unknown options by name, and accepts the VC-API ones', async () => {
    const res = await issue({
      credential: plainVc(),
      options: {
        cryptosuite: 'eddsa-rdfc-2022',
        format: 'ldp',
        issuerIdentifier: 'did:web',
        credentialId: 'urn:uuid:6a3c4e52-1f0b-4bd8-9a0c-2f1b9b4c7d10',
        mystery: true,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors)).toMatch(/mystery/);
    const ok = await issue({
      credential: plainVc(),
      options: {
        cryptosuite: 'eddsa-rdfc-2022',
        format: 'ldp',
        issuerIdentifier: 'did:web',
        credentialId: 'urn:uuid:6a3c4e52-1f0b-4bd8-9a0c-2f1b9b4c7d10',
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().verifiableCredential.id).toBe('urn:uuid:6a3c4e52-1f0b-4bd8-9a0c-2f1b9b4c7d10');
  });

  it('refuses an issuer that is not one of the organisation’s identifiers', async () => {
    const other = await createOrg(t.app, owner);
    for (const issuer of [
      'did:web:elsewhere.example',
      other.did,
      { id: other.did },
      'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    ]) {
      const res = await issue({ credential: { ...plainVc(), issuer } });
      expect(res.statusCode, JSON.stringify(issuer)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('credential.issuer');
    }
    // The did:web and the did:key options disagreeing with the issuer named is refused too.
    const conflicting = await issue({
      credential: { ...plainVc(), issuer: org.did },
      options: { issuerIdentifier: 'did:key' },
    });
    expect(conflicting.statusCode).toBe(400);
    expect(conflicting.json().errors[0].field).toBe('credential.issuer');
  });
});

describe('plain VC Data Model 2.0 profile', () => {
  it('issues a plain VCDM 2.0 credential as such: signed, with a Cairn status entry, and it verifies', async () => {
    const vc = await issued({ credential: plainVc() });
    expect(vc['@context']).toEqual([V2]);
    expect(vc.type).toEqual(['VerifiableCredential']);
    expect(vc.issuer).toBe(org.did);
    expect(vc.credentialSubject).toEqual({ id: 'did:example:123' });
    expect(vc.credentialSchema).toBeUndefined();
    expect(vc.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
    });
    // One proof, written as an object (VC DM 2.0's usual form).
    expect(vc.proof).toEqual(
      expect.objectContaining({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        verificationMethod: expect.stringMatching(new RegExp(`^${org.did}#key-`)),
      }),
    );
    const result = await verify(vc);
    expect(result.verified, JSON.stringify(result.errors)).toBe(true);
    expect(result.checks.find((c) => c.id === 'schema')?.status).toBe('skipped');

    // Listed like the others, under its type.
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/credentials`,
      headers: { cookie: owner.cookie },
    });
    expect(list.json().items.find((i: { credentialId: string }) => i.credentialId === vc.id)).toMatchObject({
      achievementName: 'VerifiableCredential',
      recipient: 'did:example:123',
    });

    // Revocation reaches verifiers.
    expect((await revoke(vc)).statusCode).toBe(200);
    const after = await verify(vc);
    expect(after.verified).toBe(false);
    expect(JSON.stringify(after)).toMatch(/revok/i);
  });

  it('issues as VC-JWT and with eddsa-jcs-2022 too', async () => {
    const jcs = await issued({ credential: plainVc(), options: { cryptosuite: 'eddsa-jcs-2022' } });
    expect((await verify(jcs)).verified).toBe(true);
    const jwt = await issue({ credential: plainVc(), options: { format: 'jwt' } });
    expect(jwt.statusCode).toBe(201);
    expect((await verify(jwt.json().verifiableCredential)).verified).toBe(true);
  });

  it('never overwrites what the caller sent', async () => {
    const credential = {
      '@context': [V2, { ex: 'https://example.org/vocab#', ExampleDegreeCredential: 'ex:ExampleDegreeCredential' }],
      id: 'urn:uuid:0b8d3f6e-2f4a-4f59-9d3c-7c1e2a9b5f01',
      type: ['VerifiableCredential', 'ExampleDegreeCredential'],
      issuer: { id: org.did, name: { '@value': 'Northwind Academy', '@language': 'en' } },
      name: [
        { '@value': 'Degree', '@language': 'en' },
        { '@value': 'Diplôme', '@language': 'fr' },
      ],
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2036-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', 'ex:degree': 'Bachelor of Science' },
      credentialSchema: { id: 'https://example.org/schemas/degree.json', type: 'JsonSchema' },
    };
    const vc = await issued({ credential });
    for (const [key, value] of Object.entries(credential)) expect(vc[key], key).toEqual(value);
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry' });
    expect((await verify(vc)).verified).toBe(true);
    // An id is issued once.
    const again = await issue({ credential });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('credential.id');
  });

  it('keeps a caller’s own credentialStatus as sent, adds none, and leaves its status to whoever publishes it', async () => {
    const credentialStatus = { id: 'https://status.example.org/1#7', type: 'ExampleStatusEntry' };
    const context = [V2, { ExampleStatusEntry: 'https://example.org/vocab#ExampleStatusEntry' }];
    const unknownType = await issue({ credential: { ...plainVc(), '@context': context, credentialStatus } });
    expect(unknownType.statusCode).toBe(201);
    const vc = unknownType.json().verifiableCredential;
    expect(vc.credentialStatus).toEqual(credentialStatus);
    expect((await revoke(vc)).statusCode).toBe(409);

    const elsewhere = {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://status.example.org/lists/3',
    };
    const kept = await issued({ credential: { ...plainVc(), credentialStatus: elsewhere } });
    expect(kept.credentialStatus).toEqual(elsewhere);

    // A place in Cairn's own lists is Cairn's to allocate.
    const own = { ...elsewhere, statusListCredential: `http://cairn.test/orgs/${org.slug}/status/1/revocation` };
    const refused = await issue({ credential: { ...plainVc(), credentialStatus: own } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('credential.credentialStatus');
    const both = await issue({
      credential: { ...plainVc(), '@context': context, credentialStatus },
      options: { statusPurposes: ['revocation', 'suspension'] },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('options.statusPurposes');
  });

  it('chooses Open Badges 3.0 from the type, and lets an option force either profile', async () => {
    const ob = await issued({ credential: sampleCredential() });
    expect(ob.credentialSchema).toBeDefined();
    expect(ob.issuer).toMatchObject({ id: org.did, type: ['Profile'] });
    const forced = await issued({ credential: sampleCredential(), options: { profile: 'vcdm2' } });
    expect(forced.credentialSchema).toBeUndefined();
    expect(forced.issuer).toBe(org.did);
    const wrong = await issue({ credential: plainVc(), options: { profile: 'ob3' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('credential.type');
  });
});

describe('did:key issuer identifier', () => {
  it('signs as the organisation’s did:key by option; it verifies offline, and revocation reaches verifiers', async () => {
    const vc = await issued({ credential: plainVc(), options: { issuerIdentifier: 'did:key' } });
    expect(vc.issuer).toMatch(/^did:key:z6Mk/);
    expect(vc.proof.verificationMethod).toBe(`${vc.issuer}#${(vc.issuer as string).slice('did:key:'.length)}`);
    // Its list is its own: issued and signed by the did:key, at a path of the organisation.
    const list = await publishedList(vc);
    expect(list.issuer).toBe(vc.issuer);
    expect(list.proof[0].verificationMethod.startsWith(vc.issuer as string)).toBe(true);
    expect((await verify(vc)).verified).toBe(true);

    // The organisation lists both identifiers.
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}`,
      headers: { cookie: owner.cookie },
    });
    expect(got.json().dids).toEqual({ web: org.did, key: vc.issuer });

    // The same identifier every time (never rotated), also when named as the issuer.
    const named = await issued({
      credential: { ...sampleCredential(), issuer: { id: vc.issuer, type: ['Profile'], name: 'Northwind Academy' } },
    });
    expect(named.issuer.id).toBe(vc.issuer);
    expect((await verify(named)).verified).toBe(true);

    expect((await revoke(vc)).statusCode).toBe(200);
    expect(
      decodeList((await publishedList(vc)).credentialSubject.encodedList as string).get(
        Number(vc.credentialStatus.statusListIndex),
      ),
    ).toBe(true);
    const after = await verify(vc);
    expect(after.verified).toBe(false);
    expect(JSON.stringify(after)).toMatch(/revok/i);
    // The did:web credentials' list is untouched and still signed by the did:web.
    const webVc = await issued({ credential: plainVc() });
    expect((await publishedList(webVc)).issuer).toBe(org.did);
    expect((await verify(webVc)).verified).toBe(true);
  });

  it('signs as the did:key by the API key’s default, which a request can override', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      headers: { cookie: owner.cookie },
      payload: { name: 'offline issuer', role: 'author', issuerIdentifier: 'did:key' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().issuerIdentifier).toBe('did:key');
    const keyToken = created.json().token as string;
    const vc = await issued(
      { credential: sampleCredential(), options: { statusPurposes: ['revocation', 'suspension'] } },
      keyToken,
    );
    expect(vc.issuer.id).toMatch(/^did:key:/);
    expect((await verify(vc)).verified).toBe(true);
    const suspend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${encodeURIComponent(vc.id as string)}/suspend`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(suspend.statusCode).toBe(200);
    expect((await verify(vc)).verified).toBe(false);

    const web = await issued({ credential: sampleCredential(), options: { issuerIdentifier: 'did:web' } }, keyToken);
    expect(web.issuer.id).toBe(org.did);
    const keys = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      headers: { cookie: owner.cookie },
    });
    expect(keys.json().items.find((k: { id: string }) => k.id === created.json().id).issuerIdentifier).toBe('did:key');
  });

  it('creates the did:key on request, once', async () => {
    const fresh = await createOrg(t.app, owner);
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${fresh.slug}`,
      headers: { cookie: owner.cookie },
    });
    expect(before.json().dids).toEqual({ web: fresh.did, key: null });
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${fresh.slug}/did-key`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(first.statusCode).toBe(201);
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${fresh.slug}/did-key`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().did).toBe(first.json().did);
    const sealed = await t.database.db
      .selectFrom('did_key_issuers')
      .select('secret_key_sealed')
      .where('did', '=', first.json().did)
      .executeTakeFirstOrThrow();
    expect(sealed.secret_key_sealed).not.toMatch(/^z[1-9A-HJ-NP-Za-km-z]{40,}$/);
  });
});
