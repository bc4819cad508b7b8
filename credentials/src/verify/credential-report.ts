// What verifyCredential takes and gives, and the report its checks write to.
import type { DidResolver, DocumentLoader } from '../contexts/document-loader.js';
import type { Canonicalizer } from '../proofs/canonicalizer.js';
import type { FetchStatusList } from '../status-list/check-status.js';
import type { JsonObject } from '../util/json.js';
import type { CheckId, CheckStatus, CredentialFormat, VerificationCheck } from './result.js';
import type { SignedFacts } from './signed-meaning.js';

export type VerifyCredentialOptions = {
  /** A credential object, its JSON text, or a compact VC-JWT. */
  credential: unknown;
  /** How contexts and keys are loaded; built from `resolveDid` when absent. */
  documentLoader?: DocumentLoader;
  /** did:web resolver for the default document loader. */
  resolveDid?: DidResolver;
  /** How status lists are read. Without it, a credential that has status entries fails: its status cannot be known. */
  fetchStatusList?: FetchStatusList;
  now?: Date;
  /** When given, the credential must name this email (hashed or plain) as its recipient. */
  recipientEmail?: string;
  /**
   * VC-API `challenge` / `domain`: when given, only a proof that carries them (signed, since
   * they are proof options) counts. For a verifier that asked the holder for a fresh proof.
   */
  expectedProof?: { challenge?: string; domain?: string };
  canonicalizer?: Canonicalizer;
};

export type VerificationResult = {
  /** True when no check failed. */
  verified: boolean;
  checks: VerificationCheck[];
  warnings: string[];
  errors: string[];
  /** The credential that was checked (the JWT payload for a VC-JWT), when it could be read. For display only. */
  credential?: JsonObject;
  /**
   * What the credential says, read from its signed meaning (JSON-LD expanded form). Anything
   * that acts on a verified credential must read these, never `credential`'s JSON shape.
   */
  facts?: SignedFacts;
  format: CredentialFormat;
};

export type Context = Omit<VerifyCredentialOptions, 'now' | 'documentLoader'> & {
  documentLoader: DocumentLoader;
  now: Date;
  report: Report;
  depth: number;
};

export class Report {
  readonly checks: VerificationCheck[] = [];
  add(id: CheckId, label: string, status: CheckStatus, message: string): void {
    this.checks.push({ id, label, status, message });
  }
  finish(format: CredentialFormat, read: ReadCredential | undefined): VerificationResult {
    const errors = this.checks.filter((c) => c.status === 'failed').map((c) => c.message);
    const warnings = this.checks.filter((c) => c.status === 'warning').map((c) => c.message);
    return {
      verified: errors.length === 0 && this.checks.length > 0,
      checks: this.checks,
      warnings,
      errors,
      format,
      ...(read ? { credential: read.credential, facts: read.facts } : {}),
    };
  }
}

export type ReadCredential = { credential: JsonObject; facts: SignedFacts };
