import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { onComponentStatusChanged, reevaluateAllLearners, reevaluateLearnerPathways } from './pathway-awards.service.js';
import * as store from './pathways.store.js';
import { recheckWallets } from './wallet-status.service.js';

export type Settlement = { learners: number; evaluations: number; updated: number; awarded: number; failed: number; suspendedForExpiry: number };

/**
 * Brings every learner's pathway progress up to date and awards what is now satisfied: after a
 * pathway is published (learners may already hold all it asks for) and as a periodic check,
 * which also suspends pathway credentials whose components have expired.
 * Progress is written in bulk; each award then goes through `reevaluateLearnerPathways`, which
 * locks the learner and claims the award, so a settlement racing a completion awards once.
 */
export async function settlePathways(deps: Deps, options: { pathwayIds?: readonly string[]; log?: FastifyBaseLogger } = {}): Promise<Settlement> {
  const full = await reevaluateAllLearners(deps, options.pathwayIds ? { pathwayIds: options.pathwayIds } : {});
  const settlement: Settlement = { learners: full.learners, evaluations: full.evaluations, updated: full.updated, awarded: 0, failed: 0, suspendedForExpiry: 0 };
  if (!options.pathwayIds) {
    // Expiry changes no status row, so nothing else notices it: suspend what stacks an expired component.
    for (const expired of await store.expiredComponentsOfActiveAwards(deps.db, deps.clock())) {
      await transaction(deps.db, async (trx) => {
        await store.lockLearner(trx, expired.learner_id);
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
 * Runs settlements in the background: of every pathway soon after start (catching up on
 * anything a crash left unsettled) and every `intervalMs`, each after re-reading the status of
 * wallet credentials not checked for that long; of the pathways poked, shortly after
 * `poke()` (they were published). One run at a time; pokes during a run make one more.
 */
export function startPathwaySettler(options: { deps: Deps; log: FastifyBaseLogger; intervalMs?: number; firstRunMs?: number; pokeDelayMs?: number }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStopped = false;
  /** Pathways published since the last run; null means "all" (the first and periodic runs). */
  let poked: Set<string> | null = null;
  let isFullDue = true;

  const intervalMs = options.intervalMs ?? 6 * 60 * 60 * 1000;

  async function run(pathwayIds: string[] | null) {
    const started = Date.now();
    if (!pathwayIds) {
      // Issuers elsewhere may have revoked what learners brought: read their lists again first.
      const checked = await recheckWallets(options.deps, { olderThanMs: intervalMs, log: options.log });
      if (checked.changed > 0 || checked.unreadable > 0) options.log.info(checked, 'wallet statuses checked');
    }
    const s = await settlePathways(options.deps, { log: options.log, ...(pathwayIds ? { pathwayIds } : {}) });
    if (s.updated > 0 || s.awarded > 0 || s.failed > 0 || s.suspendedForExpiry > 0) options.log.info({ ...s, pathways: pathwayIds ?? 'all', ms: Date.now() - started }, 'pathways settled');
  }

  function schedule(delayMs: number) {
    if (isStopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const pathwayIds = isFullDue ? null : [...(poked ?? [])];
      isFullDue = false;
      poked = null;
      running = run(pathwayIds)
        .catch((err: unknown) => options.log.error({ err }, 'pathway settlement failed'))
        .finally(() => {
          running = undefined;
          if (poked) schedule(options.pokeDelayMs ?? 1000);
          else {
            isFullDue = true;
            schedule(intervalMs);
          }
        });
    }, delayMs);
    timer.unref();
  }
  schedule(options.firstRunMs ?? 10_000);

  return {
    /** A pathway was published: settle its learners soon. */
    poke(pathwayId: string) {
      if (isStopped) return;
      (poked ??= new Set()).add(pathwayId);
      if (!running && !isFullDue) schedule(options.pokeDelayMs ?? 1000);
    },
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
