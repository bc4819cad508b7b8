import type { Deps } from '../../deps.js';
import type { Job } from '../../jobs/job-queue.js';
import * as store from './bulk-jobs.store.js';
import { runBulkJob } from './run-bulk-job.js';

/** A job of the bulkIssuance queue. */
export type BulkIssuanceJobData = { jobId: string };

/** How long one queue job works before handing over to its follow-up (well inside its expiry). */
const SLICE_MS = 60_000;

/**
 * Runs a slice of a bulk issuance and queues the next slice if rows remain. A failure is retried
 * by the queue (rows already issued stay issued); after the last retry the job is marked failed.
 */
export async function handleBulkIssuanceJob(deps: Deps, job: Job): Promise<void> {
  const { jobId } = job.data as BulkIssuanceJobData;
  try {
    const outcome = await runBulkJob(deps, jobId, { deadline: Date.now() + SLICE_MS });
    if (outcome === 'more') await deps.jobs.send(deps.db, 'bulkIssuance', { jobId } satisfies BulkIssuanceJobData);
  } catch (error) {
    if (job.retryCount >= job.retryLimit)
      await store.markFailed(deps.db, jobId, error instanceof Error ? error.message : String(error), deps.clock());
    throw error;
  }
}
