import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { afterCommit, type Db } from '../db/transaction.js';
import { bossDbOf } from './pg-boss-db.js';
import { deadLetterName, QUEUES, type QueueKey, type QueueSpec } from './queues.js';

export const JOB_SCHEMA = 'pgboss';

export type JobLog = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type Job = {
  id: string;
  queue: QueueKey;
  data: Record<string, unknown>;
  retryCount: number;
  retryLimit: number;
};

/** Runs one job. Throwing fails the attempt: pg-boss retries it by the queue's policy, then dead-letters it. */
export type JobHandler = (job: Job) => Promise<void>;

export type SendOptions = {
  /** A deterministic id makes the send idempotent: a second send with the same id is ignored. */
  id?: string;
  startAfter?: Date | number;
  singletonKey?: string;
};

export type DrainResult = { completed: number; failed: { queue: string; id: string; error: string }[] };

/**
 * Cairn's durable job queue: pg-boss on the application's own database (PostgreSQL or
 * embedded PGlite). Jobs are sent with the handle of the transaction that causes them, so
 * they exist exactly when that change committed. Workers run in every server; schedules are
 * cluster-wide (pg-boss elects one sender per minute), so N servers do each job once.
 */
export class JobQueue {
  readonly boss: PgBoss;
  readonly #handlers = new Map<QueueKey, JobHandler>();
  readonly #workerIds = new Map<QueueKey, string>();
  #log: JobLog;
  readonly #db: Db;
  readonly #pglite: PGlite | undefined;
  #isStarted = false;

  /**
   * `background: false` (tests, one-off commands) starts no maintenance or scheduling timers:
   * jobs then run only through `drain()` or workers started explicitly.
   */
  constructor(options: { db: Db; pglite?: PGlite; log: JobLog; background?: boolean }) {
    this.#db = options.db;
    this.#pglite = options.pglite;
    this.#log = options.log;
    this.boss = new PgBoss({
      db: bossDbOf(options.db, options.pglite),
      schema: JOB_SCHEMA,
      supervise: options.background ?? true,
      schedule: options.background ?? true,
      // Completed jobs are kept a week for the operators' page, then archived and deleted.
      archiveCompletedAfterSeconds: 7 * 24 * 3600,
      deleteAfterDays: 30,
    });
    this.boss.on('error', (err: unknown) => this.#log.error({ err }, 'job queue error'));
  }

  /** Where the queue reports failures from now on (the app's logger once it exists). */
  useLog(log: JobLog): this {
    this.#log = log;
    return this;
  }

  /** Says which function runs the jobs of `queue` (one per queue). */
  handle(queue: QueueKey, handler: JobHandler): this {
    this.#handlers.set(queue, handler);
    return this;
  }

  /**
   * Writes a job with `db`: pass the transaction that causes the job, so the job commits or
   * rolls back with it. A worker in this process is woken once the transaction commits.
   */
  async send(
    db: Db,
    queue: QueueKey,
    data: Record<string, unknown>,
    options: SendOptions = {},
  ): Promise<string | null> {
    const spec: QueueSpec = QUEUES[queue];
    const id = await this.boss.send(spec.name, data, {
      ...(options.id ? { id: options.id } : {}),
      ...(options.startAfter !== undefined
        ? { startAfter: options.startAfter instanceof Date ? options.startAfter : Math.ceil(options.startAfter / 1000) }
        : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      db: bossDbOf(db, this.#pglite),
    });
    if (id === null && !options.id)
      throw new Error(`The job queue ${spec.name} does not exist: run the server once to create it.`);
    afterCommit(db, () => this.#wake(queue));
    return id;
  }

  /**
   * Writes many jobs of one queue in one statement with `db` (as `send`, for batches). Jobs
   * with an `id` already written are ignored, so a repeated batch queues nothing twice.
   */
  async sendMany(db: Db, queue: QueueKey, jobs: { data: Record<string, unknown>; id?: string }[]): Promise<void> {
    if (jobs.length === 0) return;
    const spec: QueueSpec = QUEUES[queue];
    await this.boss.insert(
      jobs.map((j) => ({ name: spec.name, data: j.data, ...(j.id ? { id: j.id } : {}) })),
      { db: bossDbOf(db, this.#pglite) },
    );
    afterCommit(db, () => this.#wake(queue));
  }

  /**
   * Installs pg-boss's tables and creates every queue (idempotent; safe when servers start
   * together). Does not start workers.
   */
  async install(): Promise<void> {
    await this.boss.start();
    this.#isStarted = true;
    for (const spec of Object.values(QUEUES) as QueueSpec[]) {
      const options = {
        policy: spec.policy,
        retryLimit: spec.retryLimit,
        retryDelay: spec.retryDelay,
        retryBackoff: spec.retryBackoff,
        expireInSeconds: spec.expireInSeconds,
        retentionMinutes: 60 * 24 * 14,
      };
      await this.boss.createQueue(deadLetterName(spec), {
        ...options,
        policy: 'standard',
        retryLimit: 0,
      } as PgBoss.Queue);
      await this.boss.createQueue(spec.name, { ...options, deadLetter: deadLetterName(spec) } as PgBoss.Queue);
      await this.boss.updateQueue(spec.name, { ...options, deadLetter: deadLetterName(spec) } as PgBoss.Queue);
    }
  }

  /** Starts a worker for every handled queue and registers the cluster-wide schedules. */
  async start(options: { workers: boolean; schedules: boolean }): Promise<void> {
    if (!this.#isStarted) await this.install();
    if (options.schedules) {
      for (const spec of Object.values(QUEUES) as QueueSpec[]) {
        if (spec.cron) await this.boss.schedule(spec.name, spec.cron, {}, { tz: 'UTC' });
      }
    }
    if (!options.workers) return;
    for (const [queue, handler] of this.#handlers) {
      const spec: QueueSpec = QUEUES[queue];
      const workerId = await this.boss.work<Record<string, unknown>>(
        spec.name,
        { batchSize: spec.batchSize, pollingIntervalSeconds: spec.pollingIntervalSeconds, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await handler({
                id: job.id,
                queue,
                data: job.data,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
              });
            } catch (err) {
              this.#log.warn(
                { err, queue: spec.name, jobId: job.id, attempt: job.retryCount + 1 },
                'job failed; it is retried by its queue policy',
              );
              // Fail this job alone; pg-boss completes the rest of the batch when we return.
              await this.boss.fail(spec.name, job.id, serializeError(err));
            }
          }
        },
      );
      this.#workerIds.set(queue, workerId);
    }
  }

  /**
   * Runs every job that is due now, in this process, until none is left (tests and the CLI).
   * Jobs a handler fails go back to their queue for a later retry and are reported.
   */
  async drain(options: { maxRounds?: number } = {}): Promise<DrainResult> {
    const result: DrainResult = { completed: 0, failed: [] };
    for (let round = 0; round < (options.maxRounds ?? 200); round += 1) {
      let ran = 0;
      for (const [queue, handler] of this.#handlers) {
        const spec: QueueSpec = QUEUES[queue];
        const jobs = await this.boss.fetch<Record<string, unknown>>(spec.name, {
          batchSize: 20,
          includeMetadata: true,
        });
        for (const job of jobs) {
          ran += 1;
          try {
            await handler({
              id: job.id,
              queue,
              data: job.data,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            });
            await this.boss.complete(spec.name, job.id);
            result.completed += 1;
          } catch (err) {
            await this.boss.fail(spec.name, job.id, serializeError(err));
            result.failed.push({
              queue: spec.name,
              id: job.id,
              error: err instanceof Error ? err.message : String(err),
            });
          }
        }
      }
      if (ran === 0) return result;
    }
    return result;
  }

  /** Runs the job of a scheduled queue now, as the schedule would (operators and tests). */
  async trigger(db: Db, queue: QueueKey): Promise<string | null> {
    return this.send(db, queue, {});
  }

  async stop(): Promise<void> {
    if (!this.#isStarted) return;
    this.#isStarted = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }

  /** The database the queue runs on (for stores that read pg-boss's tables). */
  get db(): Db {
    return this.#db;
  }

  #wake(queue: QueueKey) {
    const workerId = this.#workerIds.get(queue);
    if (workerId) this.boss.notifyWorker(workerId);
  }
}

function serializeError(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const code: unknown = (err as Error & { code?: unknown }).code;
    return { message: err.message, name: err.name, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { message: String(err) };
}
