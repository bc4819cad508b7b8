import { isPublicKeyMultibase, publicKeyFromSecret, type PublicKeyMultibase, type SecretKeyMultibase } from './multikey.js';

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
export function createSigner({ verificationMethod, publicKeyMultibase, secretKeyMultibase }: {
  verificationMethod: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}): Signer {
  if (typeof verificationMethod !== 'string' || !/^[^#]+#.+$/.test(verificationMethod)) {
    throw new TypeError('verificationMethod must be a URL with a fragment, e.g. did:web:example.com#key-1');
  }
  if (!isPublicKeyMultibase(publicKeyMultibase)) throw new TypeError('publicKeyMultibase must be an Ed25519 Multikey (z6Mk…)');
  let derived: string;
  try {
    derived = publicKeyFromSecret(secretKeyMultibase);
  } catch (error) {
    throw new TypeError(`secretKeyMultibase is not a usable Ed25519 secret key: ${(error as Error).message}`, { cause: error });
  }
  if (derived !== publicKeyMultibase) throw new TypeError('secretKeyMultibase does not belong to publicKeyMultibase');
  return {
    verificationMethod: verificationMethod as VerificationMethodId,
    publicKeyMultibase,
    secretKeyMultibase: secretKeyMultibase as SecretKeyMultibase,
  };
}
