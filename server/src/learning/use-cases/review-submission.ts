import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { eventActorOf, recordEvent } from '../../events/record-event.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { scoreRubric, type Assignment } from '../activities.js';
import { presentSubmission } from '../enrolment-view.js';
import { withCompletion } from '../learner-state.js';
import * as enrolmentStore from '../stores/enrolment.store.js';
import * as submissionStore from '../stores/submission.store.js';
import { recordProgress } from '../programme-completion.js';

export type ReviewOptions = { scores: Record<string, string>; feedback: string; decision: 'approve' | 'resubmit' };

/** Records an assessor's review; approving the last missing piece completes the programme. */
export async function reviewSubmission(deps: Deps, actor: Actor, slug: string, id: string, options: ReviewOptions) {
  const access = await authorizeOrg(deps, actor, slug, 'learning.review');
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const s = await submissionStore.findSubmission(trx, access.org.id, id, { forUpdate: true });
    if (!s) throw new AppError('not_found', 'No submission with this id in this organisation.');
    if (s.status !== 'pending') throw new AppError('conflict', `This submission was already reviewed (${s.status}).`);
    const e = await enrolmentStore.findEnrolment(trx, s.enrolment_id, { forUpdate: true });
    if (!e || e.status !== 'active')
      throw new AppError('conflict', 'The learner is no longer enrolled in this programme.');
    const score = scoreRubric(s.activity as Assignment, options.scores);
    if ('problems' in score)
      throw new AppError('validation_failed', 'Score every criterion of the rubric. See errors[].', {
        fields: score.problems,
      });
    if (options.decision === 'approve' && !score.isPassing) {
      throw new AppError(
        'validation_failed',
        `These scores do not reach the pass level (${score.points} of ${score.maxPoints} points). Ask for a resubmission, or revise the scores.`,
        { fields: [{ field: 'decision', message: 'Below the pass level' }] },
      );
    }
    const review = {
      status: options.decision === 'approve' ? ('approved' as const) : ('resubmit' as const),
      scores: options.scores,
      points: score.points,
      maxPoints: score.maxPoints,
      feedback: options.feedback,
      reviewerId: access.actor.kind === 'user' ? access.actor.userId : null,
      now: deps.clock(),
    };
    await submissionStore.saveReview(trx, s.id, review);
    const reviewed = {
      ...s,
      status: review.status,
      scores: review.scores,
      points: review.points,
      max_points: review.maxPoints,
      feedback: review.feedback,
      reviewed_at: review.now,
    };
    if (options.decision === 'approve') {
      await enrolmentStore.insertCompletion(trx, { enrolmentId: e.id, moduleId: s.module_id, orgId: e.org_id });
      const submissions = e.submissions.map((x) =>
        x.id === s.id ? { ...x, status: review.status, points: review.points, max_points: review.maxPoints } : x,
      );
      await recordProgress(tx, actor, withCompletion({ ...e, submissions }, s.module_id));
    }
    await recordEvent(tx, trx, {
      type: 'submission.reviewed',
      orgId: e.org_id,
      actor: eventActorOf(actor),
      data: { submissionId: s.id, enrolmentId: e.id, learnerId: e.learner_id, decision: options.decision },
    });
    return presentSubmission(reviewed);
  });
}
