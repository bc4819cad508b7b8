import type { KeyObject } from 'node:crypto';
import {
  isPublicKeyMultibase,
  privateKeyObject,
  publicKeyFromSecret,
  type PublicKeyMultibase,
  type SecretKeyMultibase,
} from './multikey.js';

/** A verification method URL: a controller id plus a fragment naming the key. */
export type VerificationMethodId = `${string}#${string}`;

/**
 * Everything needed to sign as an issuer. Build it with `createSigner`, which checks that the
 * secret key belongs to the public key, so a Signer that signs with the wrong key cannot exist.
 */
export type Signer = {
  readonly verificationMethod: VerificationMethodId;
  readonly publicKeyMultibase: PublicKeyMultibase;
  readonly secretKeyMultibase: SecretKeyMultibase;
};

/** Validates and assembles a Signer; throws TypeError when the parts do not fit together. */
export function createSigner({
  verificationMethod,
  publicKeyMultibase,
  secretKeyMultibase,
}: {
  verificationMethod: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}): Signer {
  if (typeof verificationMethod !== 'string' || !/^[^#]+#.+$/.test(verificationMethod)) {
    throw new TypeError('verificationMethod must be a URL with a fragment, e.g. did:web:example.com#key-1');
  }
  if (!isPublicKeyMultibase(publicKeyMultibase))
    throw new TypeError('publicKeyMultibase must be an Ed25519 Multikey (z6Mk…)');
  let derived: string;
  try {
    derived = publicKeyFromSecret(secretKeyMultibase);
  } catch (error) {
    throw new TypeError(`secretKeyMultibase is not a usable Ed25519 secret key: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (derived !== publicKeyMultibase) throw new TypeError('secretKeyMultibase does not belong to publicKeyMultibase');
  // Frozen: the key imported for it (signingKeyOf) must stay the key it names.
  return Object.freeze({
    verificationMethod: verificationMethod as VerificationMethodId,
    publicKeyMultibase,
    secretKeyMultibase: secretKeyMultibase as SecretKeyMultibase,
  });
}

// The node:crypto key of each Signer, imported once for as long as the Signer lives (importing
// costs more than an Ed25519 signature; a shared cache keyed by secret would be evicted by a
// server signing for many organisations).
const signingKeys = new WeakMap<Signer, KeyObject>();

/** The private KeyObject a Signer signs with, imported on first use. */
export function signingKeyOf(signer: Signer): KeyObject {
  let key = signingKeys.get(signer);
  if (!key) {
    key = privateKeyObject(signer.secretKeyMultibase);
    signingKeys.set(signer, key);
  }
  return key;
}
