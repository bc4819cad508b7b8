import type { Deps } from '../../deps.js';
import { deleteChecksBefore } from '../candidate-checks.store.js';

/**
 * Deletes candidate checks past their 30 days, with their uploads and results. Idempotent: a
 * second run (or a retry) finds nothing left to delete.
 */
export async function deleteExpiredCandidateChecks(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  return deleteChecksBefore(deps.db, deps.clock());
}
