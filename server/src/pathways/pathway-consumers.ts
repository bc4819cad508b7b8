import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import type { EventType, StoredEvent } from '../events/event-types.js';
import { onComponentStatusChanged } from './award-suspension.js';
import { reevaluateLearnerPathways } from './pathway-awards.service.js';
import { lockLearner } from './stores/pathway-progress.store.js';

/*
 * What the pathways area does when something happens elsewhere. Each runs as a job (see
 * `jobs/job-handlers.ts`), after the change that caused it committed, in transactions of its
 * own that lock the learner first and then only the status lists of the pathway's provider.
 * Every run may be repeated (a retried job): awards are claimed by a unique row and a status
 * already as it should be is left alone.
 */

function is<T extends EventType>(event: StoredEvent, type: T): event is StoredEvent<T> {
  return event.type === type;
}

/**
 * `credential.*`: an issued credential may complete pathways of its recipient (awarded now);
 * a revoked, suspended, reinstated or expired one suspends or reinstates the pathway
 * credentials that stack it, and the recipient's progress is evaluated again.
 */
export async function onCredentialChanged(deps: Deps, event: StoredEvent): Promise<void> {
  if (is(event, 'credential.issued')) {
    const { recipientUserId, kind } = event.data;
    // A CLR bundles credentials that already counted; it counts toward nothing itself.
    if (!recipientUserId || kind === 'clr') return;
    await reevaluateLearnerPathways(deps, recipientUserId);
    return;
  }
  if (
    is(event, 'credential.revoked') ||
    is(event, 'credential.suspended') ||
    is(event, 'credential.reinstated') ||
    is(event, 'credential.expired')
  ) {
    const { credentialId, recipientUserId } = event.data;
    await transaction(deps.db, async (trx) => {
      if (recipientUserId) await lockLearner(trx, recipientUserId);
      await onComponentStatusChanged({ ...deps, db: trx }, credentialId);
    });
    // Its own transaction: a reinstated credential may award a pathway of another provider,
    // whose list is then taken with nothing else held.
    if (recipientUserId) await reevaluateLearnerPathways(deps, recipientUserId);
  }
}

/**
 * `pathway.published`: learners who already hold what it asks for are awarded by the
 * `pathwaysPublished` job, which may run longer than an event job is allowed. The job's id is
 * the event's, so a repeated run queues it once.
 */
export async function onPathwayPublished(deps: Deps, event: StoredEvent): Promise<void> {
  if (!is(event, 'pathway.published')) return;
  await deps.jobs.send(
    deps.db,
    'pathwaysPublished',
    { pathwayId: event.data.pathwayId, version: event.data.version },
    { id: event.id },
  );
}

/** Credentials joined a learner's account (they proved its address): they may complete pathways. */
export async function onCredentialsLinked(deps: Deps, learnerId: string): Promise<void> {
  await reevaluateLearnerPathways(deps, learnerId);
}
