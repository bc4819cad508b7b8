import type { Insertable, Selectable } from 'kysely';
import type {
  MediaFilesTable,
  MicrocredentialsTable,
  MicrocredentialVersionsTable,
  MicrocredentialModulesTable,
  CatalogEntriesTable,
} from './schema/catalog.js';
import type {
  UsersTable,
  SessionsTable,
  PasswordResetsTable,
  EmailVerificationsTable,
  ApiKeysTable,
  RateLimitsTable,
} from './schema/identity.js';
import type {
  SigningKeysTable,
  DidKeyIssuersTable,
  StatusListsTable,
  CredentialsTable,
  IssuanceJobsTable,
  IssuanceJobRowsTable,
} from './schema/issuance.js';
import type {
  VouchersTable,
  EnrolmentsTable,
  ModuleCompletionsTable,
  QuizAttemptsTable,
  EvidenceFilesTable,
  SubmissionsTable,
} from './schema/learning.js';
import type { OrganizationsTable, MembershipsTable, InvitationsTable } from './schema/organisations.js';
import type {
  PathwaysTable,
  PathwayVersionsTable,
  PathwayIndexEpochTable,
  PathwayLearnersTable,
  PathwayAwardsTable,
  PathwayAwardComponentsTable,
  WalletCredentialsTable,
} from './schema/pathways.js';
import type {
  MailOutboxTable,
  DomainEventsTable,
  WebhookEndpointsTable,
  WebhookDeliveriesTable,
  MaintenanceTasksTable,
} from './schema/platform.js';
import type { SkillFrameworksTable, SkillsTable } from './schema/skills.js';

/**
 * Table types for Kysely. Columns match the migrations in ./migrations; keep both in step.
 * Each area's tables are typed in ./schema/<area>.ts; this file lists every table once (`DB`)
 * and re-exports the area types, so `db/schema.js` stays the one import.
 */
export type * from './schema/catalog.js';
export type * from './schema/identity.js';
export type * from './schema/issuance.js';
export type * from './schema/learning.js';
export type * from './schema/organisations.js';
export type * from './schema/pathways.js';
export type * from './schema/platform.js';
export type * from './schema/skills.js';

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
  enrolments: EnrolmentsTable;
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
  issuance_jobs: IssuanceJobsTable;
  issuance_job_rows: IssuanceJobRowsTable;
};

export type User = Selectable<UsersTable>;

export type Organization = Selectable<OrganizationsTable>;

export type NewMail = Insertable<MailOutboxTable>;
