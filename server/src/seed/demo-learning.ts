import type { Actor, Deps } from '../deps.js';
import { findUserByEmail } from '../identity/identity.store.js';
import type { Activity, Quiz, QuizAnswers } from '../learning/activities.js';
import { completeModule } from '../learning/use-cases/complete-module.js';
import { enrolLearner } from '../learning/use-cases/enrol-learner.js';
import { getEnrolment } from '../learning/use-cases/get-enrolment.js';
import { getSubmissionForReview } from '../learning/use-cases/review-queue.js';
import { reviewSubmission } from '../learning/use-cases/review-submission.js';
import { submitAssignment } from '../learning/use-cases/submit-assignment.js';
import { submitQuizAttempt } from '../learning/use-cases/submit-quiz-attempt.js';

type Programme = { providerSlug: string; slug: string; title: string };
type Reviewed = Programme & { reviewerEmail: string };

function asUser(userId: string): Actor {
  // The seed acts through the same use cases as people do; it has no HTTP session.
  return { kind: 'user', userId, sessionId: 'demo-seed' };
}

function rightAnswers(quiz: Quiz): QuizAnswers {
  return Object.fromEntries(
    quiz.questions.map((q) => [
      q.id,
      q.kind === 'numeric' ? q.answer : q.options.filter((o) => o.isCorrect).map((o) => o.id),
    ]),
  );
}

/**
 * Walks the demo learner through programmes the real way (enrol, read, pass quizzes, submit
 * evidence that the provider's owner approves), so the credentials they hold were earned
 * through the completion path, not inserted.
 */
export async function seedDemoLearning(
  deps: Deps,
  options: { learnerEmail: string; complete: Reviewed[]; inProgress: Programme[] },
) {
  const learner = await findUserByEmail(deps.db, options.learnerEmail);
  if (!learner) throw new Error('The demo learner must exist before their learning is seeded.');
  const me = asUser(learner.id);
  const earned: string[] = [];
  for (const p of options.complete) {
    const reviewer = await findUserByEmail(deps.db, p.reviewerEmail);
    if (!reviewer) throw new Error(`No reviewer ${p.reviewerEmail} for ${p.title}.`);
    const enrolment = await enrolLearner(deps, me, { providerSlug: p.providerSlug, slug: p.slug });
    for (const m of enrolment.modules) {
      if (!m.activity) {
        await completeModule(deps, me, enrolment.id, m.id);
      } else if (m.activity.type === 'quiz') {
        const quiz = (
          await deps.db
            .selectFrom('microcredential_modules')
            .select('activity')
            .where('id', '=', m.id)
            .executeTakeFirstOrThrow()
        ).activity as Activity;
        if (quiz.type !== 'quiz') continue;
        await submitQuizAttempt(deps, me, enrolment.id, m.id, rightAnswers(quiz));
      } else {
        const submission = await submitAssignment(deps, me, enrolment.id, m.id, {
          text: `My evidence for “${m.title}”: I applied the module at work and documented what I did, what I measured and what I would change next time.`,
        });
        const forReview = await getSubmissionForReview(deps, asUser(reviewer.id), p.providerSlug, submission.id);
        const criteria = (forReview.rubric as { criteria: { id: string; levels: { id: string; points: number }[] }[] })
          .criteria;
        const scores = Object.fromEntries(
          criteria.map((c) => [c.id, [...c.levels].sort((a, b) => b.points - a.points)[0]!.id]),
        );
        await reviewSubmission(deps, asUser(reviewer.id), p.providerSlug, submission.id, {
          scores,
          feedback: 'Clear, practical and well evidenced. Well done.',
          decision: 'approve',
        });
      }
    }
    const done = await getEnrolment(deps, me, enrolment.id);
    if (done.status !== 'completed')
      throw new Error(`The demo learner did not complete ${p.title}; check its modules.`);
    earned.push(p.title);
  }
  for (const p of options.inProgress) {
    const enrolment = await enrolLearner(deps, me, { providerSlug: p.providerSlug, slug: p.slug });
    const first = enrolment.modules.find((m) => !m.activity);
    if (first) await completeModule(deps, me, enrolment.id, first.id);
  }
  return { earned };
}
