import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { onComponentStatusChanged } from './award-suspension.js';
import { reevaluateAllLearners } from './reevaluate-all-learners.js';
import { reevaluateLearnerPathways } from './pathway-awards.service.js';
import { expiredComponentsOfActiveAwards } from './stores/pathway-award.store.js';
import { lockLearner } from './stores/pathway-progress.store.js';
import { recheckWallets } from './wallet-status.service.js';

/** Where settlement reports what it did and what failed (the job's logger). */
export type SettlementLog = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

export type Settlement = {
  learners: number;
  evaluations: number;
  updated: number;
  awarded: number;
  failed: number;
  suspendedForExpiry: number;
};

/** How often the scheduled settlement runs (the `settlePathways` cron): wallet entries older than this are re-read. */
export const SETTLEMENT_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Brings every learner's pathway progress up to date and awards what is now satisfied: after a
 * pathway is published (learners may already hold all it asks for; `pathwayIds` names it) and
 * as the periodic safety net behind the event consumers, which also suspends pathway
 * credentials whose components have expired.
 * Progress is written in bulk; each award then goes through `reevaluateLearnerPathways`, which
 * locks the learner and claims the award, so a settlement racing a completion awards once.
 */
export async function settlePathways(
  deps: Deps,
  options: { pathwayIds?: readonly string[]; log?: SettlementLog } = {},
): Promise<Settlement> {
  const full = await reevaluateAllLearners(deps, options.pathwayIds ? { pathwayIds: options.pathwayIds } : {});
  const settlement: Settlement = {
    learners: full.learners,
    evaluations: full.evaluations,
    updated: full.updated,
    awarded: 0,
    failed: 0,
    suspendedForExpiry: 0,
  };
  if (!options.pathwayIds) {
    // The expiry scan's events normally do this; a component whose event failed is caught here.
    for (const expired of await expiredComponentsOfActiveAwards(deps.db, deps.clock())) {
      await transaction(deps.db, async (trx) => {
        await lockLearner(trx, expired.learner_id);
        await onComponentStatusChanged({ ...deps, db: trx }, expired.component_id);
      });
      settlement.suspendedForExpiry += 1;
    }
  }
  for (const learnerId of new Set(full.satisfiedWithoutAward.map((s) => s.learnerId))) {
    try {
      settlement.awarded += (await reevaluateLearnerPathways(deps, learnerId)).awarded.length;
    } catch (err) {
      // One learner's failure (a signing key missing, say) must not hold up the others.
      settlement.failed += 1;
      options.log?.error({ err, learnerId }, 'pathway award failed during settlement');
    }
  }
  return settlement;
}

/**
 * The scheduled settlement (one job per cluster every six hours): re-reads the status of
 * wallet credentials not checked since the last run, as issuers elsewhere may have revoked
 * what learners brought, then settles every pathway.
 */
export async function runScheduledSettlement(deps: Deps, log: SettlementLog): Promise<Settlement> {
  const started = Date.now();
  const checked = await recheckWallets(deps, { olderThanMs: SETTLEMENT_INTERVAL_MS, log });
  if (checked.changed > 0 || checked.unreadable > 0) log.info(checked, 'wallet statuses checked');
  const settlement = await settlePathways(deps, { log });
  log.info({ ...settlement, ms: Date.now() - started }, 'pathways settled');
  return settlement;
}

/** Settles the learners of a newly published pathway (the `pathwaysPublished` job). */
export async function settlePublishedPathway(deps: Deps, pathwayId: string, log: SettlementLog): Promise<Settlement> {
  const settlement = await settlePathways(deps, { pathwayIds: [pathwayId], log });
  if (settlement.updated > 0 || settlement.awarded > 0 || settlement.failed > 0)
    log.info({ ...settlement, pathwayId }, 'published pathway settled');
  // A failed award is retried by the job: its learner is still satisfied without an award.
  if (settlement.failed > 0)
    throw new Error(
      `${settlement.failed} learner(s) of pathway ${pathwayId} could not be awarded; the job is retried.`,
    );
  return settlement;
}
