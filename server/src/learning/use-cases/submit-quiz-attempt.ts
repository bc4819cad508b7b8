import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { answerProblems, gradeQuiz, type QuizAnswers } from '../activities.js';
import { detailOf } from '../enrolment-view.js';
import { activityOf, withCompletion } from '../learner-state.js';
import * as enrolmentStore from '../stores/enrolment.store.js';
import { moduleOf, ownEnrolment, requireActive } from '../own-enrolment.js';
import { recordProgress } from '../programme-completion.js';

/**
 * Grades a quiz attempt on the server. The enrolment row is locked, so two submissions at
 * once are graded one after the other and cannot both use the last attempt.
 */
export async function submitQuizAttempt(deps: Deps, actor: Actor, id: string, moduleId: string, answers: QuizAnswers) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrolment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    const quiz = activityOf(moduleOf(e, moduleId));
    if (quiz?.type !== 'quiz') throw new AppError('conflict', 'This module has no quiz.');
    const problems = answerProblems(quiz, answers);
    if (problems.length > 0)
      throw new AppError('validation_failed', 'Some answers cannot be graded. See errors[].', { fields: problems });
    const previous = e.attempts.filter((a) => a.module_id === moduleId);
    if (previous.some((a) => a.is_passed)) throw new AppError('conflict', 'You have already passed this quiz.');
    if (quiz.attemptsLimit !== null && previous.length >= quiz.attemptsLimit) {
      throw new AppError(
        'conflict',
        `You have used all ${quiz.attemptsLimit} attempts at this quiz. Contact the provider if you need another.`,
      );
    }
    const grade = gradeQuiz(quiz, answers);
    const attemptNumber = previous.length + 1;
    const attempt = {
      module_id: moduleId,
      attempt_number: attemptNumber,
      points: grade.points,
      max_points: grade.maxPoints,
      percent: grade.percent,
      is_passed: grade.isPassed,
    };
    await enrolmentStore.insertAttempt(trx, {
      orgId: e.org_id,
      enrolmentId: e.id,
      moduleId,
      attemptNumber,
      answers,
      points: grade.points,
      maxPoints: grade.maxPoints,
      percent: grade.percent,
      isPassed: grade.isPassed,
    });
    if (grade.isPassed) await enrolmentStore.insertCompletion(trx, { enrolmentId: e.id, moduleId, orgId: e.org_id });
    const attempted = { ...e, attempts: [...e.attempts, attempt] };
    const now = await recordProgress(tx, actor, grade.isPassed ? withCompletion(attempted, moduleId) : attempted, {
      lastModuleId: moduleId,
    });
    return {
      attemptNumber,
      percent: grade.percent,
      isPassed: grade.isPassed,
      attemptsLeft: quiz.attemptsLimit === null ? null : quiz.attemptsLimit - attemptNumber,
      questions: grade.questions,
      enrolment: detailOf(deps, now),
    };
  });
}
