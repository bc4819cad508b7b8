import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Organisations, their members and invitations.

export type OrgRole = 'provider' | 'employer' | 'accreditor' | 'partner';

export type MemberRole = 'owner' | 'admin' | 'author' | 'assessor' | 'manager' | 'viewer';

export type OrganizationsTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  roles: OrgRole[];
  did: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type MembershipsTable = {
  org_id: string;
  user_id: string;
  role: MemberRole;
  created_at: CreatedAt;
};

export type InvitationsTable = {
  id: Generated<string>;
  org_id: string;
  email: string;
  role: MemberRole;
  token_hash: string;
  invited_by: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
};
