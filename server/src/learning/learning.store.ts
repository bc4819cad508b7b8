import { sql, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { PREPARED_MARK } from '../db/prepared-statements.js';
import type { Db } from '../db/transaction.js';
import type { EnrolmentStatus, MicrocredentialModulesTable } from '../db/schema.js';

/** The latest published version of a programme, as listed in the catalogue. */
export function findListedProgramme(db: Db, providerSlug: string, slug: string) {
  return db
    .selectFrom('catalog_entries as ce')
    .innerJoin('microcredential_versions as v', 'v.id', 'ce.version_id')
    .innerJoin('organizations as o', 'o.id', 'ce.org_id')
    .select([
      'ce.microcredential_id',
      'ce.version_id',
      'ce.org_id',
      'o.slug as providerSlug',
      'o.name as providerName',
      'o.did as providerDid',
      'o.roles as providerRoles',
      'v.title',
      'v.cost_amount_minor',
      'v.cost_currency',
    ])
    .where('ce.provider_slug', '=', providerSlug)
    .where('ce.slug', '=', slug)
    .where('v.status', '=', 'published')
    .executeTakeFirst();
}

export function lockVoucher(db: Db, orgId: string, code: string) {
  return db
    .selectFrom('vouchers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

export async function redeemVoucher(db: Db, id: string) {
  await db
    .updateTable('vouchers')
    .set({ redeemed: sql`redeemed + 1` })
    .where('id', '=', id)
    .execute();
}

/** The programme when it belongs to this organisation, locked until the transaction ends so it cannot vanish meanwhile. */
export function lockOwnMicrocredential(db: Db, orgId: string, microcredentialId: string) {
  return db
    .selectFrom('microcredentials')
    .select('id')
    .where('id', '=', microcredentialId)
    .where('org_id', '=', orgId)
    .forShare()
    .executeTakeFirst();
}

export function insertVoucher(
  db: Db,
  v: {
    orgId: string;
    code: string;
    microcredentialId: string | null;
    maxRedemptions: number;
    expiresAt: Date | null;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('vouchers')
    .values({
      org_id: v.orgId,
      code: v.code,
      microcredential_id: v.microcredentialId,
      max_redemptions: v.maxRedemptions,
      expires_at: v.expiresAt,
      created_by: v.createdBy,
    })
    .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function listVouchers(db: Db, orgId: string) {
  return db.selectFrom('vouchers').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').execute();
}

/** Inserts an enrolment; undefined when the learner already has a live one for this version. */
export function insertEnrolment(
  db: Db,
  e: { orgId: string; microcredentialId: string; versionId: string; learnerId: string; voucherId: string | null },
) {
  return db
    .insertInto('enrolments')
    .values({
      org_id: e.orgId,
      microcredential_id: e.microcredentialId,
      version_id: e.versionId,
      learner_id: e.learnerId,
      voucher_id: e.voucherId,
    })
    .onConflict((oc) => oc.columns(['learner_id', 'version_id']).where('status', '<>', 'withdrawn').doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export function findLiveEnrolment(db: Db, learnerId: string, versionId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id'])
    .where('learner_id', '=', learnerId)
    .where('version_id', '=', versionId)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirst();
}

const enrolmentColumns = [
  'e.id',
  'e.org_id',
  'e.microcredential_id',
  'e.version_id',
  'e.learner_id',
  'e.status',
  'e.enrolled_at',
  'e.completed_at',
  'e.withdrawn_at',
  'e.last_module_id',
  'e.credential_row_id',
  'v.title',
  'v.version_number',
  'v.pass_mark',
  'v.image_file_id',
  'v.achievement',
  'v.validity_months',
  'm.slug',
  'o.slug as providerSlug',
  'o.name as providerName',
  'o.did as providerDid',
  'o.roles as providerRoles',
  'o.created_at as providerCreatedAt',
  'u.email as learnerEmail',
  'u.name as learnerName',
  'u.email_verified_at as learnerEmailVerifiedAt',
] as const;

const moduleColumns = [
  'id',
  'position',
  'title',
  'content',
  'links',
  'estimated_minutes',
  'activity_type',
  'activity',
] as const;
const attemptColumns = ['module_id', 'attempt_number', 'points', 'max_points', 'percent', 'is_passed'] as const;

/**
 * An enrolment with its programme, provider, learner and everything progress is computed from
 * (modules, completions, quiz attempts, submissions): one round trip, so a request reads the
 * learner's state once and passes it down.
 */
function enrolmentQuery(db: Db) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('microcredential_versions as v', 'v.id', 'e.version_id')
    .innerJoin('microcredentials as m', 'm.id', 'e.microcredential_id')
    .innerJoin('organizations as o', 'o.id', 'e.org_id')
    .innerJoin('users as u', 'u.id', 'e.learner_id')
    .select(enrolmentColumns)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('microcredential_modules as mm')
          .select(moduleColumns.map((c) => `mm.${c}` as const))
          .whereRef('mm.version_id', '=', 'e.version_id')
          .orderBy('mm.position'),
      ).as('modules'),
      jsonArrayFrom(
        eb.selectFrom('module_completions as mc').select('mc.module_id').whereRef('mc.enrolment_id', '=', 'e.id'),
      ).as('completions'),
      jsonArrayFrom(
        eb
          .selectFrom('quiz_attempts as q')
          .select(attemptColumns.map((c) => `q.${c}` as const))
          .whereRef('q.enrolment_id', '=', 'e.id')
          .orderBy('q.attempt_number'),
      ).as('attempts'),
      jsonArrayFrom(
        eb
          .selectFrom('submissions as s')
          .leftJoin('evidence_files as f', 'f.id', 's.file_id')
          .select(submissionColumns)
          .whereRef('s.enrolment_id', '=', 'e.id')
          .orderBy('s.attempt_number'),
      ).as('submissions'),
    ])
    .modifyFront(sql.raw(PREPARED_MARK));
}

type RawEnrolment = Awaited<ReturnType<ReturnType<typeof enrolmentQuery>['executeTakeFirstOrThrow']>>;

/** JSON carries timestamps as text: back to the row types the other reads give. */
function hydrate(row: RawEnrolment) {
  const { modules, completions, attempts, submissions, ...enrolment } = row;
  return {
    ...enrolment,
    modules: modules as ModuleRow[],
    completions,
    attempts,
    submissions: submissions.map((s): SubmissionRow => ({
      ...s,
      submitted_at: new Date(s.submitted_at),
      reviewed_at: s.reviewed_at === null ? null : new Date(s.reviewed_at),
    })),
  };
}

export type EnrolmentRow = ReturnType<typeof hydrate>;
export type LearnerStateRows = Pick<EnrolmentRow, 'modules' | 'completions' | 'attempts' | 'submissions'>;
export type AttemptRow = EnrolmentRow['attempts'][number];

/**
 * An enrolment with its programme and learner state; `forUpdate` locks the enrolment row for the
 * transaction first. Two statements then, not `for update` on the state query: a statement that
 * waited for the lock re-reads the locked row but its subqueries keep the snapshot from before
 * the wait, so they would miss the attempts and reviews the previous holder committed.
 */
export async function findEnrolment(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  if (options.forUpdate) {
    const locked = await db
      .selectFrom('enrolments')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .modifyFront(sql.raw(PREPARED_MARK))
      .executeTakeFirst();
    if (!locked) return undefined;
  }
  const row = await enrolmentQuery(db).where('e.id', '=', id).executeTakeFirst();
  return row && hydrate(row);
}

export async function listEnrolmentsOfLearner(db: Db, learnerId: string) {
  const rows = await enrolmentQuery(db)
    .where('e.learner_id', '=', learnerId)
    .orderBy('e.enrolled_at', 'desc')
    .execute();
  return rows.map(hydrate);
}

/** Changes the status; `lastModuleId` records in the same statement where the learner was. */
export async function setEnrolmentStatus(
  db: Db,
  id: string,
  status: EnrolmentStatus,
  now: Date,
  options: { credentialRowId?: string; lastModuleId?: string } = {},
) {
  const { credentialRowId, lastModuleId } = options;
  await db
    .updateTable('enrolments')
    .set({
      status,
      ...(lastModuleId ? { last_module_id: lastModuleId } : {}),
      ...(status === 'completed' ? { completed_at: now, credential_row_id: credentialRowId ?? null } : {}),
      ...(status === 'withdrawn' ? { withdrawn_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function setLastModule(db: Db, id: string, moduleId: string) {
  await db.updateTable('enrolments').set({ last_module_id: moduleId }).where('id', '=', id).execute();
}

export type ModuleRow = Selectable<Pick<MicrocredentialModulesTable, (typeof moduleColumns)[number]>>;

export async function insertCompletion(db: Db, c: { enrolmentId: string; moduleId: string; orgId: string }) {
  await db
    .insertInto('module_completions')
    .values({ enrolment_id: c.enrolmentId, module_id: c.moduleId, org_id: c.orgId })
    .onConflict((oc) => oc.columns(['enrolment_id', 'module_id']).doNothing())
    .execute();
}

export function insertAttempt(
  db: Db,
  a: {
    orgId: string;
    enrolmentId: string;
    moduleId: string;
    attemptNumber: number;
    answers: unknown;
    points: number;
    maxPoints: number;
    percent: number;
    isPassed: boolean;
  },
) {
  return db
    .insertInto('quiz_attempts')
    .values({
      org_id: a.orgId,
      enrolment_id: a.enrolmentId,
      module_id: a.moduleId,
      attempt_number: a.attemptNumber,
      answers: JSON.stringify(a.answers),
      points: a.points,
      max_points: a.maxPoints,
      percent: a.percent,
      is_passed: a.isPassed,
    })
    .returning(['id', 'submitted_at'])
    .executeTakeFirstOrThrow();
}

export function insertEvidenceFile(
  db: Db,
  f: {
    orgId: string;
    learnerId: string;
    filename: string;
    mediaType: string;
    size: number;
    sha256: string;
    bytes: Uint8Array;
  },
) {
  return db
    .insertInto('evidence_files')
    .values({
      org_id: f.orgId,
      learner_id: f.learnerId,
      filename: f.filename,
      media_type: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      bytes: f.bytes,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function findEvidenceFile(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('evidence_files')
    .select(['filename', 'media_type', 'bytes', 'size'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const submissionColumns = [
  's.id',
  's.org_id',
  's.enrolment_id',
  's.module_id',
  's.attempt_number',
  's.text',
  's.link',
  's.file_id',
  's.status',
  's.scores',
  's.points',
  's.max_points',
  's.feedback',
  's.submitted_at',
  's.reviewed_at',
  'f.filename as fileName',
  'f.media_type as fileMediaType',
  'f.size as fileSize',
] as const;

export function listSubmissionsOfEnrolment(db: Db, enrolmentId: string) {
  return db
    .selectFrom('submissions as s')
    .leftJoin('evidence_files as f', 'f.id', 's.file_id')
    .select(submissionColumns)
    .where('s.enrolment_id', '=', enrolmentId)
    .orderBy('s.attempt_number')
    .execute();
}

export type SubmissionRow = Awaited<ReturnType<typeof listSubmissionsOfEnrolment>>[number];

export function insertSubmission(
  db: Db,
  s: {
    orgId: string;
    enrolmentId: string;
    moduleId: string;
    attemptNumber: number;
    text: string | null;
    link: string | null;
    fileId: string | null;
  },
) {
  return db
    .insertInto('submissions')
    .values({
      org_id: s.orgId,
      enrolment_id: s.enrolmentId,
      module_id: s.moduleId,
      attempt_number: s.attemptNumber,
      text: s.text,
      link: s.link,
      file_id: s.fileId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** One submission in an organisation, with who and what it is about. */
export function findSubmission(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('submissions as s')
    .leftJoin('evidence_files as f', 'f.id', 's.file_id')
    .innerJoin('enrolments as e', 'e.id', 's.enrolment_id')
    .innerJoin('users as u', 'u.id', 'e.learner_id')
    .innerJoin('microcredential_versions as v', 'v.id', 'e.version_id')
    .innerJoin('microcredential_modules as mm', 'mm.id', 's.module_id')
    .select([
      ...submissionColumns,
      'u.name as learnerName',
      'v.title as programmeTitle',
      'mm.title as moduleTitle',
      'mm.activity',
    ])
    .where('s.org_id', '=', orgId)
    .where('s.id', '=', id);
  if (options.forUpdate) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

export async function saveReview(
  db: Db,
  id: string,
  r: {
    status: 'approved' | 'resubmit';
    scores: unknown;
    points: number;
    maxPoints: number;
    feedback: string;
    reviewerId: string | null;
    now: Date;
  },
) {
  await db
    .updateTable('submissions')
    .set({
      status: r.status,
      scores: JSON.stringify(r.scores),
      points: r.points,
      max_points: r.maxPoints,
      feedback: r.feedback,
      reviewer_id: r.reviewerId,
      reviewed_at: r.now,
    })
    .where('id', '=', id)
    .execute();
}

export function listReviewQueue(db: Db, orgId: string) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('enrolments as e', 'e.id', 's.enrolment_id')
    .innerJoin('users as u', 'u.id', 'e.learner_id')
    .innerJoin('microcredential_versions as v', 'v.id', 'e.version_id')
    .innerJoin('microcredential_modules as mm', 'mm.id', 's.module_id')
    .select([
      's.id',
      's.submitted_at',
      's.attempt_number',
      'u.name as learnerName',
      'v.title as programmeTitle',
      'mm.id as moduleId',
      'mm.title as moduleTitle',
    ])
    .where('s.org_id', '=', orgId)
    .where('s.status', '=', 'pending')
    .where('e.status', '=', 'active')
    .orderBy('s.submitted_at')
    .execute();
}

/** Credentials held by a person on this Cairn, newest first. */
export function listCredentialsOfRecipient(db: Db, userId: string) {
  return db
    .selectFrom('credentials as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.credential_id',
      'c.format',
      'c.document',
      'c.achievement_name',
      'c.issued_at',
      'c.valid_until',
      'c.revoked_at',
      'c.suspended_at',
      'o.name as issuerName',
      'o.did as issuerDid',
    ])
    .where('c.recipient_user_id', '=', userId)
    .orderBy('c.issued_at', 'desc')
    .execute();
}

/** Counts for the provider dashboard, one round trip per figure group. */
export async function learningStats(db: Db, orgId: string) {
  const totals = await db
    .selectFrom('enrolments')
    .select([
      sql<number>`count(*)::int`.as('enrolments'),
      sql<number>`count(*) filter (where status = 'active')::int`.as('active'),
      sql<number>`count(*) filter (where status = 'completed')::int`.as('completed'),
      sql<number>`count(*) filter (where status = 'withdrawn')::int`.as('withdrawn'),
      sql<
        number | null
      >`(percentile_cont(0.5) within group (order by extract(epoch from completed_at - enrolled_at)) filter (where status = 'completed'))::float8`.as(
        'medianSeconds',
      ),
    ])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const queue = await db
    .selectFrom('submissions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const byProgramme = await db
    .selectFrom('enrolments as e')
    .innerJoin('microcredential_versions as v', 'v.id', 'e.version_id')
    .select([
      'e.microcredential_id',
      sql<string>`max(v.title)`.as('title'),
      sql<number>`count(*)::int`.as('enrolments'),
      sql<number>`count(*) filter (where e.status = 'completed')::int`.as('completed'),
    ])
    .where('e.org_id', '=', orgId)
    .groupBy('e.microcredential_id')
    .orderBy(sql`count(*)`, 'desc')
    .limit(20)
    .execute();
  const quizzes = await db
    .selectFrom('quiz_attempts as q')
    .innerJoin('microcredential_modules as mm', 'mm.id', 'q.module_id')
    .innerJoin('microcredential_versions as v', 'v.id', 'mm.version_id')
    .select([
      'q.module_id',
      sql<string>`max(mm.title)`.as('title'),
      sql<string>`max(v.title)`.as('programme'),
      sql<number>`count(*)::int`.as('attempts'),
      sql<number>`avg(case when q.is_passed then 1.0 else 0.0 end)::float8`.as('passRate'),
    ])
    .where('q.org_id', '=', orgId)
    .groupBy('q.module_id')
    .orderBy(sql`count(*)`, 'desc')
    .limit(20)
    .execute();
  const weekly = await db
    .selectFrom('enrolments')
    .select([
      sql<string>`to_char(date_trunc('week', enrolled_at), 'YYYY-MM-DD')`.as('week'),
      sql<number>`count(*)::int`.as('enrolments'),
      sql<number>`count(*) filter (where status = 'completed')::int`.as('completions'),
    ])
    .where('org_id', '=', orgId)
    .where('enrolled_at', '>', sql<Date>`now() - interval '12 weeks'`)
    .groupBy(sql`date_trunc('week', enrolled_at)`)
    .orderBy(sql`date_trunc('week', enrolled_at)`)
    .execute();
  return { totals, reviewQueue: queue.n, byProgramme, quizzes, weekly };
}
