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
 * Dereferences a verification method URL, then loads its controller document and checks the
 * key is listed under `assertionMethod` (else anyone could claim a key by naming a controller).
 * The method must live in its controller's own document: `did:a#k` controlled by `did:b` is
 * refused. Throws with a plain reason when any step fails.
 */
async function resolveAssertionMethod(verificationMethod: string, documentLoader: DocumentLoader): Promise<Method> {
  if (typeof verificationMethod !== 'string' || !verificationMethod.includes('#')) {
    throw new Error('The proof does not name a verification method URL with a fragment');
  }
  const { document: method } = await documentLoader(verificationMethod);
  if (!isJsonObject(method)) throw new Error(`The key ${verificationMethod} could not be read`);
  const controller = typeof method.controller === 'string' ? method.controller : undefined;
  if (!controller) throw new Error(`The key ${verificationMethod} names no controller`);
  if (controllerOfMethodId(verificationMethod) !== controller) {
    throw new Error(`The key ${verificationMethod} claims to be controlled by ${controller}, which does not publish it`);
  }
  const { document: controllerDocument } = await documentLoader(controller);
  if (!isJsonObject(controllerDocument) || controllerDocument.id !== controller) {
    throw new Error(`The controller document of ${verificationMethod} does not have the id ${controller}`);
  }
  if (!isListedAsAssertionMethod(controllerDocument, verificationMethod, controller)) {
    throw new Error(`The key ${verificationMethod} is not authorised to issue credentials (not an assertionMethod)`);
  }
  return { id: verificationMethod, controller, node: method };
}

/** An Ed25519 Multikey assertion method (what Data Integrity eddsa-* proofs use). */
export async function resolveAssertionKey(verificationMethod: string, documentLoader: DocumentLoader): Promise<ResolvedKey> {
  const { id, controller, node } = await resolveAssertionMethod(verificationMethod, documentLoader);
  const publicKeyMultibase = node.publicKeyMultibase;
  if (!isPublicKeyMultibase(publicKeyMultibase)) {
    throw new Error(`The key ${verificationMethod} is not an Ed25519 Multikey`);
  }
  return { id, controller, publicKeyMultibase };
}

/**
 * An assertion method for a VC-JWT: an Ed25519 Multikey, or a `JsonWebKey`/`JsonWebKey2020`
 * public JWK. Private key material in a published JWK is refused.
 */
export async function resolveJwtAssertionKey(verificationMethod: string, documentLoader: DocumentLoader): Promise<ResolvedJwtKey> {
  const { id, controller, node } = await resolveAssertionMethod(verificationMethod, documentLoader);
  if (isPublicKeyMultibase(node.publicKeyMultibase)) return { id, controller, key: publicKeyObject(node.publicKeyMultibase) };
  const jwk = node.publicKeyJwk;
  if (isJsonObject(jwk)) {
    if ('d' in jwk || 'p' in jwk || 'k' in jwk) throw new Error(`The key ${verificationMethod} publishes private or symmetric key material`);
    try {
      return { id, controller, key: createPublicKey({ key: jwk as Record<string, string>, format: 'jwk' }) };
    } catch {
      throw new Error(`The key ${verificationMethod} is not a usable public JWK`);
    }
  }
  throw new Error(`The key ${verificationMethod} has neither publicKeyMultibase nor publicKeyJwk`);
}

function isListedAsAssertionMethod(document: JsonObject, id: string, controller: string): boolean {
  return asArray(document.assertionMethod).some((entry) => {
    const entryId = idOf(entry);
    return entryId === id || (entryId?.startsWith('#') === true && `${controller}${entryId}` === id);
  });
}
