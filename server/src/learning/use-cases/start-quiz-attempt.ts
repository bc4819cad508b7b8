import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { activityOf } from '../learner-state.js';
import { moduleOf, ownEnrolment, requireActive } from '../own-enrolment.js';
import { requireAttemptAllowed } from '../quiz-gate.js';
import { drawQuestions, learnerQuestionsOf, quizPolicy } from '../quiz-policy.js';
import * as draws from '../stores/quiz-draw.store.js';
import { closeExpiredDraw } from './submit-quiz-attempt.js';

/**
 * Starts (or resumes) an attempt: the server draws the questions from the pool, orders the
 * options and starts the clock. Starting again while an attempt is open gives the same one, so
 * reloading the page never draws fresh questions; an attempt whose time ran out counts as failed.
 */
export async function startQuizAttempt(deps: Deps, actor: Actor, id: string, moduleId: string) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrolment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    const quiz = activityOf(moduleOf(e, moduleId));
    if (quiz?.type !== 'quiz') throw new AppError('conflict', 'This module has no quiz.');
    const policy = quizPolicy(quiz);
    const now = deps.clock();
    let open = await draws.findOpenDraw(trx, e.id, moduleId);
    let previous = e.attempts.filter((a) => a.module_id === moduleId);
    if (open && (await closeExpiredDraw(trx, e, moduleId, open, previous.length, now))) {
      previous = [...previous, { is_passed: false } as (typeof previous)[number]];
      open = null;
    }
    if (!open) {
      requireAttemptAllowed(quiz, policy, previous, await draws.lastAttemptAt(trx, e.id, moduleId), now);
      const questions = drawQuestions(quiz, policy);
      const expiresAt =
        policy.timeLimitMinutes === null ? null : new Date(now.getTime() + policy.timeLimitMinutes * 60_000);
      const drawId = await draws.insertDraw(trx, {
        orgId: e.org_id,
        enrolmentId: e.id,
        moduleId,
        questions,
        startedAt: now,
        expiresAt,
      });
      open = { id: drawId, questions, startedAt: now, expiresAt };
    }
    return {
      attemptId: open.id,
      attemptNumber: previous.length + 1,
      startedAt: open.startedAt,
      expiresAt: open.expiresAt,
      questions: learnerQuestionsOf(quiz, open.questions),
    };
  });
}
