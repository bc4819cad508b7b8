import type { DocumentLoader } from '../contexts/document-loader.js';
import type { Signer } from '../keys/signer.js';
import { cloneJson, isJsonObject, type JsonObject } from '../util/json.js';
import type { Canonicalizer } from './canonicalizer.js';
import { createProof, proofsOf, withoutProof, type Cryptosuite } from './data-integrity.js';

export type SignCredentialOptions<T extends JsonObject> = {
  credential: T;
  signer: Signer;
  cryptosuite: Cryptosuite;
  documentLoader: DocumentLoader;
  /** The proof's `created` time; passed in so signing is reproducible in tests. */
  now: Date;
  canonicalizer?: Canonicalizer;
  /** VC-API proof options a verifier may ask for (signed with the proof). */
  challenge?: string;
  domain?: string;
};

/** What createProof takes besides the document and purpose; optional options only when given. */
function proofRequest({
  signer,
  cryptosuite,
  documentLoader,
  now,
  canonicalizer,
  challenge,
  domain,
}: Omit<SignCredentialOptions<JsonObject>, 'credential'>) {
  return {
    signer,
    cryptosuite,
    documentLoader,
    now,
    ...(canonicalizer ? { canonicalizer } : {}),
    ...(challenge !== undefined ? { challenge } : {}),
    ...(domain !== undefined ? { domain } : {}),
  };
}

/**
 * Signs a credential with a Data Integrity proof and returns a new object whose `proof` is an
 * array (what the 1EdTech schema wants). An existing proof is kept: the new one joins the set.
 * Throws on misuse and when the document cannot be canonicalised (e.g. an undefined term).
 */
export async function signCredential<T extends JsonObject>({
  credential,
  ...request
}: SignCredentialOptions<T>): Promise<T & { proof: JsonObject[] }> {
  if (!isJsonObject(credential)) throw new TypeError('credential must be a JSON object');
  if (!request.signer || typeof request.signer.secretKeyMultibase !== 'string')
    throw new TypeError('signer is required');
  if (typeof request.documentLoader !== 'function') throw new TypeError('documentLoader is required');
  if (!(request.now instanceof Date)) throw new TypeError('now must be a Date');
  const document = withoutProof(cloneJson(credential));
  const proof = await createProof({ document, ...proofRequest(request) });
  return { ...document, proof: [...proofsOf(credential), proof] } as unknown as T & { proof: JsonObject[] };
}

export type SignPresentationOptions<T extends JsonObject> = Omit<SignCredentialOptions<T>, 'credential'> & {
  presentation: T;
  challenge?: string;
  domain?: string;
};

/** Signs a verifiable presentation as its holder (`authentication`), binding it to a challenge and domain. */
export async function signPresentation<T extends JsonObject>({
  presentation,
  ...request
}: SignPresentationOptions<T>): Promise<T & { proof: JsonObject[] }> {
  if (!isJsonObject(presentation)) throw new TypeError('presentation must be a JSON object');
  const document = withoutProof(cloneJson(presentation));
  const proof = await createProof({ document, purpose: 'authentication', ...proofRequest(request) });
  return { ...document, proof: [proof] } as unknown as T & { proof: JsonObject[] };
}
