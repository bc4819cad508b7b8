import { randomUUID } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { eventActorOf } from '../../events/record-event.js';
import { authorizeCandidateChecks } from '../candidate-check-access.js';
import { planCandidateItems, type CandidateUpload } from '../candidate-upload.js';
import * as store from '../candidate-checks.store.js';

/** Uploads and results are kept this long, then deleted by the daily clean-up. */
export const CANDIDATE_CHECK_RETENTION_DAYS = 30;

/** A job of the candidateChecks queue. */
export type CandidateCheckJobData = { checkId: string };

/**
 * Stores every credential of an upload and queues the job that verifies them, in one
 * transaction. Over 1,000 credentials is refused (413) and a malformed file (400) before
 * anything is stored.
 */
export async function startCandidateCheck(
  deps: Deps,
  actor: Actor,
  slug: string,
  upload: CandidateUpload,
): Promise<{ id: string }> {
  const { org } = await authorizeCandidateChecks(deps, actor, slug);
  const items = await planCandidateItems(upload);
  const id = randomUUID();
  const now = deps.clock();
  await transaction(deps.db, async (trx) => {
    await store.insertCheck(trx, {
      id,
      orgId: org.id,
      total: items.length,
      actor: eventActorOf(actor),
      deleteAfter: new Date(now.getTime() + CANDIDATE_CHECK_RETENTION_DAYS * 24 * 3600 * 1000),
    });
    await store.insertItems(trx, id, org.id, items);
    await deps.jobs.send(trx, 'candidateChecks', { checkId: id } satisfies CandidateCheckJobData);
  });
  return { id };
}
