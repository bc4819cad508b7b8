/**
 * Types of the operators' API (`/api/v1/admin/*`). Hand-written until the server's
 * /openapi.json drives `schema.d.ts`.
 */

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export type QueueOverview = {
  name: string;
  description: string;
  counts: Record<JobState, number>;
  /** Jobs that used every attempt and wait in the dead-letter queue for an operator. */
  deadLetters: number;
  /** Cron expression (UTC) of a scheduled queue; null for queues fed by the application. */
  schedule: string | null;
};

/** A job that failed for good; retry it with `queue` and `id`. */
export type JobFailure = { queue: string; id: string; deadLetterQueue: string; error: string | null; failedAt: string; retryCount: number };

export type JobsOverview = { queues: QueueOverview[]; recentFailures: JobFailure[] };

export type RetryOutcome = { isRetried: boolean; job: { queue: string; id: string; state: JobState } };
