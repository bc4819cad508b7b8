import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { reevaluateLearnerPathways } from '../pathway-awards.service.js';
import { pathwayLearnersOf, upsertPathwayLearners } from '../stores/pathway-progress.store.js';
import { latestPublishedVersions } from '../stores/pathway.store.js';
import { getMyPathway } from './get-my-pathway.js';

/** Joins a published pathway (pinning its newest version) and evaluates it at once. */
export async function joinPathway(deps: Deps, actor: Actor, id: string) {
  const user = requireUser(actor);
  await transaction(deps.db, async (trx) => {
    const [version] = await latestPublishedVersions(trx, [id]);
    if (!version) throw new AppError('not_found', 'No published pathway with this id.');
    const existing = (await pathwayLearnersOf(trx, [user.userId])).find((p) => p.pathway_id === id);
    const now = deps.clock();
    await upsertPathwayLearners(trx, [
      {
        learnerId: user.userId,
        pathwayId: id,
        orgId: version.org_id,
        versionId: existing?.version_id ?? version.id,
        isJoined: true,
        joinedAt: now,
        done: existing?.done ?? 0,
        required: existing?.required ?? 0,
        isSatisfied: existing?.is_satisfied ?? false,
        now,
      },
    ]);
    await reevaluateLearnerPathways({ ...deps, db: trx }, user.userId);
  });
  return getMyPathway(deps, actor, id);
}
