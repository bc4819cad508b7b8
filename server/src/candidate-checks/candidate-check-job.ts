import type { Deps } from '../deps.js';
import type { Job } from '../jobs/job-queue.js';
import * as store from './candidate-checks.store.js';
import { runCandidateCheck } from './use-cases/run-candidate-check.js';
import type { CandidateCheckJobData } from './use-cases/start-candidate-check.js';

/** How long one queue job works before handing over to its follow-up (well inside its expiry). */
const SLICE_MS = 60_000;

/**
 * Runs a slice of a candidate check and queues the next if items remain. A failure is retried
 * by the queue (settled items stay settled); after the last retry the check is marked failed.
 */
export async function handleCandidateCheckJob(deps: Deps, job: Job): Promise<void> {
  const { checkId } = job.data as CandidateCheckJobData;
  try {
    const outcome = await runCandidateCheck(deps, checkId, { deadline: Date.now() + SLICE_MS });
    if (outcome === 'more')
      await deps.jobs.send(deps.db, 'candidateChecks', { checkId } satisfies CandidateCheckJobData);
  } catch (error) {
    if (job.retryCount >= job.retryLimit)
      await store.markFailed(deps.db, checkId, error instanceof Error ? error.message : String(error), deps.clock());
    throw error;
  }
}
