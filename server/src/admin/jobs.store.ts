import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import { JOB_SCHEMA } from '../jobs/job-queue.js';
import type { KeysetPosition } from '../lib/keyset-cursor.js';

/**
 * Reads pg-boss's own tables (pg-boss 10, schema `pgboss`) for the operators' view. Writes go
 * through pg-boss's API (`retry`, `cancel`, `send`); only reads and row locks are SQL here.
 */

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
export const JOB_STATES: readonly JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

export type JobRow = {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  output: unknown;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
  /** `created_on` to the microsecond, for keyset paging (a JS Date keeps milliseconds only). */
  created_key: string;
};

const job = sql.table(`${JOB_SCHEMA}.job`);
const columns = sql`id::text as id, name, state::text as state, data, output, retry_count, retry_limit, created_on, start_after, started_on, completed_on, created_on::text as created_key`;

/** How many jobs each queue has in each state. Scans the job table: for an operator's page, not for every request. */
export async function countJobsByState(
  db: Db,
  queueNames: readonly string[],
): Promise<{ name: string; state: JobState; count: number }[]> {
  if (queueNames.length === 0) return [];
  const { rows } = await sql<{ name: string; state: JobState; count: number }>`
    select name, state::text as state, count(*)::int as count
    from ${job}
    where name in (${sql.join(queueNames)})
    group by name, state`.execute(db);
  return rows;
}

/**
 * Jobs waiting to run (`created`, `retry`) per queue. Cheap: pg-boss keeps a partial index on
 * exactly these states (its fetch index), so this stays fast however many jobs completed.
 */
export async function countWaitingJobs(db: Db): Promise<{ name: string; state: 'created' | 'retry'; count: number }[]> {
  const { rows } = await sql<{ name: string; state: 'created' | 'retry'; count: number }>`
    select name, state::text as state, count(*)::int as count
    from ${job}
    where state < 'active'
    group by name, state`.execute(db);
  return rows;
}

/** Dead letters nobody retried yet (state `created` in the `.dead` queues), newest first. */
export async function listPendingDeadLetters(
  db: Db,
  deadLetterQueues: readonly string[],
  limit: number,
): Promise<JobRow[]> {
  if (deadLetterQueues.length === 0) return [];
  const { rows } = await sql<JobRow>`
    select ${columns}
    from ${job}
    where name in (${sql.join(deadLetterQueues)}) and state = 'created'
    order by created_on desc, id desc
    limit ${limit}`.execute(db);
  return rows;
}

/** One page of a queue's jobs, newest first; `before` is the last row of the previous page. */
export async function listJobs(
  db: Db,
  options: { queue: string; states: readonly JobState[]; limit: number; before?: KeysetPosition },
): Promise<JobRow[]> {
  const { queue, states, limit, before } = options;
  const { rows } = await sql<JobRow>`
    select ${columns}
    from ${job}
    where name = ${queue}
      ${states.length > 0 ? sql`and state::text in (${sql.join(states)})` : sql``}
      ${before ? sql`and (created_on, id) < (${before.at}::timestamptz, ${before.id}::uuid)` : sql``}
    order by created_on desc, id desc
    limit ${limit}`.execute(db);
  return rows;
}

/** One job; with `forUpdate` (inside a transaction) its row stays locked until commit, so two retries queue up. */
export async function findJob(
  db: Db,
  queue: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<JobRow | undefined> {
  const { rows } = await sql<JobRow>`
    select ${columns}
    from ${job}
    where name = ${queue} and id = ${id}::uuid
    ${options.forUpdate ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

/**
 * The pending dead letter pg-boss wrote when `failed` ran out of retries: it copies the job's
 * data and error into the dead-letter queue under a new id, so the pair is matched on both.
 * Locked, so a concurrent retry of the dead letter waits for this transaction.
 */
export async function findPendingDeadLetterOf(
  db: Db,
  deadLetterQueue: string,
  failed: Pick<JobRow, 'data' | 'output'>,
): Promise<JobRow | undefined> {
  const { rows } = await sql<JobRow>`
    select ${columns}
    from ${job}
    where name = ${deadLetterQueue}
      and state = 'created'
      and data is not distinct from ${asJsonb(failed.data)}::jsonb
      and output is not distinct from ${asJsonb(failed.output)}::jsonb
    order by created_on
    limit 1
    for update`.execute(db);
  return rows[0];
}

/** SQL NULL stays NULL (not the JSON value `null`), so `is not distinct from` matches a missing value. */
function asJsonb(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
