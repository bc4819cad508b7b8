import type { DocumentLoader } from '../contexts/document-loader.js';
import { isPublicKeyMultibase } from '../keys/multikey.js';
import { asArray, idOf, isJsonObject, type JsonObject } from '../util/json.js';

/** A verification method found in its controller document and allowed to make assertions. */
export type ResolvedKey = { id: string; controller: string; publicKeyMultibase: string };

/**
 * Dereferences a verification method URL, then loads its controller document and checks the
 * key is listed under `assertionMethod` (else anyone could claim a key by naming a controller).
 * Throws with a plain reason when any step fails.
 */
export async function resolveAssertionKey(verificationMethod: string, documentLoader: DocumentLoader): Promise<ResolvedKey> {
  if (typeof verificationMethod !== 'string' || !verificationMethod.includes('#')) {
    throw new Error('The proof does not name a verification method URL with a fragment');
  }
  const { document: method } = await documentLoader(verificationMethod);
  if (!isJsonObject(method)) throw new Error(`The key ${verificationMethod} could not be read`);
  const controller = typeof method.controller === 'string' ? method.controller : undefined;
  if (!controller) throw new Error(`The key ${verificationMethod} names no controller`);
  const publicKeyMultibase = method.publicKeyMultibase;
  if (!isPublicKeyMultibase(publicKeyMultibase)) {
    throw new Error(`The key ${verificationMethod} is not an Ed25519 Multikey`);
  }
  const { document: controllerDocument } = await documentLoader(controller);
  if (!isJsonObject(controllerDocument) || controllerDocument.id !== controller) {
    throw new Error(`The controller document of ${verificationMethod} does not have the id ${controller}`);
  }
  if (!isListedAsAssertionMethod(controllerDocument, verificationMethod, controller)) {
    throw new Error(`The key ${verificationMethod} is not authorised to issue credentials (not an assertionMethod)`);
  }
  return { id: verificationMethod, controller, publicKeyMultibase };
}

function isListedAsAssertionMethod(document: JsonObject, id: string, controller: string): boolean {
  return asArray(document.assertionMethod).some((entry) => {
    const entryId = idOf(entry);
    return entryId === id || (entryId?.startsWith('#') === true && `${controller}${entryId}` === id);
  });
}
