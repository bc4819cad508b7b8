import { randomUUID } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { csvCell } from '../../audit/audit-csv.js';
import { eventActorOf } from '../../events/record-event.js';
import { AppError, type FieldError } from '../../http/app-error.js';
import { authorizeOrg, type OrgView } from '../../orgs/orgs.service.js';
import { checkHeader, checkRows, resultColumnsOf, type CheckedRow, type RowError } from './bulk-rows.js';
import { readCsv, readJsonRows, type BulkRecords } from './bulk-input.js';
import * as store from './bulk-jobs.store.js';
import { ISSUING_ROLES } from '../issue-request-checks.js';

export type BulkInput = {
  microcredentialId: string;
  csv?: string;
  fileName?: string;
  rows?: Record<string, unknown>[];
};

const notFound = () => new AppError('not_found', 'No issuance job with this id in this organisation.');

async function issuingOrg(deps: Deps, actor: Actor, slug: string): Promise<{ org: OrgView }> {
  const access = await authorizeOrg(deps, actor, slug, 'credentials.issue');
  if (!access.org.roles.some((r) => (ISSUING_ROLES as readonly string[]).includes(r))) {
    throw new AppError(
      'forbidden',
      `${access.org.name} is not a provider, accreditor or industry partner, so it cannot issue credentials.`,
    );
  }
  return { org: access.org };
}

/** The newest published version of one of the organisation's micro-credentials, with its Achievement. */
async function publishedVersion(deps: Deps, orgId: string, microcredentialId: string) {
  const version = await deps.db
    .selectFrom('microcredential_versions')
    .select(['id', 'title', 'achievement'])
    .where('org_id', '=', orgId)
    .where('microcredential_id', '=', microcredentialId)
    .where('status', '=', 'published')
    .orderBy('version_number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!version?.achievement) {
    throw new AppError(
      'validation_failed',
      'Choose a published micro-credential of this organisation: only published versions can be issued.',
      { fields: [{ field: 'microcredentialId', message: 'No published version' }] },
    );
  }
  return { id: version.id, title: version.title, achievement: version.achievement as Record<string, unknown> };
}

function recordsOf(input: BulkInput): BulkRecords {
  if (input.csv !== undefined) return readCsv(input.csv);
  if (input.rows !== undefined) return readJsonRows(input.rows);
  return {
    header: [],
    records: [],
    errors: [{ line: 1, message: 'Send a CSV file (multipart field "file") or JSON rows.' }],
  };
}

type Checked = { fileErrors: RowError[]; rows: CheckedRow[]; version: Awaited<ReturnType<typeof publishedVersion>> };

async function checkInput(deps: Deps, org: OrgView, input: BulkInput): Promise<Checked> {
  const version = await publishedVersion(deps, org.id, input.microcredentialId);
  const records = recordsOf(input);
  const results = resultColumnsOf(version.achievement);
  const fileErrors = [...(records.header.length > 0 ? checkHeader(records.header, results) : []), ...records.errors];
  const rows = fileErrors.length > 0 ? [] : checkRows(records.records, results, deps.clock());
  return { fileErrors, rows, version };
}

function asFieldErrors(errors: RowError[]): FieldError[] {
  return errors
    .slice(0, 200)
    .map((e) => ({ field: 'file', line: e.line, ...(e.column ? { column: e.column } : {}), message: e.message }));
}

/** Checks every row and says what is wrong where, creating nothing. */
export async function previewIssuanceJob(deps: Deps, actor: Actor, slug: string, input: BulkInput) {
  const { org } = await issuingOrg(deps, actor, slug);
  const { fileErrors, rows, version } = await checkInput(deps, org, input);
  const invalid = rows.filter((r) => !r.ok);
  return {
    microcredential: { id: input.microcredentialId, versionId: version.id, title: version.title },
    columns: resultColumnsOf(version.achievement).map((r) => r.name),
    total: rows.length,
    valid: rows.length - invalid.length,
    invalid: invalid.length,
    fileErrors,
    // The first rows as they will be issued, and every problem (up to 1,000), for the table.
    rows: rows.slice(0, 100).map((r) =>
      r.ok
        ? {
            line: r.line,
            email: r.data.email,
            name: r.data.name ?? null,
            externalId: r.data.externalId ?? null,
            errors: [],
          }
        : { line: r.line, email: r.email, name: null, externalId: r.externalId, errors: r.errors },
    ),
    errors: invalid.flatMap((r) => (r.ok ? [] : r.errors)).slice(0, 1000),
  };
}

/**
 * Stores every row and queues the job that issues them, in one transaction. A file that cannot
 * be read as a whole (unknown columns, broken quoting, too many rows) is refused with its
 * line-numbered problems and nothing is stored; a row with bad values is stored as failed, so
 * it shows in the job's errors.csv while the others are issued.
 */
export async function createIssuanceJob(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: BulkInput,
): Promise<{ id: string }> {
  const { org } = await issuingOrg(deps, actor, slug);
  const { fileErrors, rows, version } = await checkInput(deps, org, input);
  if (fileErrors.length > 0) {
    throw new AppError(
      'validation_failed',
      `The file cannot be issued as sent: ${fileErrors[0]!.message}${fileErrors.length > 1 ? ` (and ${fileErrors.length - 1} more problems; see errors[])` : ''}`,
      { fields: asFieldErrors(fileErrors) },
    );
  }
  const id = randomUUID();
  const failed = rows.filter((r) => !r.ok).length;
  const isAllFailed = failed === rows.length;
  await transaction(deps.db, async (trx) => {
    await store.insertJob(trx, {
      id,
      orgId: org.id,
      microcredentialId: input.microcredentialId,
      versionId: version.id,
      fileName: input.fileName?.slice(0, 255) ?? null,
      total: rows.length,
      failed,
      actor: eventActorOf(actor),
      status: isAllFailed ? 'failed' : 'queued',
      finishedAt: isAllFailed ? deps.clock() : null,
    });
    await store.insertRows(
      trx,
      id,
      rows.map((r) =>
        r.ok
          ? {
              line: r.line,
              key: r.key,
              email: r.data.email,
              externalId: r.data.externalId ?? null,
              data: r.data,
              error: null,
            }
          : {
              line: r.line,
              key: r.key,
              email: r.email,
              externalId: r.externalId,
              data: {},
              error: r.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join(' '),
            },
      ),
    );
    if (!isAllFailed) await deps.jobs.send(trx, 'bulkIssuance', { jobId: id });
  });
  return { id };
}

export type IssuanceJobView = {
  id: string;
  status: store.JobRow['status'];
  microcredentialId: string;
  versionId: string;
  fileName: string | null;
  total: number;
  issued: number;
  failed: number;
  /** Rows per second since the job started; null before it starts. */
  rate: number | null;
  /** At the current rate; null when unknown or finished. */
  secondsLeft: number | null;
  createdBy: { kind: string; userId: string | null; apiKeyId: string | null };
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export function jobView(job: store.JobRow, now: Date): IssuanceJobView {
  const done = job.issued + job.failed;
  const end = job.finished_at ?? now;
  const seconds = job.started_at ? Math.max(0.001, (end.getTime() - job.started_at.getTime()) / 1000) : null;
  const rate = seconds !== null && done > 0 ? Math.round((done / seconds) * 10) / 10 : null;
  const isOpen = job.status === 'queued' || job.status === 'running';
  return {
    id: job.id,
    status: job.status,
    microcredentialId: job.microcredential_id,
    versionId: job.version_id,
    fileName: job.file_name,
    total: job.total,
    issued: job.issued,
    failed: job.failed,
    rate,
    secondsLeft: isOpen && rate ? Math.ceil((job.total - done) / rate) : null,
    createdBy: { kind: job.actor_kind, userId: job.actor_user_id, apiKeyId: job.actor_api_key_id },
    error: job.error,
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
  };
}

async function jobOf(deps: Deps, actor: Actor, slug: string, id: string) {
  const access = await authorizeOrg(deps, actor, slug, 'credentials.read');
  const job = await store.findJob(deps.db, access.org.id, id);
  if (!job) throw notFound();
  return { org: access.org, job };
}

export async function getIssuanceJob(deps: Deps, actor: Actor, slug: string, id: string): Promise<IssuanceJobView> {
  return jobView((await jobOf(deps, actor, slug, id)).job, deps.clock());
}

/** For event streams: the job as its row says now (any server may be working on it). */
export async function readIssuanceJob(deps: Deps, orgId: string, id: string): Promise<IssuanceJobView | undefined> {
  const job = await store.findJob(deps.db, orgId, id);
  return job ? jobView(job, deps.clock()) : undefined;
}

/** Checks access once, for a stream that then reads the job by id. */
export async function authorizeJobStream(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org, job } = await jobOf(deps, actor, slug, id);
  return { orgId: org.id, job: jobView(job, deps.clock()) };
}

export async function listIssuanceJobs(deps: Deps, actor: Actor, slug: string): Promise<IssuanceJobView[]> {
  const access = await authorizeOrg(deps, actor, slug, 'credentials.read');
  const now = deps.clock();
  return (await store.listJobs(deps.db, access.org.id, 50)).map((j) => jobView(j, now));
}

/** Stops a job at its next batch; rows not yet issued stay unissued. */
export async function cancelIssuanceJob(deps: Deps, actor: Actor, slug: string, id: string): Promise<IssuanceJobView> {
  const { org } = await issuingOrg(deps, actor, slug);
  const job = await store.findJob(deps.db, org.id, id);
  if (!job) throw notFound();
  if (!(await store.cancelJob(deps.db, org.id, id, deps.clock()))) {
    const current = await store.findJob(deps.db, org.id, id);
    throw new AppError(
      'conflict',
      `This job has already ${current?.status === 'cancelled' ? 'been cancelled' : 'finished'}.`,
    );
  }
  return jobView((await store.findJob(deps.db, org.id, id))!, deps.clock());
}

/** The rows that were not issued, as CSV (line, email, external_id, error). */
export async function issuanceJobErrorsCsv(deps: Deps, actor: Actor, slug: string, id: string): Promise<string> {
  const { job } = await jobOf(deps, actor, slug, id);
  const rows = await store.listFailedRows(deps.db, job.id);
  const line = (cells: (string | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return `\uFEFF${line(['line', 'email', 'external_id', 'error'])}${rows.map((r) => line([String(r.line), r.email, r.external_id, r.error])).join('')}`;
}

/** At start: queue a job for every bulk issuance left queued or running by a stopped server. */
export async function resumeIssuanceJobs(deps: Pick<Deps, 'db' | 'jobs'>): Promise<number> {
  const ids = await store.listUnfinishedJobIds(deps.db);
  for (const { id } of ids) await deps.jobs.send(deps.db, 'bulkIssuance', { jobId: id });
  return ids.length;
}
