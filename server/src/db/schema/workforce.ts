import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// The employer side (migration 0022): role skill profiles, teams, consent to share, assessments,
// assignments and sponsored seats.

export type EmployerRolesTable = {
  id: Generated<string>;
  org_id: string;
  name: string;
  description: Generated<string>;
  version: Generated<number>;
  esco_occupation_uri: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type EmployerRoleSkillsTable = {
  role_id: string;
  org_id: string;
  skill_id: string;
  level: number;
  essential: Generated<boolean>;
};

export type EmployerRoleVersionsTable = {
  role_id: string;
  org_id: string;
  version: number;
  name: string;
  skills: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
};

export type EmployerTeamsTable = {
  id: Generated<string>;
  org_id: string;
  name: string;
  created_at: CreatedAt;
};

export type EmployerTeamMembersTable = {
  team_id: string;
  org_id: string;
  user_id: string;
};

export type ShareScope = 'all' | 'selected';

export type CredentialSharesTable = {
  org_id: string;
  user_id: string;
  scope: ShareScope;
  credential_ids: Generated<string[]>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type AssessmentSource = 'self' | 'manager';

export type SkillAssessmentsTable = {
  org_id: string;
  user_id: string;
  skill_id: string;
  source: AssessmentSource;
  level: number;
  assessed_by: string | null;
  assessed_at: Generated<Date>;
};

export type LearningAssignmentsTable = {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  microcredential_id: string;
  team_id: string | null;
  role_id: string | null;
  due_at: Timestamp;
  is_sponsored: Generated<boolean>;
  assigned_by: string | null;
  created_at: CreatedAt;
  cancelled_at: Timestamp | null;
};

export type SponsoredSeatBudgetsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  seats_total: number;
  seats_used: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type SponsoredSeatsTable = {
  id: Generated<string>;
  org_id: string;
  budget_id: string;
  microcredential_id: string;
  user_id: string;
  assignment_id: string | null;
  enrolment_id: string | null;
  sponsored_by: string | null;
  granted_at: Generated<Date>;
  claimed_at: Timestamp | null;
};

/** What a shared credential's signature proved, per holder and document hash (migration 0031). */
export type CredentialVerificationMemosTable = {
  user_id: string;
  content_hash: string;
  email_hash: string;
  issuer_id: string;
  signing_keys: ColumnType<unknown, string, string>;
  credential_uri: string | null;
  status_entries: ColumnType<unknown, string, string>;
  valid_from: Timestamp | null;
  valid_until: Timestamp | null;
  achievement_name: string | null;
  skills: ColumnType<unknown, string, string>;
  verified_at: Generated<Date>;
};
