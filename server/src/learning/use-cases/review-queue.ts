import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { assignmentMaxPoints, type Assignment } from '../activities.js';
import { presentSubmission } from '../enrolment-view.js';
import * as submissionStore from '../stores/submission.store.js';

/** Submissions of learners still enrolled that wait for an assessor, oldest first. */
export async function listReviewQueue(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'learning.review');
  const rows = await submissionStore.listReviewQueue(deps.db, org.id);
  return rows.map((r) => ({
    id: r.id,
    submittedAt: r.submitted_at,
    attemptNumber: r.attempt_number,
    learner: { name: r.learnerName },
    programme: { title: r.programmeTitle },
    module: { id: r.moduleId, title: r.moduleTitle },
  }));
}

/** One submission with the rubric it is assessed against. */
export async function getSubmissionForReview(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'learning.review');
  const s = await submissionStore.findSubmission(deps.db, org.id, id);
  if (!s) throw new AppError('not_found', 'No submission with this id in this organisation.');
  const assignment = s.activity as Assignment;
  return {
    ...presentSubmission(s),
    learner: { name: s.learnerName },
    programme: { title: s.programmeTitle },
    module: { id: s.module_id, title: s.moduleTitle },
    instructions: assignment.instructions,
    rubric: assignment.rubric,
    passPoints: assignment.passPoints,
    maxPoints: assignmentMaxPoints(assignment),
    scores: (s.scores as Record<string, string> | null) ?? null,
  };
}

export async function readSubmissionFile(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'learning.review');
  const s = await submissionStore.findSubmission(deps.db, org.id, id);
  if (!s?.file_id) throw new AppError('not_found', 'This submission has no file.');
  const f = await submissionStore.findEvidenceFile(deps.db, org.id, s.file_id);
  if (!f) throw new AppError('not_found', 'The file is no longer available.');
  return { filename: f.filename, mediaType: f.media_type, bytes: Buffer.from(f.bytes) };
}
