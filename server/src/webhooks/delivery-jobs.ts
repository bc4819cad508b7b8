import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import type { JobQueue } from '../jobs/job-queue.js';

/** A job of the webhooks queue: make attempt `attempt` of delivery `deliveryId`. */
export type DeliveryJobData = {
  deliveryId: string;
  attempt: number;
  /** Asked for by a person (test ping, resend): made even when the endpoint is disabled. */
  isManual?: boolean;
};

/** A delivery's id, which is also its `webhook-id` header (`msg_` as the Standard Webhooks examples). */
export function newDeliveryId(): string {
  return `msg_${randomBytes(16).toString('hex')}`;
}

/**
 * The job id of one attempt, derived from the delivery, the attempt number and who asked: a
 * retried fan-out or a repeated resend sends the same id, which the queue ignores, so an
 * attempt is never queued twice.
 */
export function attemptJobId(deliveryId: string, attempt: number, kind: 'scheduled' | 'manual'): string {
  const hex = createHash('sha256').update(`${deliveryId}:${attempt}:${kind}`).digest('hex');
  // Laid out as a UUID (version 8, "custom"), which is what pg-boss ids are.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** Queues attempt `attempt` of a delivery with `db` (the transaction that decided it), due at `at`. */
export async function queueAttempt(
  deps: { jobs: JobQueue },
  db: Db,
  job: DeliveryJobData & { at?: Date },
): Promise<void> {
  const data: DeliveryJobData = {
    deliveryId: job.deliveryId,
    attempt: job.attempt,
    ...(job.isManual ? { isManual: true } : {}),
  };
  await deps.jobs.send(db, 'webhooks', data, {
    id: attemptJobId(job.deliveryId, job.attempt, job.isManual ? 'manual' : 'scheduled'),
    ...(job.at ? { startAfter: job.at } : {}),
  });
}
