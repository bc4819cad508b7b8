import { isCryptosuite, verifyProofSignature, type VerifyProofOptions } from '../proofs/data-integrity.js';
import { ED25519_SIGNATURE_2020, verifyEd25519Signature2020 } from '../proofs/ed25519-signature-2020.js';
import type { JsonObject } from '../util/json.js';

// The proof kinds a verifier accepts on credentials and presentations alike.

export type ProofKind = 'data-integrity' | 'ed25519-signature-2020';

/** A Data Integrity proof with a known cryptosuite, or an Ed25519Signature2020 proof; undefined for any other. */
export function proofKindOf(proof: JsonObject): ProofKind | undefined {
  if (proof.type === 'DataIntegrityProof' && isCryptosuite(proof.cryptosuite)) return 'data-integrity';
  if (proof.type === ED25519_SIGNATURE_2020) return 'ed25519-signature-2020';
  return undefined;
}

/** Checks a proof's signature by the algorithm of its kind (both take the same options). */
export function verifyProofOfKind(kind: ProofKind, options: VerifyProofOptions): Promise<boolean> {
  return kind === 'data-integrity' ? verifyProofSignature(options) : verifyEd25519Signature2020(options);
}
