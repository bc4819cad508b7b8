import type { Insertable, Selectable } from 'kysely';
import type {
  AccreditationSchemesTable,
  AccreditationApplicationsTable,
  AccreditationApplicationProgrammesTable,
  AccreditationApplicationEvidenceTable,
  AccreditationReviewChecksTable,
  AccreditationMessagesTable,
  AccreditationsTable,
  AccreditationStatusChangesTable,
} from './schema/accreditation.js';
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
import type { OccupationsTable, OccupationSkillsTable, SkillFrameworksTable, SkillsTable } from './schema/skills.js';
import type { CandidateChecksTable, CandidateCheckItemsTable } from './schema/candidate-checks.js';
import type {
  OrgShowcaseSettingsTable,
  PublicProfilesTable,
  PublicProfileCredentialsTable,
  ShowcaseShareLinksTable,
} from './schema/showcase.js';
import type { CredentialExchangesTable, CredentialExchangeStepsTable } from './schema/exchanges.js';
import type {
  ProgrammeReviewsTable,
  CohortsTable,
  CohortMembersTable,
  DiscussionThreadsTable,
  DiscussionPostsTable,
  DirectMessagesTable,
  CommunityReportsTable,
  CommunityNotificationsTable,
  PeerProfilesTable,
} from './schema/community.js';
import type {
  EndorsementsTable,
  CoDevelopmentInvitationsTable,
  CoDevelopmentCommentsTable,
} from './schema/endorsement.js';
import type {
  LearnerGoalsTable,
  GoalNudgesTable,
  ExchangeRatesTable,
  CpdSchemesTable,
  CpdEvidenceFilesTable,
  CpdEntriesTable,
  QuizDrawsTable,
  ModuleTimeSpentTable,
} from './schema/goals-cpd.js';
import type {
  EmployerRolesTable,
  EmployerRoleSkillsTable,
  EmployerRoleVersionsTable,
  EmployerTeamsTable,
  EmployerTeamMembersTable,
  CredentialSharesTable,
  SkillAssessmentsTable,
  LearningAssignmentsTable,
  SponsoredSeatBudgetsTable,
  SponsoredSeatsTable,
  CredentialVerificationMemosTable,
} from './schema/workforce.js';

/**
 * Table types for Kysely. Columns match the migrations in ./migrations; keep both in step.
 * Each area's tables are typed in ./schema/<area>.ts; this file lists every table once (`DB`)
 * and re-exports the area types, so `db/schema.js` stays the one import.
 */
export type * from './schema/accreditation.js';
export type * from './schema/candidate-checks.js';
export type * from './schema/catalog.js';
export type * from './schema/community.js';
export type * from './schema/endorsement.js';
export type * from './schema/identity.js';
export type * from './schema/issuance.js';
export type * from './schema/learning.js';
export type * from './schema/organisations.js';
export type * from './schema/pathways.js';
export type * from './schema/platform.js';
export type * from './schema/skills.js';
export type * from './schema/showcase.js';
export type * from './schema/exchanges.js';
export type * from './schema/goals-cpd.js';
export type * from './schema/workforce.js';

export type DB = {
  programme_reviews: ProgrammeReviewsTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  discussion_threads: DiscussionThreadsTable;
  discussion_posts: DiscussionPostsTable;
  direct_messages: DirectMessagesTable;
  community_reports: CommunityReportsTable;
  community_notifications: CommunityNotificationsTable;
  peer_profiles: PeerProfilesTable;
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
  occupations: OccupationsTable;
  occupation_skills: OccupationSkillsTable;
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
  candidate_checks: CandidateChecksTable;
  candidate_check_items: CandidateCheckItemsTable;
  org_showcase_settings: OrgShowcaseSettingsTable;
  public_profiles: PublicProfilesTable;
  public_profile_credentials: PublicProfileCredentialsTable;
  showcase_share_links: ShowcaseShareLinksTable;
  credential_exchanges: CredentialExchangesTable;
  credential_exchange_steps: CredentialExchangeStepsTable;
  employer_roles: EmployerRolesTable;
  employer_role_skills: EmployerRoleSkillsTable;
  employer_role_versions: EmployerRoleVersionsTable;
  employer_teams: EmployerTeamsTable;
  employer_team_members: EmployerTeamMembersTable;
  credential_shares: CredentialSharesTable;
  skill_assessments: SkillAssessmentsTable;
  learning_assignments: LearningAssignmentsTable;
  sponsored_seat_budgets: SponsoredSeatBudgetsTable;
  sponsored_seats: SponsoredSeatsTable;
  credential_verification_memos: CredentialVerificationMemosTable;
  accreditation_schemes: AccreditationSchemesTable;
  accreditation_applications: AccreditationApplicationsTable;
  accreditation_application_programmes: AccreditationApplicationProgrammesTable;
  accreditation_application_evidence: AccreditationApplicationEvidenceTable;
  accreditation_review_checks: AccreditationReviewChecksTable;
  accreditation_messages: AccreditationMessagesTable;
  accreditations: AccreditationsTable;
  accreditation_status_changes: AccreditationStatusChangesTable;
  endorsements: EndorsementsTable;
  co_development_invitations: CoDevelopmentInvitationsTable;
  co_development_comments: CoDevelopmentCommentsTable;
  learner_goals: LearnerGoalsTable;
  goal_nudges: GoalNudgesTable;
  exchange_rates: ExchangeRatesTable;
  cpd_schemes: CpdSchemesTable;
  cpd_evidence_files: CpdEvidenceFilesTable;
  cpd_entries: CpdEntriesTable;
  quiz_draws: QuizDrawsTable;
  module_time_spent: ModuleTimeSpentTable;
};

export type User = Selectable<UsersTable>;

export type Organization = Selectable<OrganizationsTable>;

export type NewMail = Insertable<MailOutboxTable>;
