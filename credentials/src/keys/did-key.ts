import { CONTEXT_URLS } from '../contexts/context-urls.js';
import type { JsonObject } from '../util/json.js';
import { isPublicKeyMultibase, type PublicKeyMultibase } from './multikey.js';

export type DidKey = `did:key:${PublicKeyMultibase}`;

/** The did:key DID for an Ed25519 Multikey public key. */
export function didKeyFromPublicKey(publicKeyMultibase: string): DidKey {
  if (!isPublicKeyMultibase(publicKeyMultibase)) throw new TypeError('Expected an Ed25519 Multikey public key (z6Mk…)');
  return `did:key:${publicKeyMultibase}`;
}

/** The verification method id of a did:key (`did:key:z6Mk…#z6Mk…`). */
export function didKeyVerificationMethod(did: string): `${string}#${string}` {
  return `${did}#${did.slice('did:key:'.length)}`;
}

/**
 * The DID document of an Ed25519 did:key, with a Multikey verification method. Built locally:
 * a did:key carries its key, so there is nothing to fetch.
 */
export function didKeyDocument(did: string): JsonObject {
  const publicKeyMultibase = did.startsWith('did:key:') ? did.slice('did:key:'.length) : '';
  if (!isPublicKeyMultibase(publicKeyMultibase)) {
    throw new Error(`Unsupported did:key "${did}": only Ed25519 keys (did:key:z6Mk…) are supported`);
  }
  const id = didKeyVerificationMethod(did);
  return {
    '@context': [CONTEXT_URLS.didV1, CONTEXT_URLS.multikeyV1],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase }],
    authentication: [id],
    assertionMethod: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  };
}
