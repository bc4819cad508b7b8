import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { moduleOf, ownEnrolment } from '../own-enrolment.js';
import { addTimeSpent } from '../stores/quiz-draw.store.js';

/** The most one report may add: the page reports every minute or so, and on leaving. */
export const MAX_SECONDS_PER_REPORT = 15 * 60;

/** Adds the seconds a learner spent on a module's page to its running total; returns the total. */
export async function recordReadingTime(deps: Deps, actor: Actor, id: string, moduleId: string, seconds: number) {
  return transaction(deps.db, async (trx) => {
    const e = await ownEnrolment({ ...deps, db: trx }, actor, id);
    moduleOf(e, moduleId);
    const total = await addTimeSpent(trx, {
      orgId: e.org_id,
      enrolmentId: e.id,
      moduleId,
      seconds: Math.min(MAX_SECONDS_PER_REPORT, Math.max(0, Math.floor(seconds))),
      at: deps.clock(),
    });
    return { moduleId, secondsSpent: total };
  });
}
