import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { base58Decode, base58Encode } from '../util/base58.js';

/** An Ed25519 public key as Multikey: `z` + base58btc(0xed01 ‖ 32 bytes), so always `z6Mk…`. */
export type PublicKeyMultibase = `z6Mk${string}`;
/** An Ed25519 secret key as Multikey: `z` + base58btc(0x8026 ‖ 32-byte seed), so `z3u2…`. */
export type SecretKeyMultibase = `z${string}`;

export type Ed25519Multikey = { publicKeyMultibase: PublicKeyMultibase; secretKeyMultibase: SecretKeyMultibase };

const PUBLIC_HEADER = [0xed, 0x01] as const;
const SECRET_HEADER = [0x80, 0x26] as const;
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Generates a fresh Ed25519 key pair in Multikey form (what Cairn stores, encrypted, per issuer). */
export function generateEd25519Multikey(): Ed25519Multikey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return { publicKeyMultibase: encodePublicKey(raw), secretKeyMultibase: encodeSecretKey(seed) };
}

/** Multikey text for 32 raw Ed25519 public key bytes. */
export function encodePublicKey(raw: Uint8Array): PublicKeyMultibase {
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  return `z${base58Encode(Uint8Array.from([...PUBLIC_HEADER, ...raw]))}` as PublicKeyMultibase;
}

/** Multikey text for a 32-byte Ed25519 seed. */
export function encodeSecretKey(seed: Uint8Array): SecretKeyMultibase {
  if (seed.length !== 32) throw new Error('An Ed25519 secret key (seed) is 32 bytes');
  return `z${base58Encode(Uint8Array.from([...SECRET_HEADER, ...seed]))}`;
}

/** True when the text is an Ed25519 Multikey public key (right prefix, header and length). */
export function isPublicKeyMultibase(value: unknown): value is PublicKeyMultibase {
  if (typeof value !== 'string' || !value.startsWith('z6Mk')) return false;
  try {
    decodePublicKey(value);
    return true;
  } catch {
    return false;
  }
}

/** The 32 raw bytes of an Ed25519 Multikey public key; throws on any other key type. */
export function decodePublicKey(multibase: string): Uint8Array {
  const bytes = decodeMultibase(multibase, 'public key');
  if (bytes[0] !== PUBLIC_HEADER[0] || bytes[1] !== PUBLIC_HEADER[1] || bytes.length !== 34) {
    throw new Error('Not an Ed25519 Multikey public key (expected header 0xed01 and 32 bytes)');
  }
  return bytes.subarray(2);
}

/** The 32-byte seed of an Ed25519 Multikey secret key (seed ‖ public, 64 bytes, is accepted too). */
export function decodeSecretKey(multibase: string): Uint8Array {
  const bytes = decodeMultibase(multibase, 'secret key');
  if (bytes[0] !== SECRET_HEADER[0] || bytes[1] !== SECRET_HEADER[1] || (bytes.length !== 34 && bytes.length !== 66)) {
    throw new Error('Not an Ed25519 Multikey secret key (expected header 0x8026 and 32 bytes)');
  }
  return bytes.subarray(2, 34);
}

function decodeMultibase(multibase: string, what: string): Uint8Array {
  if (typeof multibase !== 'string' || !multibase.startsWith('z')) {
    throw new Error(`The ${what} must be base58btc multibase text starting with "z"`);
  }
  return base58Decode(multibase.slice(1));
}

// Importing a key costs more than a signature: keep the KeyObjects of keys in use.
const publicKeys = new Map<string, KeyObject>();
const privateKeys = new Map<string, KeyObject>();
const MAX_CACHED = 1000;

function remember(cache: Map<string, KeyObject>, key: string, value: KeyObject): KeyObject {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** A node:crypto public KeyObject for an Ed25519 Multikey public key. */
export function publicKeyObject(publicKeyMultibase: string): KeyObject {
  const cached = publicKeys.get(publicKeyMultibase);
  if (cached) return cached;
  const x = Buffer.from(decodePublicKey(publicKeyMultibase)).toString('base64url');
  return remember(
    publicKeys,
    publicKeyMultibase,
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }),
  );
}

/** A node:crypto private KeyObject for an Ed25519 Multikey secret key. */
export function privateKeyObject(secretKeyMultibase: string): KeyObject {
  const cached = privateKeys.get(secretKeyMultibase);
  if (cached) return cached;
  const der = Buffer.concat([PKCS8_PREFIX, decodeSecretKey(secretKeyMultibase)]);
  return remember(privateKeys, secretKeyMultibase, createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

/** The Multikey public key that belongs to a secret key. */
export function publicKeyFromSecret(secretKeyMultibase: string): PublicKeyMultibase {
  const jwk = createPublicKey(privateKeyObject(secretKeyMultibase)).export({ format: 'jwk' });
  return encodePublicKey(Buffer.from(jwk.x ?? '', 'base64url'));
}
