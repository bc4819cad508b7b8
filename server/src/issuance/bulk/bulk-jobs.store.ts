import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { IssuanceJobStatus } from '../../db/schema.js';
import type { EventActor } from '../../events/event-types.js';

export type NewJobRow = {
  line: number;
  key: string;
  email: string;
  externalId: string | null;
  data: unknown;
  error: string | null;
};

const jobColumns = [
  'id',
  'org_id',
  'microcredential_id',
  'version_id',
  'status',
  'file_name',
  'total',
  'issued',
  'failed',
  'actor_kind',
  'actor_user_id',
  'actor_session_id',
  'actor_api_key_id',
  'error',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const;

export async function insertJob(
  db: Db,
  job: {
    id: string;
    orgId: string;
    microcredentialId: string;
    versionId: string;
    fileName: string | null;
    total: number;
    failed: number;
    actor: EventActor;
    status: IssuanceJobStatus;
    finishedAt: Date | null;
  },
) {
  await db
    .insertInto('issuance_jobs')
    .values({
      id: job.id,
      org_id: job.orgId,
      microcredential_id: job.microcredentialId,
      version_id: job.versionId,
      file_name: job.fileName,
      total: job.total,
      failed: job.failed,
      status: job.status,
      finished_at: job.finishedAt,
      actor_kind: job.actor.kind,
      actor_user_id: job.actor.kind === 'user' ? job.actor.userId : null,
      actor_session_id: job.actor.kind === 'user' ? (job.actor.sessionId ?? null) : null,
      actor_api_key_id: job.actor.kind === 'apiKey' ? job.actor.apiKeyId : null,
    })
    .execute();
}

/** Rows in inserts of 1,000 (well under PostgreSQL's parameter limit). */
export async function insertRows(db: Db, jobId: string, rows: NewJobRow[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('issuance_job_rows')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          job_id: jobId,
          line: r.line,
          row_key: r.key,
          email: r.email,
          external_id: r.externalId,
          data: JSON.stringify(r.data),
          status: r.error ? 'failed' : 'pending',
          error: r.error,
        })),
      )
      .execute();
  }
}

export function findJob(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('issuance_jobs')
    .select(jobColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findJobById(db: Db, id: string) {
  return db.selectFrom('issuance_jobs').select(jobColumns).where('id', '=', id).executeTakeFirst();
}

export type JobRow = NonNullable<Awaited<ReturnType<typeof findJobById>>>;

export function listJobs(db: Db, orgId: string, limit: number) {
  return db
    .selectFrom('issuance_jobs')
    .select(jobColumns)
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The job's status, read without a lock: a batch skips its work early once the job is cancelled. */
export async function statusForBatch(db: Db, id: string): Promise<IssuanceJobStatus | undefined> {
  const row = await db.selectFrom('issuance_jobs').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}

export async function markRunning(db: Db, id: string, now: Date) {
  await db
    .updateTable('issuance_jobs')
    .set({ status: 'running', started_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** The next pending rows after `afterLine`, read without locks (signing happens outside any transaction). */
export function listPendingRows(db: Db, jobId: string, limit: number, afterLine: number) {
  return db
    .selectFrom('issuance_job_rows')
    .select(['line', 'row_key', 'email', 'external_id', 'data'])
    .where('job_id', '=', jobId)
    .where('status', '=', 'pending')
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute();
}

/** Of these lines, the ones still pending, locked for this transaction; rows another worker holds are skipped. */
export async function lockPendingLines(db: Db, jobId: string, lines: number[]): Promise<Set<number>> {
  if (lines.length === 0) return new Set();
  const rows = await db
    .selectFrom('issuance_job_rows')
    .select('line')
    .where('job_id', '=', jobId)
    .where('line', 'in', lines)
    .where('status', '=', 'pending')
    .forUpdate()
    .skipLocked()
    .execute();
  return new Set(rows.map((r) => r.line));
}

export type RowOutcome = {
  line: number;
  status: 'issued' | 'failed';
  credentialId: string | null;
  error: string | null;
};

/** Records the outcome of many rows in one statement. */
export async function settleRows(db: Db, jobId: string, outcomes: RowOutcome[]) {
  if (outcomes.length === 0) return;
  await sql`
    update issuance_job_rows r
    set status = v.status, credential_id = v.credential_id, error = v.error
    from (
      select unnest(${outcomes.map((o) => o.line)}::int[]) as line,
             unnest(${outcomes.map((o) => o.status)}::text[]) as status,
             unnest(${outcomes.map((o) => o.credentialId)}::uuid[]) as credential_id,
             unnest(${outcomes.map((o) => o.error)}::text[]) as error
    ) v
    where r.job_id = ${jobId} and r.line = v.line`.execute(db);
}

/**
 * Adds a batch's counts while the job is still running; false when it is not (cancelled), and
 * the caller rolls the batch back. The last statement of a batch's transaction: batches running
 * side by side (this server's and others') wait for each other only here, just before commit,
 * and a cancel (an update of the same row) either lands first and every batch after it sees it,
 * or waits for the batches already counting.
 */
export async function addCountsIfRunning(
  db: Db,
  id: string,
  counts: { issued: number; failed: number },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('issuance_jobs')
    .set({ issued: sql`issued + ${counts.issued}`, failed: sql`failed + ${counts.failed}`, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends a running job once no row is pending: succeeded, or failed when no row could be issued. */
export async function finishIfDone(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('issuance_jobs')
    .set({
      status: sql`case when issued = 0 and failed > 0 then 'failed' else 'succeeded' end`,
      finished_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('issuance_job_rows').select('line').where('job_id', '=', id).where('status', '=', 'pending'),
        ),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markFailed(db: Db, id: string, error: string, now: Date) {
  await db
    .updateTable('issuance_jobs')
    .set({ status: 'failed', error: error.slice(0, 1000), finished_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Cancels a job that has not finished; false when it had. */
export async function cancelJob(db: Db, orgId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('issuance_jobs')
    .set({ status: 'cancelled', finished_at: now, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function listFailedRows(db: Db, jobId: string) {
  return db
    .selectFrom('issuance_job_rows')
    .select(['line', 'email', 'external_id', 'error'])
    .where('job_id', '=', jobId)
    .where('status', '=', 'failed')
    .orderBy('line')
    .execute();
}

/** Jobs a server should (re)start: queued or running when the last process stopped. */
export function listUnfinishedJobIds(db: Db) {
  return db.selectFrom('issuance_jobs').select('id').where('status', 'in', ['queued', 'running']).execute();
}

/** Verified accounts of these addresses (only they may hold what is issued to them). */
export async function findVerifiedUsersByEmails(db: Db, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', sql<string>`lower(email)`.as('email')])
    .where(sql<string>`lower(email)`, 'in', emails)
    .where('email_verified_at', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Credentials already issued under these idempotency keys (a row issued by an earlier job). */
export async function findIssuedByKeys(db: Db, orgId: string, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('credentials')
    .select(['id', 'idempotency_key'])
    .where('org_id', '=', orgId)
    .where('idempotency_key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.idempotency_key!, r.id]));
}
