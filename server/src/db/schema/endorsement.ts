import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Industry partners: endorsements (signed EndorsementCredentials) and co-development invitations.

export type EndorsementSubjectType = 'organization' | 'programme';

export type EndorsementsTable = {
  id: Generated<string>;
  endorser_org_id: string;
  subject_type: EndorsementSubjectType;
  subject_org_id: string;
  subject_microcredential_id: string | null;
  subject_version_id: string | null;
  /** The signed `credentialSubject.id`: the provider's DID or the version's Achievement id. */
  subject_uri: string;
  comment: string;
  /** The row in `credentials` holding the signed EndorsementCredential. */
  credential_id: string;
  valid_from: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawal_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
};

export type CoDevelopmentStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

export type CoDevelopmentInvitationsTable = {
  id: Generated<string>;
  provider_org_id: string;
  partner_org_id: string;
  microcredential_id: string;
  status: Generated<CoDevelopmentStatus>;
  message: Generated<string>;
  invited_by: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type CoDevelopmentCommentsTable = {
  id: Generated<string>;
  invitation_id: string;
  author_org_id: string;
  author_user_id: string | null;
  body: string;
  created_at: CreatedAt;
};
