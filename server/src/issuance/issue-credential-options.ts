import type { IssuerIdentifier } from '../db/schema.js';
import type { EventActor } from '../events/event-types.js';
import { type CredentialProfile, type JsonObject } from './complete-credential.js';

export type Cryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
export type CredentialFormat = 'ldp' | 'jwt';

export type IssueCredentialOptions = {
  credential: JsonObject;
  format?: CredentialFormat;
  cryptosuite?: Cryptosuite;
  /** A retry with the same key returns the credential issued the first time. */
  idempotencyKey?: string;
  /** Written as a hashed IdentityObject when the subject has no id or identifier. */
  recipientEmail?: string;
  /**
   * The Cairn user the credential is for, when known. It is linked to them only when their
   * proven email is the one the credential names; otherwise when they prove it.
   */
  recipientUserId?: string;
  /** Mail the credential to the email it names (issuance by hand and through the VC-API). */
  isRecipientMailed?: boolean;
  /**
   * Status entries to carry. Default: revocation only, as Open Badges 3.0 allows one entry.
   * With suspension too, the credential can be suspended and reinstated (VC 2.0 allows several
   * entries; verifiers that enforce OB 3.0's single entry will flag it).
   */
  statusPurposes?: ['revocation'] | ['revocation', 'suspension'];
  /** Which of the organisation's identifiers signs, as the request asked; wins over everything else. */
  issuerIdentifier?: IssuerIdentifier;
  /** Used when neither the request nor the credential's issuer decides (an API key's default). */
  defaultIssuerIdentifier?: IssuerIdentifier;
  /** Default: Open Badges 3.0 when `type` is absent or names an OB/CLR type, else plain VC Data Model 2.0. */
  profile?: CredentialProfile;
  /** VC-API `credentialId`: the credential's id when it has none (a URL). */
  credentialId?: string;
  /** What the issuance is for, as its `credential.issued` event tells consumers and webhooks. Default: `direct`. */
  context?: IssuanceContext;
  /**
   * Never set from a request: the credential carries, as they are, the Cairn status entries of
   * this other credential of the same issuer (its row id), as a copy picked up into a wallet
   * does, so revoking or suspending that one does the same to the copy.
   */
  sharesStatusWith?: string;
  /**
   * The endorsements of the issuer identified by `did` in force now, when the caller has read
   * them already (with the Achievement's, in one statement); used only if `did` signs.
   */
  issuerEndorsementsOf?: { did: string; credentials: JsonObject[] };
};

/** Why a credential was issued: by hand or API, on completing a programme, for a pathway (with its CLR), or from a bulk upload. */
export type IssuanceKind = 'direct' | 'vc-api' | 'completion' | 'pathway' | 'clr' | 'bulk' | 'accreditation';

export type IssuanceContext = { kind: IssuanceKind; microcredentialId?: string; pathwayId?: string };

/** Who issues: the actor recorded on the event, and the key or member the row names as its creator. */
export type IssuedBy = { actor: EventActor; apiKeyId?: string; userId?: string };

export type IssuedCredential = {
  id: string;
  credentialId: string;
  format: CredentialFormat;
  /** The signed credential: a JSON object, or a compact JWS for VC-JWT. */
  verifiableCredential: JsonObject | string;
  isReplay: boolean;
};
