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
  /** When the owner opened a verification link; null while the address is unproven. */
  email_verified_at: Timestamp | null;
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

export type EmailVerificationsTable = {
  id: Generated<string>;
  user_id: string;
  /** The address the link confirms, so a link for an earlier address confirms nothing. */
  email: string;
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
  /** The identifier credentials issued with this key are signed as, unless a request says otherwise. */
  issuer_identifier: Generated<IssuerIdentifier>;
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

export type SkillFrameworkSource = 'cairn' | 'esco' | 'onet' | 'custom';

export type SkillFrameworksTable = {
  id: Generated<string>;
  org_id: string | null;
  name: string;
  source: SkillFrameworkSource;
  content_version: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type SkillsTable = {
  id: Generated<string>;
  framework_id: string;
  org_id: string | null;
  code: string;
  name: string;
  description: Generated<string>;
  group_name: string | null;
  skill_type: string | null;
  uri: string | null;
  alt_labels: Generated<string[]>;
  search: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type MediaType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export type MediaFilesTable = {
  id: Generated<string>;
  org_id: string;
  media_type: MediaType;
  bytes: Uint8Array;
  byte_size: number;
  width: number;
  height: number;
  sha256: string;
  original_name: string | null;
  created_by: string | null;
  created_at: CreatedAt;
};

export type MicrocredentialsTable = {
  id: Generated<string>;
  org_id: string;
  slug: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type VersionStatus = 'draft' | 'published';
export type LearningFormat = 'self_paced' | 'cohort' | 'blended';

export type MicrocredentialVersionsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  version_number: number;
  status: VersionStatus;
  title: Generated<string>;
  summary: Generated<string>;
  description: Generated<string>;
  outcomes: Generated<string[]>;
  skill_ids: Generated<string[]>;
  level: number | null;
  effort_hours: number | null;
  duration_weeks: number | null;
  cost_amount_minor: number | null;
  cost_currency: string | null;
  cpd_hours: number | null;
  format: LearningFormat | null;
  language: string | null;
  image_file_id: string | null;
  partner_org_ids: Generated<string[]>;
  criteria_narrative: Generated<string>;
  pass_mark: number | null;
  validity_months: number | null;
  achievement: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string | null;
  published_by: string | null;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type MicrocredentialModulesTable = {
  id: Generated<string>;
  org_id: string;
  version_id: string;
  position: number;
  title: string;
  content: Generated<string>;
  links: ColumnType<unknown, string, string>;
  estimated_minutes: number;
  activity_type: 'quiz' | 'assignment' | null;
  activity: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type CatalogEntriesTable = {
  microcredential_id: string;
  org_id: string;
  version_id: string;
  slug: string;
  provider_slug: string;
  provider_name: string;
  title: string;
  summary: string;
  skill_ids: string[];
  skills: ColumnType<unknown, string, string>;
  partner_slugs: string[];
  partners: ColumnType<unknown, string, string>;
  level: number | null;
  format: LearningFormat;
  language: string;
  cost_amount_minor: number | null;
  cost_currency: string | null;
  cost_major: number;
  effort_hours: number;
  cpd_hours: number;
  duration_weeks: number;
  image_url: string | null;
  published_at: Timestamp;
  search: string;
  change_seq: Generated<string>;
};

export type VouchersTable = {
  id: Generated<string>;
  org_id: string;
  code: string;
  microcredential_id: string | null;
  max_redemptions: number;
  redeemed: Generated<number>;
  expires_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
};

export type EnrollmentStatus = 'active' | 'completed' | 'withdrawn';

export type EnrollmentsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  version_id: string;
  learner_id: string;
  status: Generated<EnrollmentStatus>;
  voucher_id: string | null;
  enrolled_at: CreatedAt;
  completed_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  last_module_id: string | null;
  credential_row_id: string | null;
};

export type ModuleCompletionsTable = {
  enrollment_id: string;
  module_id: string;
  org_id: string;
  completed_at: CreatedAt;
};

export type QuizAttemptsTable = {
  id: Generated<string>;
  org_id: string;
  enrollment_id: string;
  module_id: string;
  attempt_number: number;
  answers: ColumnType<unknown, string, string>;
  points: number;
  max_points: number;
  percent: number;
  is_passed: boolean;
  submitted_at: CreatedAt;
};

export type EvidenceFilesTable = {
  id: Generated<string>;
  org_id: string;
  learner_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  created_at: CreatedAt;
};

export type SubmissionStatus = 'pending' | 'approved' | 'resubmit';

export type SubmissionsTable = {
  id: Generated<string>;
  org_id: string;
  enrollment_id: string;
  module_id: string;
  attempt_number: number;
  text: string | null;
  link: string | null;
  file_id: string | null;
  status: Generated<SubmissionStatus>;
  scores: ColumnType<unknown, string | null | undefined, string | null>;
  points: number | null;
  max_points: number | null;
  feedback: string | null;
  reviewer_id: string | null;
  submitted_at: CreatedAt;
  reviewed_at: Timestamp | null;
};

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

/** Rate-limit counters, written by rate-limiter-flexible (server/src/identity/rate-limit.ts). */
export type RateLimitsTable = {
  key: string;
  points: number;
  /** Epoch milliseconds; int8 comes back as a string from pg. */
  expire: ColumnType<string | null, number | null, number | null>;
};

export type DB = {
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  email_verifications: EmailVerificationsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  api_keys: ApiKeysTable;
  mail_outbox: MailOutboxTable;
  signing_keys: SigningKeysTable;
  did_key_issuers: DidKeyIssuersTable;
  status_lists: StatusListsTable;
  credentials: CredentialsTable;
  skill_frameworks: SkillFrameworksTable;
  skills: SkillsTable;
  media_files: MediaFilesTable;
  microcredentials: MicrocredentialsTable;
  microcredential_versions: MicrocredentialVersionsTable;
  microcredential_modules: MicrocredentialModulesTable;
  catalog_entries: CatalogEntriesTable;
  vouchers: VouchersTable;
  enrollments: EnrollmentsTable;
  module_completions: ModuleCompletionsTable;
  quiz_attempts: QuizAttemptsTable;
  evidence_files: EvidenceFilesTable;
  submissions: SubmissionsTable;
  pathways: PathwaysTable;
  pathway_versions: PathwayVersionsTable;
  pathway_index_epoch: PathwayIndexEpochTable;
  pathway_learners: PathwayLearnersTable;
  pathway_awards: PathwayAwardsTable;
  pathway_award_components: PathwayAwardComponentsTable;
  wallet_credentials: WalletCredentialsTable;
  rate_limits: RateLimitsTable;
  maintenance_tasks: MaintenanceTasksTable;
  domain_events: DomainEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
};

/** The outbox of domain events and, per organisation, its audit log (migration 0015). */
export type DomainEventsTable = {
  id: string;
  type: string;
  org_id: string | null;
  actor_kind: 'user' | 'apiKey' | 'system';
  actor_user_id: string | null;
  actor_session_id: string | null;
  actor_api_key_id: string | null;
  actor_reason: string | null;
  data: unknown;
  occurred_at: Generated<Date>;
};

export type WebhookEndpointsTable = {
  id: string;
  org_id: string;
  url: string;
  description: Generated<string>;
  /** Empty: every event type. */
  event_types: Generated<string[]>;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  is_enabled: Generated<boolean>;
  disabled_reason: string | null;
  disabled_at: Date | null;
  /** When the current run of failed deliveries began; null while deliveries succeed. */
  failing_since: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type WebhookDeliveriesTable = {
  /** Also the `webhook-id` header: stable across attempts, so receivers dedupe by it. */
  id: string;
  endpoint_id: string;
  org_id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  response_code: number | null;
  response_excerpt: string | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
};

/** One-off tasks a release asks for (e.g. re-checking data under new rules); run once per database. */
export type MaintenanceTasksTable = {
  name: string;
  status: Generated<'pending' | 'done'>;
  created_at: Generated<Date>;
  finished_at: Date | null;
  summary: unknown;
};

export type User = Selectable<UsersTable>;
export type Organization = Selectable<OrganizationsTable>;
export type NewMail = Insertable<MailOutboxTable>;
