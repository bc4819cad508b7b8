import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Issuing: signing keys, issuer identifiers, status lists, credentials, bulk issuance jobs.

export type SigningKeysTable = {
  id: Generated<string>;
  org_id: string;
  key_id: string;
  public_key_multibase: string;
  secret_key_sealed: string;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
};

/** The organisation's did:web (rotating keys), or its dedicated did:key (one key, never rotated). */
export type IssuerIdentifier = 'did:web' | 'did:key';

export type DidKeyIssuersTable = {
  org_id: string;
  did: string;
  public_key_multibase: string;
  secret_key_sealed: string;
  created_at: CreatedAt;
};

export type StatusListsTable = {
  org_id: string;
  list_number: number;
  /** Whose list it is: it is signed as that identifier, and answers only for its credentials. */
  issuer_identifier: Generated<IssuerIdentifier>;
  size: number;
  allocated_count: Generated<number>;
  allocated: Uint8Array;
  revocation: Uint8Array;
  suspension: Uint8Array;
  revocation_credential: string | null;
  suspension_credential: string | null;
  updated_at: Generated<Date>;
  /** Key of the permutation its indexes are handed out in (migration 0017); null: an older list, no longer allocated from. */
  permutation_key: Uint8Array | null;
  /** Changes whenever either published credential is written (migration 0032): what a verifier's cached copy is checked against. */
  published_version: Generated<string>;
};

export type CredentialFormat = 'ldp' | 'jwt';

export type CredentialsTable = {
  id: Generated<string>;
  org_id: string;
  credential_id: string;
  format: CredentialFormat;
  cryptosuite: string | null;
  document: string;
  types: string[];
  achievement_name: string | null;
  recipient_user_id: string | null;
  recipient_label: string | null;
  /** Normalised email the signed subject names; linked to its account once verified. */
  recipient_email: string | null;
  /** Null when the caller sent its own credentialStatus: Cairn then manages no entry for it. */
  status_list_number: number | null;
  status_index: number | null;
  status_purposes: ('revocation' | 'suspension')[];
  issued_at: Generated<Date>;
  valid_until: Timestamp | null;
  revoked_at: Timestamp | null;
  revocation_reason: string | null;
  suspended_at: Timestamp | null;
  suspension_reason: string | null;
  idempotency_key: string | null;
  created_by_key: string | null;
  created_by_user: string | null;
  /** When its `credential.expired` event was recorded (migration 0016); null until it expires. */
  expiry_recorded_at: Generated<Date | null>;
};

export type IssuanceJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A bulk issuance: a CSV or JSON rows for one micro-credential version (migration 0017). */
export type IssuanceJobsTable = {
  id: string;
  org_id: string;
  microcredential_id: string;
  version_id: string;
  status: Generated<IssuanceJobStatus>;
  file_name: string | null;
  total: number;
  issued: Generated<number>;
  failed: Generated<number>;
  actor_kind: 'user' | 'apiKey' | 'system';
  actor_user_id: string | null;
  actor_session_id: string | null;
  actor_api_key_id: string | null;
  error: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Generated<Date>;
};

export type IssuanceJobRowsTable = {
  job_id: string;
  /** Line of the CSV the row ends on (1 is the header), or the JSON row's position + 1. */
  line: number;
  /** `external_id`, else a hash of the row: what makes issuing it idempotent. */
  row_key: string;
  email: string;
  external_id: string | null;
  data: unknown;
  status: Generated<'pending' | 'issued' | 'failed'>;
  credential_id: string | null;
  error: string | null;
};
