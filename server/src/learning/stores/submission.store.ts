import type { Db } from '../../db/transaction.js';

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

export const submissionColumns = [
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
