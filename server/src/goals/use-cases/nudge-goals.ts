import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { queueMail } from '../../mail/queue-mail.js';
import { isoWeek } from '../goal-schedule.js';
import * as store from '../stores/goals.store.js';
import { planFor } from './plan-goal.js';

/**
 * The weekly nudge (a scheduled job): each goal whose learner asked for nudges and whose plan no
 * longer ends by its target date gets one mail through the outbox. Once per goal and ISO week,
 * however often the job runs: the claim and the mail commit together.
 */
export async function nudgeGoalsBehindSchedule(deps: Deps): Promise<{ checked: number; nudged: number }> {
  const week = isoWeek(deps.clock());
  const goals = await store.goalsToNudge(deps.db);
  let nudged = 0;
  for (const g of goals) {
    const goal = await store.findGoal(deps.db, g.learner_id, g.id);
    if (!goal) continue;
    const plan = await planFor(deps, g.learner_id, goal, { optimise: 'cost' });
    if (plan.feasible || plan.gap.length === 0) continue;
    const isSent = await transaction(deps.db, async (trx) => {
      if (!(await store.claimNudge(trx, g.id, week))) return false;
      const url = new URL(`/me/goals/${g.id}`, deps.publicUrl).toString();
      await queueMail(deps, trx, {
        to: g.email,
        subject: `Your goal “${g.title}” is behind schedule`,
        text: [
          `Hello ${g.name},`,
          '',
          `Your plan for “${g.title}” no longer fits your target date.`,
          plan.reason ?? '',
          plan.schedule.hoursNeededPerWeek !== null
            ? `To keep the date, plan about ${plan.schedule.hoursNeededPerWeek} hours a week, or choose a later date.`
            : '',
          '',
          `See your plan: ${url}`,
          '',
          'You asked for these reminders; turn them off on the goal’s page.',
        ]
          .filter((line, i, all) => line !== '' || all[i - 1] !== '')
          .join('\n'),
      });
      return true;
    });
    if (isSent) nudged++;
  }
  return { checked: goals.length, nudged };
}
