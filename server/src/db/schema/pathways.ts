import type { ColumnType, Generated } from 'kysely';
import type { VersionStatus } from './catalog.js';
import type { CreatedAt, Timestamp } from './columns.js';
import type { CredentialFormat } from './issuance.js';

// Pathways, learners' progress and awards, and the credentials learners keep in their wallet.

export type PathwaysTable = {
  id: Generated<string>;
  org_id: string;
  slug: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type PathwayVersionsTable = {
  id: Generated<string>;
  org_id: string;
  pathway_id: string;
  version_number: number;
  status: VersionStatus;
  name: string;
  description: Generated<string>;
  achievement_type: Generated<string>;
  criteria_narrative: Generated<string>;
  image_url: string | null;
  tree: ColumnType<unknown, string, string>;
  recommended_order: Generated<string[]>;
  achievement: ColumnType<unknown, string | null | undefined, string | null>;
  search: Generated<string>;
  created_by: string | null;
  published_by: string | null;
  published_at: Timestamp | null;
  /** Order of publication (bigint as text); null on drafts. */
  publish_seq: ColumnType<string | null, never, string>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

/** One row: moved on whenever pathway versions are deleted, so in-memory indexes start over. */
export type PathwayIndexEpochTable = {
  id: Generated<boolean>;
  epoch: ColumnType<string, never, never>;
};

export type PathwayLearnersTable = {
  learner_id: string;
  pathway_id: string;
  org_id: string;
  version_id: string;
  is_joined: Generated<boolean>;
  joined_at: Timestamp | null;
  done: Generated<number>;
  required: Generated<number>;
  is_satisfied: Generated<boolean>;
  evaluated_at: Generated<Date>;
  created_at: CreatedAt;
};

export type PathwayAwardsTable = {
  id: Generated<string>;
  org_id: string;
  pathway_id: string;
  version_id: string;
  learner_id: string;
  idempotency_key: string;
  credential_row_id: string | null;
  clr_row_id: string | null;
  status: Generated<'active' | 'suspended'>;
  awarded_at: Generated<Date>;
};

export type PathwayAwardComponentsTable = {
  award_id: string;
  org_id: string;
  component_kind: 'credential' | 'wallet';
  component_id: string;
};

export type WalletCredentialsTable = {
  id: Generated<string>;
  learner_id: string;
  credential_id: string | null;
  format: CredentialFormat;
  document: string;
  sha256: string;
  achievement_id: string;
  achievement_name: string | null;
  issuer_did: string;
  issuer_name: string | null;
  microcredential_id: string | null;
  credits: Generated<number>;
  cpd_hours: Generated<number>;
  skill_ids: Generated<string[]>;
  valid_from: Timestamp | null;
  valid_until: Timestamp | null;
  added_at: Generated<Date>;
  /** As last read from the issuer's status lists; only active entries count toward pathways. */
  status: Generated<WalletStatus>;
  status_reason: string | null;
  status_checked_at: Timestamp | null;
  /** Why the last check could not read a list (the status above is then the one before). */
  status_check_error: string | null;
};

export type WalletStatus = 'active' | 'revoked' | 'suspended' | 'untrusted';
