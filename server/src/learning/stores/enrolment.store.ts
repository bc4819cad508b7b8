import { sql, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { PREPARED_MARK } from '../../db/prepared-statements.js';
import type { Db } from '../../db/transaction.js';
import type { EnrolmentStatus, MicrocredentialModulesTable } from '../../db/schema.js';
import { submissionColumns, type SubmissionRow } from './submission.store.js';

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
  'v.cpd_hours',
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
