import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildDidWebDocument, createDocumentLoader, createSigner, decodeJwt, didKeyFromPublicKey, didKeyVerificationMethod,
  generateEd25519Multikey, signJwt, verifyCredential,
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
      iss: did, jti: credential.id, sub: 'did:example:learner',
      nbf: Date.parse('2025-01-15T09:00:00Z') / 1000, exp: Date.parse('2030-01-01T00:00:00Z') / 1000,
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
    expect(result.checks.find((c) => c.id === 'issuer')).toMatchObject({ status: 'passed', label: 'Issued by Acme Training' });
  });

  it('verifies the 1EdTech RS256 fixture through its jwk header', async () => {
    const result = await verifyCredential({ credential: fixtureText('ob3-vc-jwt-rs256.jwt') });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
    // An embedded jwk proves integrity, not who the issuer is.
    expect(result.checks.find((c) => c.id === 'issuer')?.status).toBe('warning');
  });

  it('refuses alg none, unknown algorithms and extra header fields', async () => {
    const token = signJwt({ credential: sampleCredential(did), signer });
    const [, payload] = token.split('.');
    for (const header of [{ alg: 'none' }, { alg: 'HS256', kid: signer.verificationMethod }, { alg: 'EdDSA', kid: signer.verificationMethod, crit: ['b64'], b64: false }]) {
      const forged = `${b64(header)}.${payload}.`;
      const result = await verifyCredential({ credential: forged });
      expect(result.verified).toBe(false);
      expect(result.checks.find((c) => c.id === 'format')?.status).toBe('failed');
    }
  });

  it('rejects a key swap: RS256 header over an Ed25519 kid, and a jwk that did not sign', async () => {
    const token = signJwt({ credential: sampleCredential(did), signer });
    const [, payload, signature] = token.split('.');
    const swapped = `${b64({ alg: 'RS256', kid: signer.verificationMethod })}.${payload}.${signature}`;
    expect((await verifyCredential({ credential: swapped })).verified).toBe(false);
    const other = generateKeyPairSync('ed25519');
    const withJwk = `${b64({ alg: 'EdDSA', jwk: other.publicKey.export({ format: 'jwk' }) })}.${payload}`;
    const bad = `${withJwk}.${signature}`;
    expect((await verifyCredential({ credential: bad })).checks.find((c) => c.id === 'proof')?.status).toBe('failed');
    const good = `${withJwk}.${sign(null, Buffer.from(withJwk), other.privateKey).toString('base64url')}`;
    expect((await verifyCredential({ credential: good })).verified).toBe(true);
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
      [impostor]: buildDidWebDocument({ did: impostor, keys: [{ id: 'key-1', publicKeyMultibase: keys.publicKeyMultibase, isActive: true }] }),
    };
    const documentLoader = createDocumentLoader({ resolveDid: (d) => Promise.resolve(documents[d]) });
    const token = signJwt({ credential: sampleCredential(issuer), signer: webSigner });
    const result = await verifyCredential({ credential: token, documentLoader });
    expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
    expect(result.checks.find((c) => c.id === 'issuer')).toMatchObject({ status: 'failed', message: expect.stringContaining('evil.example') as string });
    expect(result.verified).toBe(false);
  });
});
