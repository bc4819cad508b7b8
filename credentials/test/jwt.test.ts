import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildDidWebDocument,
  createDocumentLoader,
  createSigner,
  decodeJwt,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signJwt,
  verifyCredential,
} from '../src/index.js';
import { fixtureText, sampleCredential } from './helpers.js';

const keys = generateEd25519Multikey();
const did = didKeyFromPublicKey(keys.publicKeyMultibase);
const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('VC-JWT', () => {
  it('signs with EdDSA, kid and typ, and the registered claims', () => {
    const credential = sampleCredential(did, { validUntil: '2030-01-01T00:00:00Z' });
    (credential.credentialSubject as { id?: string }).id = 'did:example:learner';
    const { header, payload } = decodeJwt(signJwt({ credential, signer }));
    expect(header).toEqual({ alg: 'EdDSA', kid: signer.verificationMethod, typ: 'vc+jwt' });
    expect(payload).toMatchObject({
      iss: did,
      jti: credential.id,
      sub: 'did:example:learner',
      nbf: Date.parse('2025-01-15T09:00:00Z') / 1000,
      exp: Date.parse('2030-01-01T00:00:00Z') / 1000,
      name: 'Safe Lifting Practices',
    });
    expect(payload.proof).toBeUndefined();
  });

  it('sign → verify', async () => {
    const result = await verifyCredential({ credential: signJwt({ credential: sampleCredential(did), signer }) });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.format).toBe('jwt');
    expect(result.credential?.id).toBe(sampleCredential(did).id);
    expect(result.checks.find((c) => c.id === 'issuer')).toMatchObject({
      status: 'passed',
      label: 'Issued by Acme Training',
    });
  });

  it('refuses the 1EdTech RS256 fixture: its key travels in the jwk header, so nothing ties it to the issuer', async () => {
    const result = await verifyCredential({ credential: fixtureText('ob3-vc-jwt-rs256.jwt') });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.id === 'format')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('jwk') as string,
    });
  });

  it('verifies RS256 when the key is an assertion method (JsonWebKey) of the issuer DID', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const issuer = 'did:web:rsa.example';
    const documents: Record<string, unknown> = {
      [issuer]: {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: issuer,
        verificationMethod: [
          {
            id: `${issuer}#rsa-1`,
            type: 'JsonWebKey',
            controller: issuer,
            publicKeyJwk: rsa.publicKey.export({ format: 'jwk' }),
          },
        ],
        assertionMethod: [`${issuer}#rsa-1`],
      },
    };
    const documentLoader = createDocumentLoader({ resolveDid: (d) => Promise.resolve(documents[d]) });
    const { payload } = decodeJwt(signJwt({ credential: sampleCredential(issuer), signer }));
    const input = `${b64({ alg: 'RS256', kid: `${issuer}#rsa-1`, typ: 'vc+jwt' })}.${b64({ ...payload, iss: issuer })}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), rsa.privateKey).toString('base64url')}`;
    const result = await verifyCredential({ credential: token, documentLoader });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    // The same token with the key listed but not as an assertion method is refused.
    const notAssertion: Record<string, unknown> = {
      ...documents,
      [issuer]: { ...(documents[issuer] as object), assertionMethod: [] },
    };
    const refused = await verifyCredential({
      credential: token,
      documentLoader: createDocumentLoader({ resolveDid: (d) => Promise.resolve(notAssertion[d]) }),
    });
    expect(refused.verified).toBe(false);
    expect(refused.checks.find((c) => c.id === 'issuer')?.message).toContain('not an assertionMethod');
  });

  it('refuses alg none, unknown algorithms and extra header fields', async () => {
    const token = signJwt({ credential: sampleCredential(did), signer });
    const [, payload] = token.split('.');
    for (const header of [
      { alg: 'none' },
      { alg: 'HS256', kid: signer.verificationMethod },
      { alg: 'EdDSA', kid: signer.verificationMethod, crit: ['b64'], b64: false },
    ]) {
      const forged = `${b64(header)}.${payload}.`;
      const result = await verifyCredential({ credential: forged });
      expect(result.verified).toBe(false);
      expect(result.checks.find((c) => c.id === 'format')?.status).toBe('failed');
    }
  });

  it('rejects a key swap: RS256 header over an Ed25519 kid, and any token that brings its own key', async () => {
    const token = signJwt({ credential: sampleCredential(did), signer });
    const [, payload, signature] = token.split('.');
    const swapped = `${b64({ alg: 'RS256', kid: signer.verificationMethod })}.${payload}.${signature}`;
    expect((await verifyCredential({ credential: swapped })).verified).toBe(false);
    // An attacker's key in the header, even with a signature that matches it: never trusted.
    const other = generateKeyPairSync('ed25519');
    for (const extra of [
      { jwk: other.publicKey.export({ format: 'jwk' }) },
      { x5c: ['MIIB'] },
      { jku: 'https://evil.example/jwks' },
      { x5u: 'https://evil.example/cert' },
    ]) {
      const input = `${b64({ alg: 'EdDSA', kid: signer.verificationMethod, ...extra })}.${payload}`;
      const forged = `${input}.${sign(null, Buffer.from(input), other.privateKey).toString('base64url')}`;
      const result = await verifyCredential({ credential: forged });
      expect(result.verified).toBe(false);
      expect(result.checks.find((c) => c.id === 'format')?.message).toContain(Object.keys(extra)[0]!);
    }
    // A kid of the attacker's own did:key while naming the victim as issuer.
    const attackerKeys = generateEd25519Multikey();
    const attackerDid = didKeyFromPublicKey(attackerKeys.publicKeyMultibase);
    const attacker = createSigner({ verificationMethod: didKeyVerificationMethod(attackerDid), ...attackerKeys });
    const forgedByKid = signJwt({ credential: sampleCredential(did), signer: attacker });
    const result = await verifyCredential({ credential: forgedByKid });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.id === 'issuer')?.message).toContain('is not a key of the issuer');
  });

  it('fails when the iss claim disagrees with the issuer', async () => {
    const credential = sampleCredential(did);
    const { header, payload } = decodeJwt(signJwt({ credential, signer }));
    const input = `${b64(header)}.${b64({ ...payload, iss: 'did:example:someone-else' })}`;
    const { privateKeyObject } = await import('../src/keys/multikey.js');
    const token = `${input}.${sign(null, Buffer.from(input), privateKeyObject(keys.secretKeyMultibase)).toString('base64url')}`;
    const result = await verifyCredential({ credential: token });
    expect(result.checks.find((c) => c.id === 'issuer')).toMatchObject({ status: 'failed' });
  });

  it('binds a did:web kid to the issuer: another host fails', async () => {
    const issuer = 'did:web:acme.example';
    const impostor = 'did:web:evil.example';
    const webSigner = createSigner({ verificationMethod: `${impostor}#key-1`, ...keys });
    const documents: Record<string, unknown> = {
      [impostor]: buildDidWebDocument({
        did: impostor,
        keys: [{ id: 'key-1', publicKeyMultibase: keys.publicKeyMultibase, isActive: true }],
      }),
    };
    const documentLoader = createDocumentLoader({ resolveDid: (d) => Promise.resolve(documents[d]) });
    const token = signJwt({ credential: sampleCredential(issuer), signer: webSigner });
    const result = await verifyCredential({ credential: token, documentLoader });
    expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('failed');
    expect(result.checks.find((c) => c.id === 'issuer')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('evil.example') as string,
    });
    expect(result.verified).toBe(false);
  });
});
