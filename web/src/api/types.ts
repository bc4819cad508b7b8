/**
 * Names for the API's types, all derived from `schema.d.ts` (generated from the server's OpenAPI
 * document by `npm run api:types`). Nothing here is written by hand: when a type is too loose,
 * tighten the server's schema and regenerate.
 */
import type { components, paths } from './schema';

export type { components, paths };

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON a route answers with on success (its 200, 201 or 202). */
export type Answer<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201 | 202>]> : never;

/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query parameters a route takes. */
export type Query<P extends keyof paths, M extends Method> = NonNullable<Operation<P, M>['parameters']['query']>;

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Items<T> = { items: T[] };

// ---- Foundation: people, organisations, keys ----
export type User = Schemas['User'];
export type Org = Schemas['Organization'];
export type OrgRole = Org['roles'][number];
export type OrgIdentifiers = Schemas['OrganizationIdentifiers'];
export type OrgWithMyRole = Answer<'/api/v1/orgs/{slug}', 'get'>;
export type SessionAnswer = Answer<'/api/v1/auth/session', 'get'>;
export type Membership = SessionAnswer['memberships'][number];
export type MemberRole = Membership['role'];
/** A signed-in person's session. `isOperator`: may see and retry the instance's background jobs. */
export type Session = { user: User } & Omit<SessionAnswer, 'user'>;
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type CreatedInvitation = Answer<'/api/v1/orgs/{slug}/invitations', 'post'>;
export type InvitationPreview = Answer<'/api/v1/invitations/{token}', 'get'>;
export type ApiKey = Schemas['ApiKey'];
export type IssuerIdentifier = ApiKey['issuerIdentifier'];
export type CreatedApiKey = Answer<'/api/v1/orgs/{slug}/api-keys', 'post'>;
export type DidKeyIdentifier = Schemas['DidKeyIdentifier'];
export type SigningKey = Schemas['SigningKey'];

// ---- Credentials and verification ----
export type VerificationResult = Schemas['VerificationResult'];
export type VerificationCheck = VerificationResult['checks'][number];
export type CheckStatus = VerificationCheck['status'];
export type VerificationSummary = NonNullable<VerificationResult['summary']>;
export type IssuedCredential = ItemOf<Answer<'/api/v1/orgs/{slug}/credentials', 'get'>>;
export type CredentialLifecycle = IssuedCredential['status'];
export type CredentialFormat = IssuedCredential['format'];
export type IssueOptions = NonNullable<Body<'/api/v1/orgs/{slug}/credentials', 'post'>['options']>;
export type Cryptosuite = NonNullable<IssueOptions['cryptosuite']>;
/** The answer to revoke, suspend and unsuspend. */
export type CredentialStatusChange = Schemas['CredentialStatus'];
/** A signed credential as issued: a JSON-LD object, or a compact VC-JWT for the jwt format. */
export type SignedCredential = Answer<'/api/v1/orgs/{slug}/credentials', 'post'>['verifiableCredential'];

// ---- Operators ----
export type JobsOverview = Schemas['JobsOverview'];
export type QueueOverview = JobsOverview['queues'][number];
export type JobState = keyof QueueOverview['counts'];
/** A job that failed for good; retry it with `queue` and `id`. */
export type JobFailure = JobsOverview['recentFailures'][number];
export type RetryOutcome = Answer<'/api/v1/admin/jobs/{queue}/{id}/retry', 'post'>;

// ---- Audit log ----
export type AuditEntry = Schemas['AuditEntry'];
export type AuditActor = Schemas['AuditActor'];
export type AuditPage = Answer<'/api/v1/orgs/{slug}/audit-log', 'get'>;

// ---- Webhooks ----
export type Webhook = Schemas['Webhook'];
/** The answer to creating a webhook: the only time its signing secret is shown. */
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type RotatedWebhookSecret = Schemas['RotatedWebhookSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookDeliveryStatus = WebhookDelivery['status'];
export type WebhookDeliveriesPage = Answer<'/api/v1/orgs/{slug}/webhooks/{id}/deliveries', 'get'>;
export type WebhookInput = Body<'/api/v1/orgs/{slug}/webhooks', 'post'>;
export type WebhookChanges = Body<'/api/v1/orgs/{slug}/webhooks/{id}', 'patch'>;

// ---- Catalogue ----
export type CatalogItem = Schemas['CatalogItem'];
export type CatalogSearchResult = Schemas['CatalogSearchResult'];
export type CatalogFacets = CatalogSearchResult['facets'];
export type FacetValue = CatalogFacets['skill'][number];
export type LearningFormat = CatalogItem['format'];
/** Price in integer minor units (cents, pence); null means free. */
export type Cost = Schemas['Cost'] | null;
export type Programme = Schemas['Programme'];

// ---- Authoring ----
export type Microcredential = Schemas['Microcredential'];
export type MicrocredentialStatus = Microcredential['status'];
export type MicrocredentialVersion = Schemas['MicrocredentialVersion'];
export type VersionSummary = Microcredential['versions'][number];
export type VersionStatus = VersionSummary['status'];
export type VersionPatch = Body<'/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}', 'patch'>;
export type MicrocredentialListItem = ItemOf<Answer<'/api/v1/orgs/{slug}/microcredentials', 'get'>>;
export type AuthoringModule = Schemas['AuthoringModule'];
export type ModuleInput = Body<'/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}/modules', 'post'>;
export type ModuleLink = AuthoringModule['links'][number];
export type Activity = NonNullable<AuthoringModule['activity']>;
export type Quiz = Extract<Activity, { type: 'quiz' }>;
export type Question = Quiz['questions'][number];
export type Assignment = Extract<Activity, { type: 'assignment' }>;

export type Rubric = Assignment['rubric'];
export type RubricCriterion = Rubric['criteria'][number];
export type EvidenceKind = Assignment['evidence']['kinds'][number];
export type UploadedImage = Schemas['UploadedImage'];

// ---- Skills ----
export type Skill = Schemas['Skill'];
export type SkillFramework = Schemas['SkillFramework'];
export type SkillImportPreview = Schemas['SkillImportPreview'];
export type SkillImportResult = Schemas['SkillImportResult'];
export type SkillCsvFormat = NonNullable<SkillImportPreview['format']>;

// ---- Learning ----
export type EnrolmentSummary = Schemas['EnrolmentSummary'];
export type EnrolmentDetail = Schemas['EnrolmentDetail'];
export type LearnerModule = EnrolmentDetail['modules'][number];
export type ModuleState = LearnerModule['state'];
export type LearnerActivity = NonNullable<LearnerModule['activity']>;
/** A quiz as a learner sees it: never the answers. */
export type LearnerQuiz = Extract<LearnerActivity, { type: 'quiz' }>;
export type LearnerAssignment = Extract<LearnerActivity, { type: 'assignment' }>;
export type LearnerRubric = LearnerAssignment['rubric'];
export type Submission = Schemas['Submission'];
export type SubmissionStatus = Submission['status'];
export type QuizAnswers = Body<'/api/v1/me/enrolments/{id}/modules/{moduleId}/quiz-attempts', 'post'>['answers'];
export type QuizAttemptResult = Answer<'/api/v1/me/enrolments/{id}/modules/{moduleId}/quiz-attempts', 'post'>;
export type MyCredential = ItemOf<Answer<'/api/v1/me/credentials', 'get'>>;
export type ReviewQueueItem = ItemOf<Answer<'/api/v1/orgs/{slug}/review-queue', 'get'>>;
export type SubmissionForReview = Answer<'/api/v1/orgs/{slug}/submissions/{id}', 'get'>;
export type ReviewInput = Body<'/api/v1/orgs/{slug}/submissions/{id}/review', 'post'>;
export type ReviewDecision = ReviewInput['decision'];
export type LearningStats = Answer<'/api/v1/orgs/{slug}/learning-stats', 'get'>;
/** A voucher code a provider hands out for its paid programmes (Cairn takes no card payments). */
export type Voucher = Schemas['Voucher'];
export type VoucherInput = Body<'/api/v1/orgs/{slug}/vouchers', 'post'>;
