import {
  type JsonObject,
  createDocumentLoader,
  createSigner,
  decodeList,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
} from '@cairn/credentials';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

// Replays, through Cairn's HTTP API, the requests the public VC-API conformance suites send
// (w3c-ccg vc-api issuer/verifier, w3c vc-di-eddsa, vc-data-model-2.0, vc-bitstring-status-list)
// and asserts what they assert. docs/conformance-suites.md lists every assertion and its verdict;
// the ones Cairn fails are recorded there, not here.
const t = useTestApp();
let owner: TestUser;
let org: { slug: string; did: string };
let token: string;

const V2 = 'https://www.w3.org/ns/credentials/v2';
const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
// The suites send these headers with every request (vc-test-suite-implementations).
const SUITE_HEADERS = { accept: 'application/json, application/ld+json, */*', 'content-type': 'application/json' };

type Vc = Record<string, any>;

beforeAll(async () => {
  owner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Suite Academy' });
  token = (await createApiKey(t.app, owner, org.slug)).token;
});

function issue(body: unknown) {
  return t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { ...SUITE_HEADERS, authorization: `Bearer ${token}` },
    payload: JSON.stringify(body),
  });
}
function verify(verifiableCredential: unknown, options: Record<string, unknown> = { checks: ['proof'] }) {
  return t.app.inject({
    method: 'POST',
    url: '/credentials/verify',
    headers: SUITE_HEADERS,
    payload: JSON.stringify({ verifiableCredential, options }),
  });
}
async function issued(body: unknown): Promise<Vc> {
  const res = await issue(body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ verifiableCredential: Vc }>().verifiableCredential;
}
const errorsOf = (res: { json: <T>() => T }) => res.json<{ errors: unknown[] }>().errors;
const fieldsOf = (res: { json: <T>() => T }) => res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);

/** The VC-API issuer suite's credential, as VC 2.0 (see the doc: the suite itself sends VC 1.1). */
const degree = () => ({
  '@context': [V2, EXAMPLES_V2],
  type: ['VerifiableCredential', 'ExampleDegreeCredential'],
  issuer: org.did,
  credentialSubject: {
    id: 'did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b',
    degree: { type: 'ExampleBachelorDegree', name: 'Bachelor of Science and Arts' },
  },
});

/** A credential signed by a did:key of the test's own, as the suites' generators sign theirs. */
async function suiteSigned(cryptosuite: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022', extra: JsonObject = {}): Promise<Vc> {
  const keys = generateEd25519Multikey();
  const did = didKeyFromPublicKey(keys.publicKeyMultibase);
  const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
  const credential = {
    '@context': [V2],
    id: 'urn:uuid:86294362-4254-4f36-854f-3952fe42555d',
    type: ['VerifiableCredential'],
    issuer: did,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: 'did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b', name: 'ExampleClaim' },
    ...extra,
  };
  const signed = await signCredential({
    credential,
    signer,
    cryptosuite,
    documentLoader: createDocumentLoader(),
    now: new Date(),
  });
  // The reference stack the suites use writes one proof as an object; the meaning is the same.
  return { ...signed, proof: signed.proof[0] };
}

describe('w3c-ccg/vc-api-issuer-test-suite (10-issuer.js), with a VC 2.0 credential', () => {
  it('MUST successfully issue a credential: 201, with @context, type, id, credentialSubject, issuer and proof', async () => {
    const res = await issue({ credential: { ...degree(), id: 'urn:uuid:0f4d7c1e-5b7a-4f0e-8e55-2d7c1c9a0b11' } });
    expect(res.statusCode).toBe(201);
    const vc = res.json<{ verifiableCredential: Vc }>().verifiableCredential;
    expect(vc['@context']).toEqual([V2, EXAMPLES_V2]);
    expect(vc.type).toContain('VerifiableCredential');
    expect(typeof vc.id).toBe('string');
    expect(vc.credentialSubject).toEqual(degree().credentialSubject);
    expect(vc.issuer).toBe(org.did);
    expect(vc.proof).toBeDefined();
  });

  it('refuses each malformed request with 400 (not 401), for the property under test', async () => {
    const { '@context': _c, ...noContext } = degree();
    const { type: _t, ...noType } = degree();
    const { credentialSubject: _s, ...noSubject } = degree();
    const cases: [unknown, string][] = [
      [{ verifiableCredential: degree() }, 'credential'],
      [{ credential: noContext }, 'credential.@context'],
      [{ credential: { ...degree(), '@context': 4 } }, 'credential.@context'],
      ...[4, false, null, []].map((c): [unknown, string] => [
        { credential: { ...degree(), '@context': c } },
        'credential.@context',
      ]),
      [{ credential: noType }, 'credential.type'],
      [{ credential: { ...degree(), type: 4 } }, 'credential.type'],
      ...[null, true, 4, []].map((ty): [unknown, string] => [
        { credential: { ...degree(), type: ty } },
        'credential.type',
      ]),
      ...[null, true, 4, []].map((i): [unknown, string] => [
        { credential: { ...degree(), issuer: i } },
        'credential.issuer',
      ]),
      [{ credential: noSubject }, 'credential.credentialSubject'],
      ...[null, true, 4, [], 'did:example:1234'].map((s): [unknown, string] => [
        { credential: { ...degree(), credentialSubject: s } },
        'credential.credentialSubject',
      ]),
    ];
    for (const [body, field] of cases) {
      const res = await issue(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        fieldsOf(res).some((f) => f.startsWith(field)),
        `${JSON.stringify(body)} → ${res.body}`,
      ).toBe(true);
    }
  });

  // Without an issuer Cairn fills the organisation's (documented); the suite wants 400: see the doc.
  it('credential MAY have property "expirationDate" (an undefined term under the v2 @vocab): 201', async () => {
    const res = await issue({ credential: { ...degree(), expirationDate: '2030-01-01T00:00:00Z' } });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('w3c-ccg/vc-api-verifier-test-suite (10-vc-di.js)', () => {
  let valid: Vc;
  beforeAll(async () => {
    valid = await suiteSigned('eddsa-rdfc-2022');
  });

  it('MUST verify a valid VC: 200 (a credential whose issuer is the did:key that signed it)', async () => {
    const res = await verify(valid);
    expect(errorsOf(res)).toEqual([]);
    expect(res.statusCode).toBe(200);
  });

  it('answers 400 for each property the suite removes or breaks', async () => {
    const variants: [string, (vc: Vc) => void][] = [
      ['no @context', (vc) => delete vc['@context']],
      ['no type', (vc) => delete vc.type],
      ['no issuer', (vc) => delete vc.issuer],
      ['no credentialSubject', (vc) => delete vc.credentialSubject],
      ['no proof', (vc) => delete vc.proof],
      ['no proof.type', (vc) => delete vc.proof.type],
      ['no proof.created', (vc) => delete vc.proof.created],
      ['no proof.verificationMethod', (vc) => delete vc.proof.verificationMethod],
      ['no proof.proofValue', (vc) => delete vc.proof.proofValue],
      ['no proof.proofPurpose', (vc) => delete vc.proof.proofPurpose],
      ...['string', {}, null, 10, true].map((v): [string, (vc: Vc) => void] => [
        `@context ${JSON.stringify(v)}`,
        (vc) => (vc['@context'] = v),
      ]),
      ...[[], {}, null, 10, true].map((v): [string, (vc: Vc) => void] => [
        `@context [${JSON.stringify(v)}]`,
        (vc) => (vc['@context'] = [v]),
      ]),
      ...['string', {}, null, 10, true].map((v): [string, (vc: Vc) => void] => [
        `type ${JSON.stringify(v)}`,
        (vc) => (vc.type = v),
      ]),
      ...[[], {}, null, 10, true].map((v): [string, (vc: Vc) => void] => [
        `type [${JSON.stringify(v)}]`,
        (vc) => (vc.type = [v]),
      ]),
      ...[[], null, 10, true].map((v): [string, (vc: Vc) => void] => [
        `issuer ${JSON.stringify(v)}`,
        (vc) => (vc.issuer = v),
      ]),
      ...['string', null, 10, true, []].map((v): [string, (vc: Vc) => void] => [
        `credentialSubject ${JSON.stringify(v)}`,
        (vc) => (vc.credentialSubject = v),
      ]),
      ...['string', null, 10, true, []].map((v): [string, (vc: Vc) => void] => [
        `proof ${JSON.stringify(v)}`,
        (vc) => (vc.proof = v),
      ]),
    ];
    for (const [label, change] of variants) {
      const vc = structuredClone(valid);
      change(vc);
      const res = await verify(vc);
      expect(res.statusCode, label).toBe(400);
    }
  });

  it("the suite's own vector (issuer https://vc.example/issuers/5678, key a did:key) is refused: the key is not the issuer's", async () => {
    const vector = { ...valid, issuer: 'https://vc.example/issuers/5678' };
    const res = await verify(vector);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ checks: { id: string; status: string }[] }>().checks.find((c) => c.id === 'issuer')?.status).toBe(
      'failed',
    );
  });
});

describe('w3c/vc-di-eddsa-test-suite', () => {
  for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const) {
    describe(`${cryptosuite} issuer (create), as the organisation's did:key`, () => {
      let vc: Vc;
      beforeAll(async () => {
        vc = await issued({
          credential: {
            '@context': [V2],
            id: `urn:uuid:${crypto.randomUUID()}`,
            type: ['VerifiableCredential'],
            issuer: await didKeyOf(),
            credentialSubject: { id: 'did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b', name: 'ExampleClaim' },
          },
          options: { cryptosuite, issuerIdentifier: 'did:key' },
        });
      });

      it('has a proof of type DataIntegrityProof with the cryptosuite, purpose, created, verificationMethod, multibase proofValue', () => {
        const proofs = (Array.isArray(vc.proof) ? vc.proof : [vc.proof]) as Vc[];
        expect(proofs.some((p) => p.cryptosuite === cryptosuite)).toBe(true);
        for (const p of proofs) {
          expect(p.type).toBe('DataIntegrityProof');
          expect(p.proofPurpose).toBe('assertionMethod');
          expect(p.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
          expect(p.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
          expect(p.verificationMethod).toBe(`${vc.issuer}#${(vc.issuer as string).slice('did:key:'.length)}`);
        }
        expect(vc['@context'][0]).toBe(V2);
      });

      it("its key is a did:key Multikey (z6Mk…, 34 bytes multicodec) and the proof verifies through Cairn's verifier", async () => {
        expect(vc.issuer).toMatch(/^did:key:z6Mk/);
        const res = await verify(vc);
        expect(errorsOf(res)).toEqual([]);
        expect(res.statusCode).toBe(200);
      });
    });

    describe(`${cryptosuite} verifier`, () => {
      let valid: Vc;
      beforeAll(async () => {
        valid = await suiteSigned(cryptosuite);
      });

      it('verifies a valid credential signed by the suite-like did:key: 200', async () => {
        const res = await verify(valid);
        expect(errorsOf(res)).toEqual([]);
        expect(res.statusCode).toBe(200);
      });

      it('answers 400 for each broken proof the suite sends', async () => {
        const other = cryptosuite === 'eddsa-rdfc-2022' ? 'eddsa-jcs-2022' : 'eddsa-rdfc-2022';
        const variants: [string, (vc: Vc) => void][] = [
          ['proof missing', (vc) => delete vc.proof],
          ['proof null', (vc) => (vc.proof = null)],
          ['proof.type missing', (vc) => delete vc.proof.type],
          ['proof.type unknown', (vc) => (vc.proof.type = 'UnknownProofType')],
          ['verificationMethod missing', (vc) => delete vc.proof.verificationMethod],
          ['verificationMethod invalid', (vc) => (vc.proof.verificationMethod = 'did:key:invalidVm')],
          ['proofPurpose missing', (vc) => delete vc.proof.proofPurpose],
          ['proofPurpose invalid', (vc) => (vc.proof.proofPurpose = 'invalidPurpose')],
          ['proofValue missing', (vc) => delete vc.proof.proofValue],
          ['proofValue null', (vc) => (vc.proof.proofValue = null)],
          [
            'proofValue without multibase header',
            (vc) => (vc.proof.proofValue = (vc.proof.proofValue as string).slice(1)),
          ],
          ['proofValue too long', (vc) => (vc.proof.proofValue = `${vc.proof.proofValue as string}3mJ8`)],
          ['cryptosuite unknown', (vc) => (vc.proof.cryptosuite = 'unknown-cryptosuite-2017')],
          [`cryptosuite ${other}`, (vc) => (vc.proof.cryptosuite = other)],
          ['created without offset', (vc) => (vc.proof.created = (vc.proof.created as string).replace(/Z$/, ''))],
        ];
        for (const [label, change] of variants) {
          const vc = structuredClone(valid);
          change(vc);
          const res = await verify(vc);
          expect(res.statusCode, label).toBe(400);
          expect(res.json<{ verified: boolean }>().verified, label).toBe(false);
        }
      });

      it("answers 400 when options.expectedProofPurpose is not the proof's (authentication)", async () => {
        const res = await verify(valid, { checks: ['proof'], expectedProofPurpose: 'authentication' });
        expect(res.statusCode).toBe(400);
      });
    });
  }

  let didKey: string | undefined;
  async function didKeyOf(): Promise<string> {
    if (!didKey) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/did-key`,
        headers: { cookie: owner.cookie },
        payload: {},
      });
      expect([200, 201]).toContain(res.statusCode);
      didKey = res.json<{ did: string }>().did;
    }
    return didKey;
  }
});

describe('w3c/vc-data-model-2.0-test-suite (issuer side)', () => {
  const plain = (extra: Record<string, unknown> = {}) => ({
    '@context': [V2],
    type: ['VerifiableCredential'],
    credentialSubject: { id: 'did:example:subject' },
    issuer: org.did,
    ...extra,
  });

  it('issues the suite\'s "ok" shapes: 201, @context kept in order, every field kept', async () => {
    const oks: Record<string, unknown>[] = [
      plain(),
      plain({ '@context': [V2, EXAMPLES_V2] }),
      plain({ '@context': [V2, { ex: 'https://example.org/examples#' }] }),
      plain({ id: 'did:example:credential' }),
      plain({
        type: ['VerifiableCredential', 'ExampleTestCredential'],
        '@context': [V2, { ExampleTestCredential: 'https://example.org/examples#ExampleTestCredential' }],
      }),
      plain({ credentialSubject: [{ id: 'did:example:subject1' }, { id: 'did:example:subject2' }] }),
      plain({ issuer: { id: org.did, name: 'Suite Academy' } }),
      plain({
        issuer: { id: org.did, name: { '@value': 'Suite Academy', '@language': 'en' }, description: 'A test issuer' },
      }),
      plain({ name: 'Example', description: 'An example credential' }),
      plain({ validFrom: '2024-01-01T00:00:00Z', validUntil: '2034-01-01T00:00:00Z' }),
      plain({ credentialSchema: { id: 'https://example.org/examples/degree.json', type: 'JsonSchema' } }),
      plain({
        '@context': [V2, EXAMPLES_V2],
        evidence: [{ id: 'https://example.org/evidence/1', type: ['ExampleEvidence'] }],
      }),
      plain({ termsOfUse: { type: 'ExampleTermsOfUse' }, '@context': [V2, EXAMPLES_V2] }),
      plain({
        refreshService: { type: 'ExampleRefreshService', id: 'https://example.org/refresh' },
        '@context': [V2, EXAMPLES_V2],
      }),
      plain({
        '@context': [V2, { CredentialStatusList2017: 'https://example.org/examples#CredentialStatusList2017' }],
        credentialStatus: { id: 'https://example.org/status/1', type: 'CredentialStatusList2017' },
      }),
    ];
    for (const credential of oks) {
      const vc = await issued({ credential });
      for (const [key, value] of Object.entries(credential))
        expect(vc[key], `${key} of ${JSON.stringify(credential)}`).toEqual(value);
      expect(vc['@context'][0]).toBe(V2);
    }
  });

  it('refuses the suite\'s "fail" shapes with 400 naming the field', async () => {
    const fails: [Record<string, unknown>, string][] = [
      [plain({ '@context': undefined }), 'credential.@context'],
      [plain({ '@context': [EXAMPLES_V2] }), 'credential.@context'],
      [plain({ '@context': [EXAMPLES_V2, V2] }), 'credential.@context'],
      [plain({ '@context': [V2, 123192875] }), 'credential.@context'],
      // Refused when the context cannot be loaded (field named: credential).
      [plain({ '@context': [V2, 'https ://not-a-url/contexts/example/v1'] }), 'credential'],
      [plain({ id: 'not a url' }), 'credential.id'],
      [plain({ id: ['urn:uuid:1', 'urn:uuid:2'] }), 'credential.id'],
      [plain({ type: undefined }), 'credential.type'],
      [plain({ type: ['ExampleTestCredential'] }), 'credential.type'],
      [
        plain({ '@context': [V2, { '@vocab': null }], type: ['VerifiableCredential', 'ExampleTestCredential'] }),
        'credential',
      ],
      [
        plain({ '@context': [V2, { VerifiableCredential: 'https://example.org/#BadVerifiableCredential' }] }),
        'credential',
      ],
      [plain({ issuer: null }), 'credential.issuer'],
      [plain({ issuer: 'not a url' }), 'credential.issuer'],
      [plain({ issuer: { id: null } }), 'credential.issuer'],
      [plain({ issuer: { id: 'not a url' } }), 'credential.issuer'],
      [plain({ credentialSubject: undefined }), 'credential.credentialSubject'],
      [plain({ credentialSubject: {} }), 'credential.credentialSubject'],
      [plain({ credentialSubject: [{}, {}] }), 'credential.credentialSubject'],
      [plain({ validFrom: '2024-01-01' }), 'credential.validFrom'],
      [plain({ validUntil: 'tomorrow' }), 'credential.validUntil'],
      [plain({ credentialStatus: { id: 'https://example.org/status/1' } }), 'credential.credentialStatus'],
      [plain({ credentialSchema: { id: 'https://example.org/schema.json' } }), 'credential.credentialSchema'],
      [plain({ credentialSchema: { type: 'JsonSchema' } }), 'credential.credentialSchema'],
      [plain({ evidence: [{ id: 'https://example.org/evidence/1' }] }), 'credential.evidence'],
      [plain({ termsOfUse: { id: 'https://example.org/terms' } }), 'credential.termsOfUse'],
    ];
    for (const [credential, field] of fails) {
      const res = await issue({ credential });
      expect(res.statusCode, JSON.stringify(credential)).toBe(400);
      expect(
        fieldsOf(res).some((f) => f.startsWith(field)),
        `${JSON.stringify(credential)} → ${res.body}`,
      ).toBe(true);
    }
  });

  it("the credentials it issues verify at Cairn's verifier: 200 with errors: [] (what the suite's verify() reads)", async () => {
    const vc = await issued({
      credential: plain({
        credentialSubject: { id: 'did:example:subject', 'ex:claim': 'yes' },
        '@context': [V2, { ex: 'https://example.org/examples#' }],
      }),
    });
    const res = await verify(vc, {});
    expect(res.statusCode).toBe(200);
    expect(errorsOf(res)).toEqual([]);
  });
});

describe('w3c/vc-bitstring-status-list-test-suite', () => {
  it('issues a BitstringStatusListEntry whose list dereferences to a signed 16 KB list; revocation sets the bit and fails verification', async () => {
    const vc = await issued({
      credential: {
        '@context': [V2],
        type: ['VerifiableCredential'],
        issuer: org.did,
        credentialSubject: { id: 'did:example:subject' },
      },
    });
    const entry = vc.credentialStatus as Vc;
    expect(entry).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
    });
    expect(typeof entry.statusListCredential).toBe('string');

    const listRes = await t.app.inject({
      method: 'GET',
      url: new URL(entry.statusListCredential as string).pathname,
      headers: { accept: 'application/json' },
    });
    expect(listRes.statusCode).toBe(200);
    const list = listRes.json<Vc>();
    expect(list.id).toBe(entry.statusListCredential);
    expect(list.type).toContain('BitstringStatusListCredential');
    expect(list.issuer).toBe(org.did);
    expect(list.credentialSubject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: expect.stringMatching(/^u/),
    });
    const bits = decodeList(list.credentialSubject.encodedList as string);
    expect(bits.length).toBeGreaterThanOrEqual(131_072);
    expect(bits.get(Number(entry.statusListIndex))).toBe(false);
    expect((await verify(list, {})).statusCode).toBe(200);
    expect((await verify(vc)).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${encodeURIComponent(vc.id as string)}/revoke`,
      headers: { cookie: owner.cookie },
      payload: { reason: 'Conformance replay' },
    });
    expect(revoked.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: new URL(entry.statusListCredential as string).pathname });
    expect(
      decodeList(after.json<Vc>().credentialSubject.encodedList as string).get(Number(entry.statusListIndex)),
    ).toBe(true);
    const res = await verify(vc);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ verified: boolean }>().verified).toBe(false);
  });

  it('issues revocation and suspension entries on request; suspension is reversible', async () => {
    const vc = await issued({
      credential: {
        '@context': [V2],
        type: ['VerifiableCredential'],
        issuer: org.did,
        credentialSubject: { id: 'did:example:subject' },
      },
      options: { statusPurposes: ['revocation', 'suspension'] },
    });
    const entries = vc.credentialStatus as Vc[];
    expect(entries.map((e) => e.statusPurpose).sort()).toEqual(['revocation', 'suspension']);
    const id = encodeURIComponent(vc.id as string);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/credentials/${id}/suspend`,
          headers: { cookie: owner.cookie },
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    expect((await verify(vc)).statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/credentials/${id}/unsuspend`,
          headers: { cookie: owner.cookie },
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    expect((await verify(vc)).statusCode).toBe(200);
  });

  it('fails a credential whose status entry cannot be checked (a list Cairn cannot reach offline)', async () => {
    const elsewhere = {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://status.example.org/lists/3',
    };
    const vc = await issued({
      credential: {
        '@context': [V2],
        type: ['VerifiableCredential'],
        issuer: org.did,
        credentialSubject: { id: 'did:example:subject' },
        credentialStatus: elsewhere,
      },
    });
    const res = await verify(vc);
    expect(res.statusCode).toBe(400);
  });
});
