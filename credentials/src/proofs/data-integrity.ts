import { hash, sign as edSign, verify as edVerify } from 'node:crypto';
import { CONTEXT_URLS } from '../contexts/context-urls.js';
import type { DocumentLoader } from '../contexts/document-loader.js';
import { publicKeyObject } from '../keys/multikey.js';
import { signingKeyOf, type Signer } from '../keys/signer.js';
import { base58Decode, base58Encode } from '../util/base58.js';
import { base64UrlDecode } from '../util/base64url.js';
import { asArray, isJsonObject, show, type JsonObject, type JsonValue } from '../util/json.js';
import type { Canonicalizer } from './canonicalizer.js';
import { canonicalizerFor, defaultCanonicalizer } from './fast-canonicalizer.js';
import { canonicalizeJson } from './jcs.js';

export type Cryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
export const CRYPTOSUITES: readonly Cryptosuite[] = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'];

/** A W3C Data Integrity proof as Cairn writes it. */
export type DataIntegrityProof = {
  '@context'?: JsonValue;
  type: 'DataIntegrityProof';
  cryptosuite: Cryptosuite;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod' | 'authentication';
  /** For a presentation: the verifier's nonce and name, so the proof cannot be replayed elsewhere. */
  challenge?: string;
  domain?: string;
  proofValue: string;
};

export function isCryptosuite(value: unknown): value is Cryptosuite {
  return value === 'eddsa-rdfc-2022' || value === 'eddsa-jcs-2022';
}

/** XML Schema dateTimeStamp without milliseconds, as proofs and credentials carry dates. */
export function toDateTimeStamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('Invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type HashInput = {
  cryptosuite: Cryptosuite;
  /** The document without `proof`. */
  document: JsonObject;
  /** The proof options: the proof without `proofValue`. */
  proofOptions: JsonObject;
  documentLoader: DocumentLoader;
  canonicalizer: Canonicalizer;
};

const sha256 = (text: string): Buffer => hash('sha256', text, 'buffer');

/**
 * The bytes an eddsa-*-2022 proof signs: SHA-256(canonical proof options) ‖ SHA-256(canonical
 * document). A proof that carries its own `@context` must be a prefix of the document's.
 */
export async function createHashData({
  cryptosuite,
  document,
  proofOptions,
  documentLoader,
  canonicalizer,
}: HashInput): Promise<Buffer> {
  let unsecured = document;
  let config: JsonObject;
  if (proofOptions['@context'] !== undefined) {
    const proofContext = asArray(proofOptions['@context']);
    const documentContext = asArray(document['@context']);
    proofContext.forEach((entry, i) => {
      if (JSON.stringify(entry) !== JSON.stringify(documentContext[i])) {
        throw new Error('The proof @context is not a prefix of the document @context');
      }
    });
    unsecured = { ...document, '@context': proofOptions['@context'] };
    config = proofOptions;
  } else if (cryptosuite === 'eddsa-jcs-2022') {
    // JCS signs the proof options exactly as written: the signer copies @context into the proof.
    config = proofOptions;
  } else {
    config = { '@context': document['@context'] ?? null, ...proofOptions };
  }
  if (cryptosuite === 'eddsa-jcs-2022') {
    return Buffer.concat([sha256(canonicalizeJson(config)), sha256(canonicalizeJson(unsecured))]);
  }
  config = withSuiteContext(config);
  const [proofCanon, documentCanon] = await Promise.all([
    canonicalizer.canonize(config, { documentLoader }),
    canonicalizer.canonize(unsecured, { documentLoader }),
  ]);
  return Buffer.concat([sha256(proofCanon), sha256(documentCanon)]);
}

// The proof terms are defined by VC v2 or the Data Integrity context: without either the safe
// mode of JSON-LD would reject them, so add the latter, as the reference implementation does.
function withSuiteContext(config: JsonObject): JsonObject {
  const context = asArray(config['@context']);
  if (context.includes(CONTEXT_URLS.credentialsV2) || context.includes(CONTEXT_URLS.dataIntegrityV2)) return config;
  return { ...config, '@context': [...context, CONTEXT_URLS.dataIntegrityV2] };
}

export type CreateProofOptions = {
  document: JsonObject;
  signer: Signer;
  cryptosuite: Cryptosuite;
  documentLoader: DocumentLoader;
  now: Date;
  canonicalizer?: Canonicalizer;
  /** `authentication` (with challenge and domain) signs a presentation as its holder. */
  purpose?: 'assertionMethod' | 'authentication';
  challenge?: string;
  domain?: string;
};

/** Creates a Data Integrity proof over `document` (which must not contain `proof`). */
export async function createProof({
  document,
  signer,
  cryptosuite,
  documentLoader,
  now,
  canonicalizer = defaultCanonicalizer,
  purpose = 'assertionMethod',
  challenge,
  domain,
}: CreateProofOptions): Promise<DataIntegrityProof> {
  const proofOptions: Omit<DataIntegrityProof, 'proofValue'> = {
    type: 'DataIntegrityProof',
    cryptosuite,
    created: toDateTimeStamp(now),
    verificationMethod: signer.verificationMethod,
    proofPurpose: purpose,
    ...(challenge !== undefined ? { challenge } : {}),
    ...(domain !== undefined ? { domain } : {}),
  };
  // eddsa-jcs-2022 (unlike rdfc) carries the document's @context in the proof it signs.
  if (cryptosuite === 'eddsa-jcs-2022' && document['@context'] !== undefined)
    proofOptions['@context'] = document['@context'];
  const data = await createHashData({ cryptosuite, document, proofOptions, documentLoader, canonicalizer });
  const signature = edSign(null, data, signingKeyOf(signer));
  return { ...proofOptions, proofValue: `z${base58Encode(signature)}` };
}

/** Decodes a multibase proofValue (`z` base58btc or `u` base64url) into signature bytes. */
export function decodeProofValue(proofValue: unknown): Uint8Array {
  if (typeof proofValue !== 'string' || proofValue.length < 2) throw new Error('The proof has no proofValue');
  if (proofValue.startsWith('z')) return base58Decode(proofValue.slice(1));
  if (proofValue.startsWith('u')) return base64UrlDecode(proofValue.slice(1));
  throw new Error('The proofValue is neither base58btc (z…) nor base64url (u…) multibase');
}

export type VerifyProofOptions = {
  document: JsonObject;
  proof: JsonObject;
  publicKeyMultibase: string;
  documentLoader: DocumentLoader;
  canonicalizer?: Canonicalizer;
  /** What the proof must be for: issuing (`assertionMethod`) or a holder's presentation (`authentication`). */
  expectedPurpose?: 'assertionMethod' | 'authentication';
};

/**
 * Checks one proof's signature with a known public key. Throws with the reason when the proof
 * cannot be checked (unsupported suite, bad encoding); returns false when the signature is wrong.
 */
export async function verifyProofSignature({
  document,
  proof,
  publicKeyMultibase,
  documentLoader,
  canonicalizer = defaultCanonicalizer,
  expectedPurpose = 'assertionMethod',
}: VerifyProofOptions): Promise<boolean> {
  if (proof.type !== 'DataIntegrityProof') throw new Error(`Unsupported proof type "${show(proof.type)}"`);
  const { cryptosuite } = proof;
  if (!isCryptosuite(cryptosuite)) throw new Error(`Unsupported cryptosuite "${show(cryptosuite)}"`);
  if (proof.proofPurpose !== expectedPurpose)
    throw new Error(`Unexpected proof purpose "${show(proof.proofPurpose)}" (expected ${expectedPurpose})`);
  if (proof.created !== undefined && (typeof proof.created !== 'string' || Number.isNaN(Date.parse(proof.created)))) {
    throw new Error('The proof creation date is not a valid date');
  }
  const signature = decodeProofValue(proof.proofValue);
  if (signature.length !== 64) return false;
  const { proofValue: _omit, ...proofOptions } = proof;
  const unsecured = withoutProof(document);
  const data = await createHashData({
    cryptosuite,
    document: unsecured,
    proofOptions,
    documentLoader,
    canonicalizer: canonicalizerFor(document, unsecured, canonicalizer),
  });
  return edVerify(null, data, publicKeyObject(publicKeyMultibase), signature);
}

/** The document without its `proof` property: what a proof signs. */
export function withoutProof(document: JsonObject): JsonObject {
  const { proof: _proof, ...rest } = document;
  return rest;
}

/** The proofs of a secured document as an array (JSON-LD allows one object or an array). */
export function proofsOf(document: JsonObject): JsonObject[] {
  return asArray(document.proof).filter(isJsonObject);
}
