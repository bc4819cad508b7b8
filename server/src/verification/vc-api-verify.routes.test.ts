import { readFileSync } from 'node:fs';
import {
  type JsonObject,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  signPresentation,
} from '@cairn/credentials';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp } from '../testing/test-app.js';

// The VC-API verifier contract: options accepted (unknown ones as warnings), 200 when verified,
// 400 with the same report when not, and presentations verified with challenge and domain.
const t = useTestApp();
let token: string;
type Report = {
  verified: boolean;
  checks: { id: string; status: string; message: string }[];
  warnings: string[];
  errors: string[];
};

beforeAll(async () => {
  const owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Conformant Academy' });
  token = (await createApiKey(t.app, owner, org.slug)).token;
});

async function issue(): Promise<Record<string, unknown>> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: { credential: sampleCredential() },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ verifiableCredential: Record<string, unknown> }>().verifiableCredential;
}

describe('POST /credentials/verify (VC-API)', () => {
  it('accepts the VC-API options and reports unknown ones as warnings, not refusals', async () => {
    const vc = await issue();
    const res = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: {
        verifiableCredential: vc,
        options: { checks: ['proof'], expectedProofPurpose: 'assertionMethod', frobnicate: true },
      },
    });
    expect(res.statusCode).toBe(200);
    const report = res.json<Report>();
    expect(report.verified).toBe(true);
    expect(report.warnings).toContain('The option "frobnicate" is not one Cairn knows; it was ignored');
  });

  it('answers 400 with the same report when the credential does not verify', async () => {
    const vc = await issue();
    const res = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: { ...vc, name: 'Changed after signing' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const report = res.json<Report>();
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('failed');
    // A purpose the credential's proof cannot have.
    const wrongPurpose = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: vc, options: { expectedProofPurpose: 'authentication' } },
    });
    expect(wrongPurpose.statusCode).toBe(400);
    expect(wrongPurpose.json<Report>().errors.join(' ')).toContain('not authentication');
    // A domain the proof does not carry (Cairn's own proofs carry none).
    const wrongDomain = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: vc, options: { domain: 'verifier.example' } },
    });
    expect(wrongDomain.statusCode).toBe(400);
    expect(wrongDomain.json<Report>().errors.join(' ')).toContain('is not the expected verifier.example');
  });

  it('still answers malformed requests with problem+json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/credentials/verify', payload: { options: {} } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('POST /presentations/verify (VC-API)', () => {
  const keys = generateEd25519Multikey();
  const holderDid = didKeyFromPublicKey(keys.publicKeyMultibase);
  const holder = createSigner({ verificationMethod: didKeyVerificationMethod(holderDid), ...keys });
  const documentLoader = createDocumentLoader();

  const presentationOf = (vc: Record<string, unknown>): JsonObject => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    holder: holderDid,
    verifiableCredential: [vc as JsonObject],
  });

  it('verifies an unsigned presentation of a Cairn credential, and a signed one with its challenge and domain', async () => {
    const vc = await issue();
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/presentations/verify',
      payload: { verifiablePresentation: presentationOf(vc) },
    });
    expect(unsigned.statusCode).toBe(200);
    expect(unsigned.json<Report & { credentials: Report[] }>().credentials).toHaveLength(1);

    const signed = await signPresentation({
      presentation: presentationOf(vc),
      signer: holder,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
      challenge: 'nonce-42',
      domain: 'verifier.example',
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/presentations/verify',
      payload: { verifiablePresentation: signed, options: { challenge: 'nonce-42', domain: 'verifier.example' } },
    });
    expect(ok.json<Report>().errors).toEqual([]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ holder: string }>().holder).toBe(holderDid);

    const replay = await t.app.inject({
      method: 'POST',
      url: '/presentations/verify',
      payload: { verifiablePresentation: signed, options: { challenge: 'nonce-43', domain: 'verifier.example' } },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json<Report>().checks.find((c) => c.id === 'challenge')?.status).toBe('failed');
    const unsignedWithChallenge = await t.app.inject({
      method: 'POST',
      url: '/presentations/verify',
      payload: { verifiablePresentation: presentationOf(vc), options: { challenge: 'nonce-42' } },
    });
    expect(unsignedWithChallenge.statusCode).toBe(400);
  });

  it('fails the presentation when a credential in it fails', async () => {
    const vc = await issue();
    const res = await t.app.inject({
      method: 'POST',
      url: '/presentations/verify',
      payload: { verifiablePresentation: presentationOf({ ...vc, name: 'Tampered' }) },
    });
    expect(res.statusCode).toBe(400);
    const report = res.json<Report & { credentials: Report[] }>();
    expect(report.checks.find((c) => c.id === 'credential-0')?.status).toBe('failed');
    expect(report.credentials[0]!.verified).toBe(false);
  });
});

describe('W3C test vectors through HTTP', () => {
  const vectors = new URL('../../../credentials/test/fixtures/', import.meta.url);
  const read = (name: string) => JSON.parse(readFileSync(new URL(name, vectors), 'utf8')) as Record<string, unknown>;

  it.each(['w3c-eddsa-rdfc-2022-signed.json', 'w3c-eddsa-jcs-2022-signed.json'])(
    "%s: the signature holds but the key is not the issuer's, so 400",
    async (name) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: read(name) },
      });
      expect(res.statusCode).toBe(400);
      const report = res.json<Report>();
      expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
      expect(report.checks.find((c) => c.id === 'issuer')?.status).toBe('failed');
      const tampered = await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: { ...read(name), validFrom: '2024-01-01T00:00:00Z' } },
      });
      expect(tampered.statusCode).toBe(400);
      expect(tampered.json<Report>().checks.find((c) => c.id === 'proof')?.status).toBe('failed');
    },
  );

  it("the W3C unsigned vector, issued by the test key's own did:key and signed both ways, verifies: 200", async () => {
    const pair = JSON.parse(readFileSync(new URL('w3c-eddsa-test-keypair.json', vectors), 'utf8')) as {
      publicKeyMultibase: string;
      privateKeyMultibase: string;
    };
    const did = didKeyFromPublicKey(pair.publicKeyMultibase);
    const signer = createSigner({
      verificationMethod: didKeyVerificationMethod(did),
      publicKeyMultibase: pair.publicKeyMultibase,
      secretKeyMultibase: pair.privateKeyMultibase,
    });
    for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const) {
      const vc = await signCredential({
        credential: { ...read('w3c-eddsa-unsigned.json'), issuer: did } as never,
        signer,
        cryptosuite,
        documentLoader: createDocumentLoader(),
        now: new Date('2023-02-24T23:36:38Z'),
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: vc },
      });
      expect(res.json<Report>().errors).toEqual([]);
      expect(res.statusCode).toBe(200);
    }
  });
});
