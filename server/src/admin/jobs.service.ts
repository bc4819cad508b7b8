import type { Actor, Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { transaction } from '../db/transaction.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../lib/keyset-cursor.js';
import { bossDbOf } from '../jobs/pg-boss-db.js';
import { deadLetterName, QUEUES, type QueueKey, type QueueSpec } from '../jobs/queues.js';
import { requireOperator, type OperatorPolicy } from './operators.js';
import * as store from './jobs.store.js';
import type { JobRow, JobState } from './jobs.store.js';

export type { JobState } from './jobs.store.js';
export { JOB_STATES } from './jobs.store.js';

export type StateCounts = Record<JobState, number>;

export type QueueOverview = {
  name: string;
  description: string;
  counts: StateCounts;
  deadLetters: number;
  schedule: string | null;
};

/** A job that failed for good: its dead letter waits in `deadLetterQueue` for an operator. */
export type JobFailure = {
  queue: string;
  id: string;
  deadLetterQueue: string;
  error: string | null;
  failedAt: Date;
  retryCount: number;
};

export type JobsOverview = { queues: QueueOverview[]; recentFailures: JobFailure[] };

export type JobView = {
  id: string;
  state: JobState;
  createdAt: Date;
  startAfter: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  retryCount: number;
  retryLimit: number;
  error: string | null;
  data: unknown;
};

export type RetryOutcome = { isRetried: boolean; job: { queue: string; id: string; state: JobState } };

const RECENT_FAILURES = 50;
const JOBS_PURPOSE = 'see and retry background jobs';

type KnownQueue = { key: QueueKey; spec: QueueSpec; name: string; isDeadLetter: boolean };

const queueSpecs = () => Object.entries(QUEUES) as [QueueKey, QueueSpec][];

/** A queue by its pg-boss name: one of ours, or its dead-letter queue. */
function knownQueue(name: string): KnownQueue | undefined {
  for (const [key, spec] of queueSpecs()) {
    if (spec.name === name) return { key, spec, name, isDeadLetter: false };
    if (deadLetterName(spec) === name) return { key, spec, name, isDeadLetter: true };
  }
  return undefined;
}

function requireQueue(name: string): KnownQueue {
  const queue = knownQueue(name);
  if (!queue) throw new AppError('not_found', `There is no queue named "${name}". GET /api/v1/admin/jobs lists them.`);
  return queue;
}

/** The error a failed attempt left: our worker stores `{message, name, code}`, pg-boss's timeout `{value: {message}}`. */
export function errorOf(output: unknown): string | null {
  if (output === null || output === undefined) return null;
  if (typeof output === 'string') return output.slice(0, 2000);
  if (typeof output === 'object') {
    const { message, value } = output as { message?: unknown; value?: unknown };
    if (typeof message === 'string') return message.slice(0, 2000);
    const inner = typeof value === 'object' && value !== null ? (value as { message?: unknown }).message : value;
    if (typeof inner === 'string') return inner.slice(0, 2000);
  }
  return JSON.stringify(output).slice(0, 2000);
}

function toJobView(row: JobRow, queue: KnownQueue): JobView {
  // Only failed attempts (and dead letters, which carry their job's last error) hold an error;
  // a completed job's output is its handler's result.
  const hasError = row.state === 'retry' || row.state === 'failed' || (queue.isDeadLetter && row.state !== 'completed');
  return {
    id: row.id,
    state: row.state,
    createdAt: row.created_on,
    startAfter: row.start_after,
    startedAt: row.started_on,
    completedAt: row.completed_on,
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    error: hasError ? errorOf(row.output) : null,
    data: row.data,
  };
}

/** Every queue with its job counts and schedule, and the failures waiting for an operator. */
export async function getJobsOverview(deps: Deps, operators: OperatorPolicy, actor: Actor): Promise<JobsOverview> {
  await requireOperator(deps, operators, actor, JOBS_PURPOSE);
  const specs = queueSpecs().map(([, spec]) => spec);
  const deadQueues = specs.map(deadLetterName);
  const [counts, deadLetters] = await Promise.all([
    store.countJobsByState(deps.db, [...specs.map((s) => s.name), ...deadQueues]),
    store.listPendingDeadLetters(deps.db, deadQueues, RECENT_FAILURES),
  ]);
  const countsOf = (name: string): StateCounts => {
    const result: StateCounts = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
    for (const row of counts) if (row.name === name) result[row.state] = row.count;
    return result;
  };
  return {
    queues: specs.map((spec) => ({
      name: spec.name,
      description: spec.description,
      counts: countsOf(spec.name),
      // A dead letter waits in `created` (no worker takes the dead-letter queue) until retried.
      deadLetters: countsOf(deadLetterName(spec)).created,
      schedule: spec.cron ?? null,
    })),
    recentFailures: deadLetters.map((row) => {
      const queue = knownQueue(row.name);
      return {
        queue: queue?.spec.name ?? row.name,
        id: row.id,
        deadLetterQueue: row.name,
        error: errorOf(row.output),
        failedAt: row.created_on,
        // pg-boss copies the job's retry limit into its dead letter; it failed after using them all.
        retryCount: row.retry_limit,
      };
    }),
  };
}

export type ListQueueJobsOptions = { queue: string; states: readonly JobState[]; limit: number; before?: string };

/** One page of a queue's jobs (or its dead letters), newest first, optionally in some states only. */
export async function listQueueJobs(
  deps: Deps,
  operators: OperatorPolicy,
  actor: Actor,
  options: ListQueueJobsOptions,
): Promise<{ items: JobView[]; nextCursor: string | null }> {
  await requireOperator(deps, operators, actor, JOBS_PURPOSE);
  const queue = requireQueue(options.queue);
  const before = options.before === undefined ? undefined : decodeKeysetCursor(options.before);
  const rows = await store.listJobs(deps.db, {
    queue: queue.name,
    states: options.states,
    limit: options.limit + 1,
    ...(before ? { before } : {}),
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toJobView(row, queue)),
    nextCursor: rows.length > options.limit && last ? encodeKeysetCursor({ at: last.created_key, id: last.id }) : null,
  };
}

/**
 * Runs a failed job again. `queue` and `id` may name a failed job of a queue (it goes back to
 * `retry`, with one more attempt) or a dead letter (its data is sent again to its own queue
 * under the dead letter's id). Either way the dead letter is cancelled in the same
 * transaction, so one failure runs again once: repeating the request changes nothing
 * (`isRetried: false`).
 */
export async function retryJob(
  deps: Deps,
  operators: OperatorPolicy,
  actor: Actor,
  target: { queue: string; id: string },
): Promise<RetryOutcome> {
  await requireOperator(deps, operators, actor, JOBS_PURPOSE);
  const queue = requireQueue(target.queue);
  const notFound = new AppError(
    'not_found',
    `No job ${target.id} in ${queue.name}. It may have been archived (completed and failed jobs are kept 7 days, dead letters about 4 weeks).`,
  );
  return transaction(deps.db, async (trx) => {
    // Our pg-boss calls here all carry parameters, so they need no PGlite handle.
    const boss = { api: deps.jobs.boss, db: bossDbOf(trx) };
    const deadQueue = deadLetterName(queue.spec);
    if (queue.isDeadLetter) {
      const dead = await store.findJob(trx, deadQueue, target.id, { forUpdate: true });
      if (!dead) throw notFound;
      return retryDeadLetter(dead);
    }
    const row = await store.findJob(trx, queue.name, target.id, { forUpdate: true });
    if (!row) {
      // The failures list names each failure by its dead letter's id under the job's own queue.
      const dead = await store.findJob(trx, deadQueue, target.id, { forUpdate: true });
      if (!dead) throw notFound;
      return retryDeadLetter(dead);
    }
    if (row.state !== 'failed') return { isRetried: false, job: { queue: queue.name, id: row.id, state: row.state } };
    const twin = await store.findPendingDeadLetterOf(trx, deadQueue, row);
    if (!twin) {
      throw new AppError(
        'conflict',
        `Job ${row.id} already ran again from its dead letter (a job with the dead letter's id in ${queue.name}), so it is not retried twice.`,
      );
    }
    await boss.api.cancel(deadQueue, twin.id, { db: boss.db });
    await boss.api.retry(queue.name, row.id, { db: boss.db });
    return { isRetried: true, job: { queue: queue.name, id: row.id, state: 'retry' as const } };

    async function retryDeadLetter(dead: JobRow): Promise<RetryOutcome> {
      if (dead.state !== 'created') {
        const resent = await store.findJob(trx, queue.spec.name, dead.id);
        return {
          isRetried: false,
          job: resent
            ? { queue: queue.spec.name, id: resent.id, state: resent.state }
            : { queue: deadQueue, id: dead.id, state: dead.state },
        };
      }
      // The dead letter's id makes the send idempotent: a second send of it is ignored by pg-boss.
      await deps.jobs.send(trx, queue.key, (dead.data ?? {}) as Record<string, unknown>, { id: dead.id });
      await boss.api.cancel(deadQueue, dead.id, { db: boss.db });
      return { isRetried: true, job: { queue: queue.spec.name, id: dead.id, state: 'created' } };
    }
  });
}
