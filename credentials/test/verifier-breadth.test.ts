import * as vc from '@digitalbazaar/vc';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkRevocationList,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  resolveAssertionKey,
  signCredential,
  StatusCheckError,
  verifyCredential,
  type FetchStatusList,
  type JsonObject,
  type VerificationResult,
} from '../src/index.js';
import { fixture, fixtureLoader, sampleCredential } from './helpers.js';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const ED2020 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const documentLoader = createDocumentLoader();
const NOW = new Date('2025-06-01T00:00:00Z');

const statusOf = (result: VerificationResult, id: string) => result.checks.find((c) => c.id === id);

type LegacyKey = { did: string; key: Ed25519VerificationKey2020 };

/** An Ed25519VerificationKey2020 from the reference stack, as a did:key. */
async function legacyKey(): Promise<LegacyKey> {
  const key = await Ed25519VerificationKey2020.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;
  return { did, key };
}

/** A VC 1.1 credential (the shape the DCC Learner Credential Wallet and many badges carry). */
function vc11(issuer: string, overrides: JsonObject = {}): JsonObject {
  return {
    '@context': [V1, ED2020],
    id: 'urn:uuid:6b0c2a3e-7f51-4c59-9a4d-3d2b1e0f9c88',
    type: ['VerifiableCredential'],
    // VC 1.1's context defines no `name`: safe-mode JSON-LD would refuse it.
    issuer,
    issuanceDate: '2024-01-15T09:00:00Z',
    credentialSubject: { id: 'did:example:learner' },
    ...overrides,
  };
}

/** Signed by the reference implementation (@digitalbazaar/ed25519-signature-2020 5.4.0). */
async function signLegacy(credential: JsonObject, { key }: LegacyKey): Promise<JsonObject> {
  return (await vc.issue({ credential, suite: new Ed25519Signature2020({ key }), documentLoader })) as JsonObject;
}

describe('Ed25519Signature2020 and VC 1.1 (verification only)', () => {
  let alice: LegacyKey;
  let mallory: LegacyKey;
  beforeAll(async () => {
    alice = await legacyKey();
    mallory = await legacyKey();
  });

  it('a VC 1.1 credential signed by the reference Ed25519Signature2020 suite verifies, every check in plain words', async () => {
    const signed = await signLegacy(vc11(alice.did), alice);
    expect(signed.proof).toMatchObject({
      type: 'Ed25519Signature2020',
      proofPurpose: 'assertionMethod',
      proofValue: expect.stringMatching(/^z/) as string,
    });
    const result = await verifyCredential({ credential: signed, documentLoader, now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(statusOf(result, 'format')?.message).toBe(
      'This is a W3C Verifiable Credential (Verifiable Credentials 1.1)',
    );
    expect(statusOf(result, 'issuer')).toMatchObject({ status: 'passed', label: `Issued by ${alice.did}` });
    expect(statusOf(result, 'validFrom')).toMatchObject({ status: 'passed', message: 'Valid since 2024-01-15' });
    expect(statusOf(result, 'schema')?.status).toBe('skipped');
    expect(result.facts).toMatchObject({ issuerId: alice.did, issuanceDate: '2024-01-15T09:00:00Z' });
  });

  it('a VC 2.0 credential with an Ed25519Signature2020 proof verifies too', async () => {
    const { issuanceDate: _v11Date, ...rest } = vc11(alice.did);
    const credential = { ...rest, '@context': [V2, ED2020], validFrom: '2024-01-15T09:00:00Z' };
    const signed = await signLegacy(credential, alice);
    const result = await verifyCredential({ credential: signed, documentLoader, now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
  });

  it('a tampered Ed25519Signature2020 credential fails its signature', async () => {
    const signed = await signLegacy(vc11(alice.did), alice);
    const result = await verifyCredential({
      credential: { ...signed, credentialSubject: { id: 'did:example:someone-else' } },
      documentLoader,
      now: NOW,
    });
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'proof')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('does not match the content') as string,
    });
  });

  it('a 2020 proof whose key is not the issuer’s fails the issuer check, though the signature itself is good', async () => {
    const signed = await signLegacy(vc11(alice.did), mallory);
    const result = await verifyCredential({ credential: signed, documentLoader, now: NOW });
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'proof')?.status).toBe('passed');
    expect(statusOf(result, 'issuer')).toMatchObject({
      status: 'failed',
      message: `The signing key belongs to ${mallory.did}, not to the issuer ${alice.did}`,
    });
  });

  it('a 2020 proof made for authentication does not issue a credential', async () => {
    const signed = await signLegacy(vc11(alice.did), alice);
    const proof = signed.proof as JsonObject;
    const result = await verifyCredential({
      credential: { ...signed, proof: { ...proof, proofPurpose: 'authentication' } },
      documentLoader,
      now: NOW,
    });
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'proof')?.message).toContain('Unexpected proof purpose "authentication"');
  });

  it('a 2020 proofValue that is not base58btc is refused', async () => {
    const signed = await signLegacy(vc11(alice.did), alice);
    const proof = signed.proof as JsonObject;
    const asBase64 = `u${Buffer.from('x'.repeat(64)).toString('base64url')}`;
    const result = await verifyCredential({
      credential: { ...signed, proof: { ...proof, proofValue: asBase64 } },
      documentLoader,
      now: NOW,
    });
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'proof')?.message).toContain('must be base58btc');
  });

  it('a VC 1.1 credential past its expirationDate fails; one before its issuanceDate fails', async () => {
    const expired = await signLegacy(vc11(alice.did, { expirationDate: '2025-01-01T00:00:00Z' }), alice);
    const late = await verifyCredential({ credential: expired, documentLoader, now: NOW });
    expect(late.verified).toBe(false);
    expect(statusOf(late, 'validUntil')).toMatchObject({ status: 'failed', message: 'Expired on 2025-01-01' });
    const early = await verifyCredential({
      credential: expired,
      documentLoader,
      now: new Date('2023-06-01T00:00:00Z'),
    });
    expect(early.verified).toBe(false);
    expect(statusOf(early, 'validFrom')).toMatchObject({ status: 'failed', message: 'Not valid until 2024-01-15' });
    const inForce = await verifyCredential({
      credential: expired,
      documentLoader,
      now: new Date('2024-06-01T00:00:00Z'),
    });
    expect(inForce.verified).toBe(true);
    expect(statusOf(inForce, 'validUntil')?.message).toBe('Valid until 2025-01-01');
  });

  it('a VC 1.1 credential without issuanceDate fails', async () => {
    const credential = vc11(alice.did);
    delete credential.issuanceDate;
    // Signed by our own Data Integrity code: the reference vc.issue would add an issuanceDate.
    const keys = generateEd25519Multikey();
    const did = didKeyFromPublicKey(keys.publicKeyMultibase);
    const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
    const signed = await signCredential({
      credential: { ...credential, issuer: did },
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: NOW,
    });
    const result = await verifyCredential({ credential: signed, documentLoader, now: NOW });
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'validFrom')).toMatchObject({
      status: 'failed',
      message: 'The credential has no valid issue date (issuanceDate)',
    });
  });

  it('a VC 1.1 credential with a DataIntegrityProof (eddsa-rdfc-2022 and eddsa-jcs-2022) verifies', async () => {
    const keys = generateEd25519Multikey();
    const did = didKeyFromPublicKey(keys.publicKeyMultibase);
    const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
    const credential = { ...vc11(did), '@context': [V1, 'https://w3id.org/security/data-integrity/v2'] };
    for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const) {
      const signed = await signCredential({ credential, signer, cryptosuite, documentLoader, now: NOW });
      const result = await verifyCredential({ credential: signed, documentLoader, now: NOW });
      expect(result.errors).toEqual([]);
      expect(result.verified).toBe(true);
      const tampered = await verifyCredential({
        credential: { ...signed, issuanceDate: '2020-01-01T00:00:00Z' },
        documentLoader,
        now: NOW,
      });
      expect(tampered.verified).toBe(false);
    }
  });

  it('VC 1.1 dates come from the signed meaning: an unmapped spelling cannot hide an expiry', async () => {
    // "expirationDate" written as its full IRI signs the same as the term; the verifier must see it.
    const signed = await signLegacy(
      vc11(alice.did, {
        'https://www.w3.org/2018/credentials#expirationDate': {
          '@value': '2025-01-01T00:00:00Z',
          '@type': 'http://www.w3.org/2001/XMLSchema#dateTime',
        },
      }),
      alice,
    );
    const result = await verifyCredential({ credential: signed, documentLoader, now: NOW });
    expect(statusOf(result, 'proof')?.status).toBe('passed');
    expect(statusOf(result, 'validUntil')).toMatchObject({ status: 'failed', message: 'Expired on 2025-01-01' });
    expect(result.verified).toBe(false);
  });

  it('a VC-JWT must still be VC 2.0: a VC 1.1 payload is refused', async () => {
    const header = Buffer.from(
      JSON.stringify({ alg: 'EdDSA', kid: `${alice.did}#${alice.key.publicKeyMultibase}` }),
    ).toString('base64url');
    const payload = Buffer.from(JSON.stringify(vc11(alice.did))).toString('base64url');
    const result = await verifyCredential({
      credential: `${header}.${payload}.${'A'.repeat(86)}`,
      documentLoader,
      now: NOW,
    });
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'format')?.message).toContain('Not a W3C Verifiable Credential 2.0');
  });
});

describe('key resolution by purpose', () => {
  const keys = generateEd25519Multikey();
  const controller = 'https://keys.example/issuer';
  const methodId = `${controller}#key-1`;
  const controllerDocument = (relationship: 'assertionMethod' | 'authentication'): JsonObject => ({
    '@context': ['https://www.w3.org/ns/did/v1', ED2020],
    id: controller,
    verificationMethod: [
      { id: methodId, type: 'Ed25519VerificationKey2020', controller, publicKeyMultibase: keys.publicKeyMultibase },
    ],
    [relationship]: [methodId],
  });

  it('an Ed25519VerificationKey2020 under assertionMethod resolves for issuing, not for authenticating', async () => {
    const loader = createDocumentLoader({ extra: { [controller]: controllerDocument('assertionMethod') } });
    await expect(resolveAssertionKey(methodId, loader)).resolves.toEqual({
      id: methodId,
      controller,
      publicKeyMultibase: keys.publicKeyMultibase,
    });
    await expect(resolveAssertionKey(methodId, loader, 'authentication')).rejects.toThrow(
      'not authorised to authenticate its controller (not an authentication method)',
    );
  });

  it('a key under authentication only resolves for presentations, never for issuing', async () => {
    const loader = createDocumentLoader({ extra: { [controller]: controllerDocument('authentication') } });
    await expect(resolveAssertionKey(methodId, loader, 'authentication')).resolves.toMatchObject({ controller });
    await expect(resolveAssertionKey(methodId, loader)).rejects.toThrow(
      'not authorised to issue credentials (not an assertionMethod)',
    );
  });

  it('a did:key serves both purposes', async () => {
    const did = didKeyFromPublicKey(keys.publicKeyMultibase);
    for (const purpose of ['assertionMethod', 'authentication'] as const) {
      await expect(resolveAssertionKey(didKeyVerificationMethod(did), documentLoader, purpose)).resolves.toMatchObject({
        controller: did,
      });
    }
  });
});

describe('1EdTechRevocationList status', () => {
  const LIST = 'https://1edtech.edu/credentials/3732/revocations';
  const ID = 'http://1edtech.edu/credentials/3732';
  const ISSUER = 'https://1edtech.edu/issuers/565049';
  const verifyWith = async (fetchStatusList: FetchStatusList): Promise<VerificationResult> => {
    const credential = fixture('ob3-complete.json');
    return verifyCredential({ credential, documentLoader: fixtureLoader(credential), now: NOW, fetchStatusList });
  };

  it('a list naming the credential revokes it (with or without revoked: true)', async () => {
    for (const entry of [{ id: ID }, { id: ID, revoked: true, revocationReason: 'Issued in error' }]) {
      const result = await verifyWith(() => Promise.resolve({ id: LIST, issuer: ISSUER, revokedCredentials: [entry] }));
      expect(result.verified).toBe(false);
      expect(statusOf(result, 'revocation')).toMatchObject({
        status: 'failed',
        message: 'The issuer has revoked this credential',
      });
      expect(statusOf(result, 'proof')?.status).toBe('passed');
    }
  });

  it('an entry with revoked: false, or an empty list, leaves it in force; a list served as JSON text is read', async () => {
    for (const list of [
      { revokedCredentials: [{ id: ID, revoked: false }] },
      { id: LIST, revokedCredentials: [] },
      JSON.stringify({ revokedCredentials: [] }),
    ]) {
      const result = await verifyWith(() => Promise.resolve(list));
      expect(statusOf(result, 'revocation')?.status).toBe('passed');
      expect(result.verified).toBe(true);
    }
  });

  it.each<[string, FetchStatusList, string]>([
    [
      'cannot be fetched',
      () => Promise.reject(new Error('HTTP 503')),
      'The revocation list could not be fetched: HTTP 503',
    ],
    ['is not JSON', () => Promise.resolve('<html>'), 'The revocation list is not JSON'],
    [
      'has no revokedCredentials',
      () => Promise.resolve({ id: LIST }),
      'The revocation list has no revokedCredentials list',
    ],
    [
      'says it is another list',
      () => Promise.resolve({ id: 'https://elsewhere.example/list', revokedCredentials: [] }),
      'says it is https://elsewhere.example/list',
    ],
    [
      'names another issuer',
      () => Promise.resolve({ issuer: 'did:web:elsewhere.example', revokedCredentials: [] }),
      'was published by did:web:elsewhere.example',
    ],
    [
      'has an entry that is neither true nor false',
      () => Promise.resolve({ revokedCredentials: [{ id: ID, revoked: 'yes' }] }),
      'says neither true nor false',
    ],
  ])('a list that %s fails the credential as unreadable', async (_what, fetchStatusList, message) => {
    const result = await verifyWith(fetchStatusList);
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'revocation')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining(message) as string,
    });
  });

  it('the list URL comes from the signed meaning, and the lookup needs a credential id', async () => {
    const fetched: string[] = [];
    await verifyWith((url) => {
      fetched.push(url);
      return Promise.resolve({ revokedCredentials: [] });
    });
    expect(fetched).toEqual([LIST]);
    await expect(
      checkRevocationList(() => Promise.resolve({ revokedCredentials: [] }), {
        listUrl: LIST,
        credentialId: undefined,
      }),
    ).rejects.toThrow(StatusCheckError);
  });

  it('a credential we sign with a 1EdTechRevocationList entry is checked the same way', async () => {
    const keys = generateEd25519Multikey();
    const did = didKeyFromPublicKey(keys.publicKeyMultibase);
    const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
    const credential = sampleCredential(did, {
      credentialStatus: { id: 'https://acme.example/revocations', type: '1EdTechRevocationList' },
    });
    const signed = await signCredential({
      credential,
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: NOW,
    });
    const listed = await verifyCredential({
      credential: signed,
      documentLoader,
      now: NOW,
      fetchStatusList: () => Promise.resolve({ revokedCredentials: [{ id: credential.id as string }] }),
    });
    expect(statusOf(listed, 'revocation')?.status).toBe('failed');
    const clear = await verifyCredential({
      credential: signed,
      documentLoader,
      now: NOW,
      fetchStatusList: () => Promise.resolve({ revokedCredentials: [] }),
    });
    expect(clear.verified).toBe(true);
  });
});

describe('the refreshed OB 3.0 context', () => {
  it('a credential carrying endorsementJwt signs with eddsa-rdfc-2022 and verifies; the JWTs are covered by the signature', async () => {
    const keys = generateEd25519Multikey();
    const did = didKeyFromPublicKey(keys.publicKeyMultibase);
    const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
    const endorsementJwt = ['eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZTplbmRvcnNlciJ9.c2lnbmF0dXJl'];
    const signed = await signCredential({
      credential: sampleCredential(did, { endorsementJwt }),
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: NOW,
    });
    const result = await verifyCredential({ credential: signed, documentLoader, now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    const swapped = await verifyCredential({
      credential: { ...signed, endorsementJwt: ['eyJhbGciOiJFZERTQSJ9.e30.b3RoZXI'] },
      documentLoader,
      now: NOW,
    });
    expect(statusOf(swapped, 'proof')?.status).toBe('failed');
  });
});
