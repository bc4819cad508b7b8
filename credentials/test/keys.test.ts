import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildDidWebDocument,
  createDocumentLoader,
  createSigner,
  decryptSecret,
  didKeyDocument,
  didKeyFromPublicKey,
  didWebFromUrl,
  didWebToUrl,
  encryptSecret,
  generateEd25519Multikey,
  parseMasterKey,
  publicKeyFromSecret,
  signCredential,
  verifyCredential,
} from '../src/index.js';
import { base58Decode, base58Encode } from '../src/util/base58.js';
import { fixture, sampleCredential } from './helpers.js';

describe('Ed25519 Multikey', () => {
  it('generates z6Mk public keys whose secret derives the same public key', () => {
    const keys = generateEd25519Multikey();
    expect(keys.publicKeyMultibase).toMatch(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(keys.secretKeyMultibase).toMatch(/^z3u2/);
    expect(publicKeyFromSecret(keys.secretKeyMultibase)).toBe(keys.publicKeyMultibase);
  });

  it('agrees with the W3C test key pair', () => {
    const pair = fixture('w3c-eddsa-test-keypair.json') as { publicKeyMultibase: string; privateKeyMultibase: string };
    expect(publicKeyFromSecret(pair.privateKeyMultibase)).toBe(pair.publicKeyMultibase);
  });

  it('base58 round-trips, leading zeros included', () => {
    for (const bytes of [new Uint8Array([0, 0, 1, 2, 255]), randomBytes(34), new Uint8Array(0)]) {
      expect(Buffer.from(base58Decode(base58Encode(bytes))).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(() => base58Decode('0OIl')).toThrow(/Invalid base58/);
  });

  it('createSigner refuses mismatched or malformed keys', () => {
    const a = generateEd25519Multikey();
    const b = generateEd25519Multikey();
    expect(() =>
      createSigner({
        verificationMethod: 'did:web:x#k',
        publicKeyMultibase: a.publicKeyMultibase,
        secretKeyMultibase: b.secretKeyMultibase,
      }),
    ).toThrow(/does not belong/);
    expect(() => createSigner({ verificationMethod: 'did:web:x', ...a })).toThrow(/fragment/);
    expect(() =>
      createSigner({
        verificationMethod: 'did:web:x#k',
        publicKeyMultibase: 'zabc',
        secretKeyMultibase: a.secretKeyMultibase,
      }),
    ).toThrow(TypeError);
  });
});

describe('secret encryption (AES-256-GCM)', () => {
  const masterKey = parseMasterKey(randomBytes(32).toString('base64'));

  it('round-trips with a versioned, self-describing format and a fresh IV each time', () => {
    const { secretKeyMultibase } = generateEd25519Multikey();
    const a = encryptSecret(secretKeyMultibase, masterKey);
    const b = encryptSecret(secretKeyMultibase, masterKey);
    expect(a).toMatch(/^cairn-secret:v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(decryptSecret(a, masterKey)).toBe(secretKeyMultibase);
  });

  it('detects tampering and a wrong key', () => {
    const sealed = encryptSecret('top secret', masterKey);
    const parts = sealed.split(':');
    const data = Buffer.from(parts[4]!, 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    const altered = [...parts.slice(0, 4), data.toString('base64url')].join(':');
    expect(() => decryptSecret(altered, masterKey)).toThrow(/altered or the master key is wrong/);
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow(/altered or the master key is wrong/);
    expect(() => decryptSecret(sealed.replace('v1', 'v9'), masterKey)).toThrow(/known version/);
    expect(() => decryptSecret('cairn-secret:v1:abc', masterKey)).toThrow(/Malformed/);
  });

  it('parses hex and base64 master keys with clear errors', () => {
    const raw = randomBytes(32);
    expect(parseMasterKey(raw.toString('hex')).equals(raw)).toBe(true);
    expect(parseMasterKey(raw.toString('base64')).equals(raw)).toBe(true);
    expect(parseMasterKey(raw.toString('base64url')).equals(raw)).toBe(true);
    expect(() => parseMasterKey('')).toThrow(/missing/);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes; it decodes to 16/);
    expect(() => parseMasterKey('not a key!')).toThrow(/neither hex nor base64/);
  });
});

describe('DIDs', () => {
  it('maps did:web to and from URLs per the did:web spec', () => {
    expect(didWebFromUrl('http://localhost:3000', ['orgs', 'acme'])).toBe('did:web:localhost%3A3000:orgs:acme');
    expect(didWebFromUrl('https://acme.example')).toBe('did:web:acme.example');
    expect(didWebFromUrl('https://acme.example/base/', ['x'])).toBe('did:web:acme.example:base:x');
    expect(didWebToUrl('did:web:localhost%3A3000:orgs:acme')).toBe('https://localhost:3000/orgs/acme/did.json');
    expect(didWebToUrl('did:web:acme.example')).toBe('https://acme.example/.well-known/did.json');
    expect(didWebToUrl('did:web:acme.example#key-1')).toBe('https://acme.example/.well-known/did.json');
    expect(() => didWebToUrl('did:key:z6Mk')).toThrow(TypeError);
    expect(() => didWebToUrl('did:web:evil.example%2Fpath')).toThrow(/invalid host/);
  });

  it('builds a did:key document with a Multikey assertion method', () => {
    const { publicKeyMultibase } = generateEd25519Multikey();
    const did = didKeyFromPublicKey(publicKeyMultibase);
    const document = didKeyDocument(did);
    expect(document.verificationMethod).toEqual([
      { id: `${did}#${publicKeyMultibase}`, type: 'Multikey', controller: did, publicKeyMultibase },
    ]);
    expect(document.assertionMethod).toEqual([`${did}#${publicKeyMultibase}`]);
    expect(() => didKeyDocument('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme')).toThrow(/only Ed25519/);
  });

  it('lists every key of a did:web document, so a credential signed before rotation still verifies', async () => {
    const did = didWebFromUrl('https://acme.example', ['orgs', 'acme']);
    const oldKey = generateEd25519Multikey();
    const newKey = generateEd25519Multikey();
    const oldSigner = createSigner({ verificationMethod: `${did}#key-1`, ...oldKey });
    const before = { did, keys: [{ id: 'key-1', publicKeyMultibase: oldKey.publicKeyMultibase, isActive: true }] };
    const after = {
      did,
      keys: [
        { id: 'key-1', publicKeyMultibase: oldKey.publicKeyMultibase, isActive: false },
        { id: `${did}#key-2`, publicKeyMultibase: newKey.publicKeyMultibase, isActive: true },
      ],
    };
    const rotated = buildDidWebDocument(after);
    expect(rotated['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1']);
    expect(rotated.assertionMethod).toEqual([`${did}#key-2`, `${did}#key-1`]);

    let published = buildDidWebDocument(before);
    const resolved: string[] = [];
    const documentLoader = createDocumentLoader({
      resolveDid: (d) => {
        resolved.push(d);
        return Promise.resolve(d === did ? published : undefined);
      },
    });
    const signed = await signCredential({
      credential: sampleCredential(did),
      signer: oldSigner,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
    published = rotated;
    const result = await verifyCredential({ credential: signed, documentLoader });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(resolved).toContain(did);

    // A key dropped from the document no longer verifies.
    published = buildDidWebDocument({ did, keys: [after.keys[1]!] });
    expect((await verifyCredential({ credential: signed, documentLoader })).verified).toBe(false);
  });
});
