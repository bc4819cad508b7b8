import { createPublicKey, type KeyObject } from 'node:crypto';
import type { DocumentLoader } from '../contexts/document-loader.js';
import { isPublicKeyMultibase, publicKeyObject } from '../keys/multikey.js';
import { asArray, idOf, isJsonObject, type JsonObject } from '../util/json.js';

/** A verification method found in its controller document and allowed to make assertions. */
export type ResolvedKey = { id: string; controller: string; publicKeyMultibase: string };

/** A key for a VC-JWT: any verification method type JOSE can use, bound to its controller. */
export type ResolvedJwtKey = { id: string; controller: string; key: KeyObject };

/** The DID (or URL) part of a verification method id: everything before the fragment. */
export function controllerOfMethodId(verificationMethod: string): string {
  const hashAt = verificationMethod.indexOf('#');
  return hashAt === -1 ? verificationMethod : verificationMethod.slice(0, hashAt);
}

type Method = { id: string; controller: string; node: JsonObject };

/**
 * The verification relationship a proof must use: `assertionMethod` to issue credentials,
 * `authentication` to prove control of a DID (presentation proofs).
 */
export type KeyPurpose = 'assertionMethod' | 'authentication';

const PURPOSE_WORDS: Record<KeyPurpose, string> = {
  assertionMethod: 'to issue credentials (not an assertionMethod)',
  authentication: 'to authenticate its controller (not an authentication method)',
};

/**
 * Dereferences a verification method URL, then loads its controller document and checks the
 * key is listed under the relationship `purpose` names (else anyone could claim a key by naming a
 * controller). The method must live in its controller's own document: `did:a#k` controlled by
 * `did:b` is refused. Throws with a plain reason when any step fails.
 */
async function resolveMethod(
  verificationMethod: string,
  documentLoader: DocumentLoader,
  purpose: KeyPurpose,
): Promise<Method> {
  if (typeof verificationMethod !== 'string' || !verificationMethod.includes('#')) {
    throw new Error('The proof does not name a verification method URL with a fragment');
  }
  const { document: method } = await documentLoader(verificationMethod);
  if (!isJsonObject(method)) throw new Error(`The key ${verificationMethod} could not be read`);
  const controller = typeof method.controller === 'string' ? method.controller : undefined;
  if (!controller) throw new Error(`The key ${verificationMethod} names no controller`);
  if (controllerOfMethodId(verificationMethod) !== controller) {
    throw new Error(
      `The key ${verificationMethod} claims to be controlled by ${controller}, which does not publish it`,
    );
  }
  const { document: controllerDocument } = await documentLoader(controller);
  if (!isJsonObject(controllerDocument) || controllerDocument.id !== controller) {
    throw new Error(`The controller document of ${verificationMethod} does not have the id ${controller}`);
  }
  if (!isListedUnder(controllerDocument, purpose, verificationMethod, controller)) {
    throw new Error(`The key ${verificationMethod} is not authorised ${PURPOSE_WORDS[purpose]}`);
  }
  return { id: verificationMethod, controller, node: method };
}

/**
 * An Ed25519 public key (what Data Integrity eddsa-* and Ed25519Signature2020 proofs use): a
 * Multikey or an Ed25519VerificationKey2020, both written as `publicKeyMultibase` `z6Mk…`, listed
 * under `purpose` (assertionMethod unless a presentation proof asks for authentication).
 */
export async function resolveAssertionKey(
  verificationMethod: string,
  documentLoader: DocumentLoader,
  purpose: KeyPurpose = 'assertionMethod',
): Promise<ResolvedKey> {
  const { id, controller, node } = await resolveMethod(verificationMethod, documentLoader, purpose);
  const publicKeyMultibase = node.publicKeyMultibase;
  if (!isPublicKeyMultibase(publicKeyMultibase)) {
    throw new Error(`The key ${verificationMethod} is not an Ed25519 key (Multikey or Ed25519VerificationKey2020)`);
  }
  return { id, controller, publicKeyMultibase };
}

/**
 * An assertion method for a VC-JWT: an Ed25519 Multikey, or a `JsonWebKey`/`JsonWebKey2020`
 * public JWK. Private key material in a published JWK is refused.
 */
export async function resolveJwtAssertionKey(
  verificationMethod: string,
  documentLoader: DocumentLoader,
  purpose: KeyPurpose = 'assertionMethod',
): Promise<ResolvedJwtKey> {
  const { id, controller, node } = await resolveMethod(verificationMethod, documentLoader, purpose);
  if (isPublicKeyMultibase(node.publicKeyMultibase))
    return { id, controller, key: publicKeyObject(node.publicKeyMultibase) };
  const jwk = node.publicKeyJwk;
  if (isJsonObject(jwk)) {
    if ('d' in jwk || 'p' in jwk || 'k' in jwk)
      throw new Error(`The key ${verificationMethod} publishes private or symmetric key material`);
    try {
      return { id, controller, key: createPublicKey({ key: jwk as Record<string, string>, format: 'jwk' }) };
    } catch {
      throw new Error(`The key ${verificationMethod} is not a usable public JWK`);
    }
  }
  throw new Error(`The key ${verificationMethod} has neither publicKeyMultibase nor publicKeyJwk`);
}

function isListedUnder(document: JsonObject, relationship: KeyPurpose, id: string, controller: string): boolean {
  return asArray(document[relationship]).some((entry) => {
    const entryId = idOf(entry);
    return entryId === id || (entryId?.startsWith('#') === true && `${controller}${entryId}` === id);
  });
}
