import type { Actor, Deps } from '../../deps.js';
import { transaction, type Db } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { answerProblems, gradeQuiz, type Quiz, type QuizAnswers } from '../activities.js';
import { detailOf } from '../enrolment-view.js';
import { activityOf, withCompletion } from '../learner-state.js';
import * as enrolmentStore from '../stores/enrolment.store.js';
import * as draws from '../stores/quiz-draw.store.js';
import { moduleOf, ownEnrolment, requireActive } from '../own-enrolment.js';
import { recordProgress } from '../programme-completion.js';
import { requireAttemptAllowed, TIME_LIMIT_GRACE_SECONDS } from '../quiz-gate.js';
import { drawnQuiz, feedbackOf, needsStart, quizPolicy } from '../quiz-policy.js';

/**
 * Grades a quiz attempt on the server. The enrolment row is locked, so two submissions at
 * once are graded one after the other and cannot both use the last attempt. A quiz that draws
 * questions, shuffles options or has a time limit is graded on the attempt the learner started
 * (`startQuizAttempt`); past its time limit the attempt scores nothing. Which answers were
 * right is told only when the quiz's policy reveals them (after a pass, or the last attempt).
 */
export async function submitQuizAttempt(deps: Deps, actor: Actor, id: string, moduleId: string, answers: QuizAnswers) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrolment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    const fullQuiz = activityOf(moduleOf(e, moduleId));
    if (fullQuiz?.type !== 'quiz') throw new AppError('conflict', 'This module has no quiz.');
    const policy = quizPolicy(fullQuiz);
    const now = deps.clock();
    const previous = e.attempts.filter((a) => a.module_id === moduleId);
    const open = await draws.findOpenDraw(trx, e.id, moduleId);
    if (needsStart(policy) && !open)
      throw new AppError('conflict', 'Start the attempt first: the questions are drawn when you start.');
    const quiz: Quiz = open ? drawnQuiz(fullQuiz, open.questions) : fullQuiz;
    const isLate =
      open?.expiresAt != null && now.getTime() > open.expiresAt.getTime() + TIME_LIMIT_GRACE_SECONDS * 1000;
    const problems = isLate ? [] : answerProblems(quiz, answers);
    if (problems.length > 0)
      throw new AppError('validation_failed', 'Some answers cannot be graded. See errors[].', { fields: problems });
    // A started attempt was allowed when it started; only an unstarted one is checked now.
    if (!open) requireAttemptAllowed(fullQuiz, policy, previous, await draws.lastAttemptAt(trx, e.id, moduleId), now);
    else if (previous.some((a) => a.is_passed)) throw new AppError('conflict', 'You have already passed this quiz.');
    // Past the time limit the answers are not read: the attempt scores nothing.
    const grade = gradeQuiz(quiz, isLate ? {} : answers);
    if (isLate) grade.isPassed = false;
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
      answers: isLate ? {} : answers,
      points: grade.points,
      maxPoints: grade.maxPoints,
      percent: grade.percent,
      isPassed: grade.isPassed,
    });
    if (open) await draws.closeDraw(trx, open.id, now);
    if (grade.isPassed) await enrolmentStore.insertCompletion(trx, { enrolmentId: e.id, moduleId, orgId: e.org_id });
    const attempted = { ...e, attempts: [...e.attempts, attempt] };
    const after = await recordProgress(tx, actor, grade.isPassed ? withCompletion(attempted, moduleId) : attempted, {
      lastModuleId: moduleId,
    });
    const attemptsLeft = fullQuiz.attemptsLimit === null ? null : fullQuiz.attemptsLimit - attemptNumber;
    const feedback = feedbackOf(quiz, grade, policy, { isLastAttempt: attemptsLeft === 0 });
    return {
      attemptNumber,
      percent: grade.percent,
      isPassed: grade.isPassed,
      isLate,
      attemptsLeft,
      answersRevealed: feedback.answersRevealed,
      questions: feedback.questions,
      enrolment: detailOf(deps, after),
    };
  });
}

/**
 * Closes a started attempt whose time ran out without a submission, recording it as failed
 * (zero points): otherwise starting and abandoning would preview questions for free.
 * Returns whether it did.
 */
export async function closeExpiredDraw(
  db: Db,
  e: { id: string; org_id: string },
  moduleId: string,
  open: draws.OpenDraw,
  attemptsSoFar: number,
  now: Date,
): Promise<boolean> {
  if (!open.expiresAt || now.getTime() <= open.expiresAt.getTime() + TIME_LIMIT_GRACE_SECONDS * 1000) return false;
  await enrolmentStore.insertAttempt(db, {
    orgId: e.org_id,
    enrolmentId: e.id,
    moduleId,
    attemptNumber: attemptsSoFar + 1,
    answers: {},
    points: 0,
    maxPoints: Math.max(1, open.questions.length),
    percent: 0,
    isPassed: false,
  });
  await draws.closeDraw(db, open.id, now);
  return true;
}
