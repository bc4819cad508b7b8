import diagnosticsChannel from 'node:diagnostics_channel';
import { AppError } from '../http/app-error.js';

/**
 * What the application reports for metrics, without knowing who listens: the code that issues
 * or verifies publishes on a diagnostics channel, and each app's metrics registry subscribes.
 * Publishing costs nothing when no registry listens (metrics off, or a test without them).
 */

/** A domain event whose transaction committed (published after commit, so rolled-back work never counts). */
export type CommittedEvent = { type: string; data: unknown };

export type VerificationOutcome = 'verified' | 'not_verified' | 'refused' | 'error';
/** One untrusted verification in the verify pool: what was presented and how it ended. */
export type VerificationObservation = { source: string; outcome: VerificationOutcome };

const committedEvents = diagnosticsChannel.channel('cairn:domain-event.committed');
const verifications = diagnosticsChannel.channel('cairn:verification.finished');

export function observeCommittedEvent(event: CommittedEvent): void {
  if (committedEvents.hasSubscribers) committedEvents.publish(event);
}

/**
 * Reports how `work` (a verification of `source`) ended and passes its result or error on
 * unchanged: `isVerified` reads the verdict; an AppError (over a limit, the budget, a full
 * pool) counts as refused, anything else as an error.
 */
export async function observeVerification<T>(
  source: string,
  work: Promise<T>,
  isVerified: (result: T) => boolean,
): Promise<T> {
  try {
    const result = await work;
    if (verifications.hasSubscribers)
      verifications.publish({
        source,
        outcome: isVerified(result) ? 'verified' : 'not_verified',
      } satisfies VerificationObservation);
    return result;
  } catch (error) {
    if (verifications.hasSubscribers)
      verifications.publish({
        source,
        outcome: error instanceof AppError ? 'refused' : 'error',
      } satisfies VerificationObservation);
    throw error;
  }
}

/** Listens to committed events and verifications until the returned function is called. */
export function subscribeObservations(handlers: {
  onCommittedEvent(event: CommittedEvent): void;
  onVerification(observation: VerificationObservation): void;
}): () => void {
  const onEvent = (message: unknown) => handlers.onCommittedEvent(message as CommittedEvent);
  const onVerification = (message: unknown) => handlers.onVerification(message as VerificationObservation);
  committedEvents.subscribe(onEvent);
  verifications.subscribe(onVerification);
  return () => {
    committedEvents.unsubscribe(onEvent);
    verifications.unsubscribe(onVerification);
  };
}
