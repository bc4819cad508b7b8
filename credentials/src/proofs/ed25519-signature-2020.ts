import { createHash, verify as edVerify } from 'node:crypto';
import { CONTEXT_URLS } from '../contexts/context-urls.js';
import type { DocumentLoader } from '../contexts/document-loader.js';
import { publicKeyObject } from '../keys/multikey.js';
import { base58Decode } from '../util/base58.js';
import { asArray, show, type JsonObject } from '../util/json.js';
import type { Canonicalizer } from './canonicalizer.js';
import { defaultCanonicalizer } from './fast-canonicalizer.js';
import { withoutProof } from './data-integrity.js';

/** The legacy Linked Data proof type still used by many issued badges and the DCC wallet. */
export const ED25519_SIGNATURE_2020 = 'Ed25519Signature2020';

export type VerifyEd25519Signature2020Options = {
  /** The secured document (its `proof` is left out of what is hashed). */
  document: JsonObject;
  proof: JsonObject;
  publicKeyMultibase: string;
  documentLoader: DocumentLoader;
  /** The proof purpose the caller will act on: a presentation proof must be `authentication`. */
  expectedPurpose?: 'assertionMethod' | 'authentication';
  canonicalizer?: Canonicalizer;
};

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The bytes an Ed25519Signature2020 proof signs: SHA-256 of the RDFC-1.0 (URDNA2015) N-Quads of
 * the proof options under the document's `@context`, then SHA-256 of the document's N-Quads,
 * proof options first (the W3C CCG suite, as jsonld-signatures computes it).
 */
export async function ed25519Signature2020HashData(
  document: JsonObject,
  proofOptions: JsonObject,
  documentLoader: DocumentLoader,
  canonicalizer: Canonicalizer = defaultCanonicalizer,
): Promise<Buffer> {
  const config: JsonObject = { '@context': document['@context'] ?? null, ...proofOptions };
  const [proofCanon, documentCanon] = await Promise.all([
    canonicalizer.canonize(config, { documentLoader }),
    canonicalizer.canonize(document, { documentLoader }),
  ]);
  return Buffer.concat([sha256(proofCanon), sha256(documentCanon)]);
}

/**
 * Checks one Ed25519Signature2020 proof with a known public key (verification only: Cairn issues
 * Data Integrity proofs). Throws with the reason when the proof cannot be checked (wrong purpose,
 * suite context missing, not base58btc); returns false when the signature does not match.
 */
export async function verifyEd25519Signature2020({
  document,
  proof,
  publicKeyMultibase,
  documentLoader,
  expectedPurpose = 'assertionMethod',
  canonicalizer = defaultCanonicalizer,
}: VerifyEd25519Signature2020Options): Promise<boolean> {
  if (proof.type !== ED25519_SIGNATURE_2020) throw new Error(`Unsupported proof type "${show(proof.type)}"`);
  if (proof.proofPurpose !== expectedPurpose)
    throw new Error(`Unexpected proof purpose "${show(proof.proofPurpose)}" (expected ${expectedPurpose})`);
  // The suite's terms (created, proofPurpose, …) are defined only by its own context: without
  // it, safe-mode JSON-LD would refuse the proof, and the reference suite refuses the document.
  if (!asArray(document['@context']).includes(CONTEXT_URLS.ed25519Signature2020V1)) {
    throw new Error(
      `An Ed25519Signature2020 proof needs the ${CONTEXT_URLS.ed25519Signature2020V1} context in the credential`,
    );
  }
  if (proof['@context'] !== undefined)
    throw new Error('An Ed25519Signature2020 proof takes its @context from the document, not its own');
  if (typeof proof.created !== 'string' || Number.isNaN(Date.parse(proof.created))) {
    throw new Error('The proof creation date is missing or not a valid date');
  }
  const { proofValue } = proof;
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z') || proofValue.length < 2) {
    throw new Error('The proofValue of an Ed25519Signature2020 proof must be base58btc multibase (z…)');
  }
  const signature = base58Decode(proofValue.slice(1));
  if (signature.length !== 64) return false;
  const { proofValue: _omit, ...proofOptions } = proof;
  const data = await ed25519Signature2020HashData(withoutProof(document), proofOptions, documentLoader, canonicalizer);
  return edVerify(null, data, publicKeyObject(publicKeyMultibase), signature);
}
