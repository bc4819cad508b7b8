import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types for Kysely. Columns match the migrations in ./migrations; keep both in step. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type OrgRole = 'provider' | 'employer' | 'accreditor' | 'partner';
export type MemberRole = 'owner' | 'admin' | 'author' | 'assessor' | 'manager' | 'viewer';

export type UsersTable = {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type SessionsTable = {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  user_agent: string | null;
};

export type PasswordResetsTable = {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

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

export type ApiKeysTable = {
  id: Generated<string>;
  org_id: string;
  name: string;
  role: MemberRole;
  prefix: string;
  token_hash: string;
  created_by: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type MailOutboxTable = {
  id: Generated<string>;
  org_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: CreatedAt;
  send_after: Generated<Date>;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
};

export type SigningKeysTable = {
  id: Generated<string>;
  org_id: string;
  key_id: string;
  public_key_multibase: string;
  secret_key_sealed: string;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
};

export type StatusListsTable = {
  org_id: string;
  list_number: number;
  size: number;
  allocated_count: Generated<number>;
  allocated: Uint8Array;
  revocation: Uint8Array;
  suspension: Uint8Array;
  revocation_credential: string | null;
  suspension_credential: string | null;
  updated_at: Generated<Date>;
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
  status_list_number: number;
  status_index: number;
  issued_at: Generated<Date>;
  valid_until: Timestamp | null;
  revoked_at: Timestamp | null;
  revocation_reason: string | null;
  suspended_at: Timestamp | null;
  suspension_reason: string | null;
  idempotency_key: string | null;
  created_by_key: string | null;
  created_by_user: string | null;
};

export type DB = {
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
  mail_outbox: MailOutboxTable;
  signing_keys: SigningKeysTable;
  status_lists: StatusListsTable;
  credentials: CredentialsTable;
};

export type User = Selectable<UsersTable>;
export type Organization = Selectable<OrganizationsTable>;
export type NewMail = Insertable<MailOutboxTable>;
