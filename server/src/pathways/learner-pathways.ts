import type { Deps } from '../deps.js';
import {
  evaluatePathway,
  type HeldCredential,
  type PathwayEvaluation,
  type RequirementNode,
} from './requirement-tree.js';
import { learnerPathwaySnapshot } from './stores/held-credentials.store.js';
import { type VersionRow } from './stores/pathway.store.js';
import { publishedPathwaysAt } from './published-pathways.js';
import { heldFromRows, heldTargets } from './load-held-credentials.js';

type Participation = {
  pathway_id: string;
  version_id: string;
  is_joined: boolean;
  done: number;
  required: number;
  is_satisfied: boolean;
};
type Award = {
  id: string;
  version_id: string;
  credential_row_id: string | null;
  clr_row_id: string | null;
  status: 'active' | 'suspended';
};

export type LearnerPathwayState = {
  pathwayId: string;
  version: VersionRow;
  tree: RequirementNode;
  evaluation: PathwayEvaluation;
  participation: Participation | undefined;
  award: Award | undefined;
};

/**
 * Every pathway a learner is on (joined, counted before, or touched now by a credential they
 * hold), each evaluated on the version the learner is pinned to (or the newest published one).
 * Awards only exist on pathways the learner is on, so they come with the pinned versions.
 */
export async function computeLearnerPathways(
  deps: Deps,
  learnerId: string,
): Promise<{ held: HeldCredential[]; states: LearnerPathwayState[] }> {
  const snapshot = await learnerPathwaySnapshot(deps.db, learnerId, deps.clock());
  const [mine, published] = await Promise.all([
    heldFromRows(deps, [learnerId], snapshot.cairn, snapshot.wallet).then((held) => held.get(learnerId)!),
    publishedPathwaysAt(deps.db, snapshot),
  ]);
  const states: LearnerPathwayState[] = [];
  const pinned = new Set<string>();
  for (const row of snapshot.pinned) {
    const version = published.version(row.version_id);
    if (!version) continue;
    pinned.add(row.pathway_id);
    const tree = version.tree as RequirementNode;
    states.push({
      pathwayId: row.pathway_id,
      version,
      tree,
      evaluation: evaluatePathway(tree, mine),
      participation: {
        pathway_id: row.pathway_id,
        version_id: row.version_id,
        is_joined: row.is_joined,
        done: row.done,
        required: row.required,
        is_satisfied: row.is_satisfied,
      },
      award: row.awardId
        ? {
            id: row.awardId,
            version_id: row.version_id,
            credential_row_id: row.awardCredentialRowId,
            clr_row_id: row.awardClrRowId,
            status: row.awardStatus ?? 'active',
          }
        : undefined,
    });
  }
  for (const version of published.latestTouching(heldTargets(mine))) {
    if (pinned.has(version.pathway_id)) continue;
    const tree = version.tree as RequirementNode;
    states.push({
      pathwayId: version.pathway_id,
      version,
      tree,
      evaluation: evaluatePathway(tree, mine),
      participation: undefined,
      award: undefined,
    });
  }
  return { held: mine, states };
}
