import { AppError } from '../http/app-error.js';
import type { Quiz } from './activities.js';
import type { QuizPolicy } from './quiz-policy.js';

/**
 * Whether the learner may make another attempt now: not after a pass, not past the limit, not
 * within the cool-down after a failed attempt. Throws the reason as an AppError.
 */
export function requireAttemptAllowed(
  quiz: Quiz,
  policy: QuizPolicy,
  previous: { is_passed: boolean }[],
  lastAttemptAt: Date | null,
  now: Date,
): void {
  if (previous.some((a) => a.is_passed)) throw new AppError('conflict', 'You have already passed this quiz.');
  if (quiz.attemptsLimit !== null && previous.length >= quiz.attemptsLimit) {
    throw new AppError(
      'conflict',
      `You have used all ${quiz.attemptsLimit} attempts at this quiz. Contact the provider if you need another.`,
    );
  }
  if (policy.cooldownMinutes !== null && lastAttemptAt) {
    const readyAt = lastAttemptAt.getTime() + policy.cooldownMinutes * 60_000;
    if (readyAt > now.getTime()) {
      const seconds = (readyAt - now.getTime()) / 1000;
      throw new AppError(
        'rate_limited',
        `Take a break before the next attempt: you can try again in ${Math.ceil(seconds / 60)} minute(s).`,
        { retryAfterSeconds: seconds },
      );
    }
  }
}

/** Seconds of grace after a time limit, for the network between the learner's click and the server. */
export const TIME_LIMIT_GRACE_SECONDS = 30;
