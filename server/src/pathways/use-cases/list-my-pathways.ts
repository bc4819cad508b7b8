import type { Actor, Deps } from '../../deps.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { summaryOf } from '../learner-pathway-summary.js';
import { computeLearnerPathways } from '../learner-pathways.js';

/** The pathways a learner joined or already counts toward, with progress. */
export async function listMyPathways(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const { states } = await computeLearnerPathways(deps, user.userId);
  return states
    .map(summaryOf)
    .sort(
      (a, b) =>
        Number(b.isJoined) - Number(a.isJoined) ||
        b.progress.done / Math.max(1, b.progress.required) - a.progress.done / Math.max(1, a.progress.required) ||
        a.name.localeCompare(b.name),
    );
}
