import { describe, expect, it } from 'vitest';
import {
  buildDidWebDocument,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  signJwt,
  signPresentation,
  verifyCredential,
  verifyPresentation,
} from '../src/index.js';
import type { JsonObject } from '../src/util/json.js';
import { sampleCredential } from './helpers.js';

const documentLoader = createDocumentLoader();
const issuerKeys = generateEd25519Multikey();
const issuerDid = didKeyFromPublicKey(issuerKeys.publicKeyMultibase);
const issuer = createSigner({ verificationMethod: didKeyVerificationMethod(issuerDid), ...issuerKeys });
const holderKeys = generateEd25519Multikey();
const holderDid = didKeyFromPublicKey(holderKeys.publicKeyMultibase);
const holder = createSigner({ verificationMethod: didKeyVerificationMethod(holderDid), ...holderKeys });
const now = new Date('2026-01-01T00:00:00Z');

async function presentationOf(credentials: unknown[], extra: JsonObject = {}): Promise<JsonObject> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    holder: holderDid,
    verifiableCredential: credentials as JsonObject[],
    ...extra,
  };
}

describe('verifiable presentations', () => {
  it('verifies an unsigned presentation by its credentials, and says it proves nothing about the holder', async () => {
    const vc = await signCredential({
      credential: sampleCredential(issuerDid),
      signer: issuer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now,
    });
    const result = await verifyPresentation({ presentation: await presentationOf([vc]), documentLoader });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'skipped' });
    expect(result.credentials).toHaveLength(1);
  });

  it("checks the holder's authentication proof, its challenge and domain, and the holder binding", async () => {
    const vc = await signCredential({
      credential: sampleCredential(issuerDid),
      signer: issuer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now,
    });
    const vp = await signPresentation({
      presentation: await presentationOf([vc]),
      signer: holder,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now,
      challenge: 'nonce-1',
      domain: 'verifier.example',
    });
    const good = await verifyPresentation({
      presentation: vp,
      challenge: 'nonce-1',
      domain: 'verifier.example',
      documentLoader,
    });
    expect(good.errors).toEqual([]);
    expect(good.verified).toBe(true);
    expect(good.holder).toBe(holderDid);

    const replayed = await verifyPresentation({
      presentation: vp,
      challenge: 'nonce-2',
      domain: 'verifier.example',
      documentLoader,
    });
    expect(replayed.verified).toBe(false);
    expect(replayed.checks.find((c) => c.id === 'challenge')?.status).toBe('failed');
    const elsewhere = await verifyPresentation({
      presentation: vp,
      challenge: 'nonce-1',
      domain: 'other.example',
      documentLoader,
    });
    expect(elsewhere.checks.find((c) => c.id === 'domain')?.status).toBe('failed');

    // The challenge is signed: rewriting it in the JSON breaks the signature.
    const rewritten = { ...vp, proof: [{ ...vp.proof[0]!, challenge: 'nonce-2' }] };
    expect((await verifyPresentation({ presentation: rewritten, challenge: 'nonce-2', documentLoader })).verified).toBe(
      false,
    );

    // Signed by someone else than the holder it names.
    const other = generateEd25519Multikey();
    const otherDid = didKeyFromPublicKey(other.publicKeyMultibase);
    const impostor = await signPresentation({
      presentation: await presentationOf([vc]),
      signer: createSigner({ verificationMethod: didKeyVerificationMethod(otherDid), ...other }),
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now,
      challenge: 'nonce-1',
    });
    const refused = await verifyPresentation({ presentation: impostor, challenge: 'nonce-1', documentLoader });
    expect(refused.verified).toBe(false);
    expect(refused.errors.join(' ')).toContain(`not by its holder ${holderDid}`);

    // A challenge was asked for, but the presentation is not signed.
    expect(
      (await verifyPresentation({ presentation: await presentationOf([vc]), challenge: 'nonce-1', documentLoader }))
        .verified,
    ).toBe(false);
  });

  it('refuses a key not listed for authentication, and fails when an embedded credential fails', async () => {
    const holderWeb = 'did:web:holder.example';
    const doc = {
      ...buildDidWebDocument({
        did: holderWeb,
        keys: [{ id: 'key-1', publicKeyMultibase: holderKeys.publicKeyMultibase, isActive: true }],
      }),
      authentication: [],
    };
    const loader = createDocumentLoader({ resolveDid: (d) => Promise.resolve(d === holderWeb ? doc : undefined) });
    const vc = await signCredential({
      credential: sampleCredential(issuerDid),
      signer: issuer,
      cryptosuite: 'eddsa-jcs-2022',
      documentLoader,
      now,
    });
    const vp = await signPresentation({
      presentation: await presentationOf([vc], { holder: holderWeb }),
      signer: createSigner({ verificationMethod: `${holderWeb}#key-1`, ...holderKeys }),
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader: loader,
      now,
    });
    const result = await verifyPresentation({ presentation: vp, documentLoader: loader });
    expect(result.verified).toBe(false);
    expect(result.errors.join(' ')).toContain('authentication');

    const tampered = { ...vc, name: 'Rocket Science' };
    const withBad = await verifyPresentation({ presentation: await presentationOf([tampered]), documentLoader });
    expect(withBad.verified).toBe(false);
    expect(withBad.checks.find((c) => c.id === 'credential-0')?.status).toBe('failed');
  });

  it('reads VC-JOSE enveloped credentials and refuses what is not a presentation', async () => {
    const jwt = signJwt({ credential: sampleCredential(issuerDid), signer: issuer });
    const enveloped = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `data:application/vc+jwt,${jwt}`,
      type: 'EnvelopedVerifiableCredential',
    };
    const result = await verifyPresentation({ presentation: await presentationOf([enveloped]), documentLoader });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(
      (
        await verifyPresentation({
          presentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] },
          documentLoader,
        })
      ).verified,
    ).toBe(false);
    expect((await verifyPresentation({ presentation: 'not json', documentLoader })).verified).toBe(false);
  });
});

describe('a credential proof with VC-API challenge and domain', () => {
  it('counts only when it carries the challenge and domain asked for, which its signature covers', async () => {
    const vc = await signCredential({
      credential: sampleCredential(issuerDid),
      signer: issuer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now,
      challenge: 'c-1',
      domain: 'verifier.example',
    });
    expect(
      (
        await verifyCredential({
          credential: vc,
          documentLoader,
          expectedProof: { challenge: 'c-1', domain: 'verifier.example' },
        })
      ).verified,
    ).toBe(true);
    const wrong = await verifyCredential({
      credential: vc,
      documentLoader,
      expectedProof: { domain: 'other.example' },
    });
    expect(wrong.verified).toBe(false);
    expect(wrong.errors.join(' ')).toContain('is not the expected other.example');
    const rewritten = { ...vc, proof: [{ ...vc.proof[0]!, domain: 'other.example' }] };
    expect(
      (await verifyCredential({ credential: rewritten, documentLoader, expectedProof: { domain: 'other.example' } }))
        .verified,
    ).toBe(false);
  });
});
