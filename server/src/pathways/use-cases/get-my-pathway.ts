import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { cheapestAndShortestCompletion, type CompletionOptions } from '../completion-plan.js';
import { summaryOf } from '../learner-pathway-summary.js';
import { computeLearnerPathways } from '../learner-pathways.js';
import { offersFor, buildMap } from '../pathway-map.js';
import { nodeContext, labelOf } from '../requirement-context.js';
import { evaluatePathway, isGroup, walkTree, type RequirementNode } from '../requirement-tree.js';
import { latestPublishedVersions } from '../stores/pathway.store.js';

/** One pathway for the learner: done, left, the cheapest and shortest ways to finish. */
export async function getMyPathway(deps: Deps, actor: Actor, id: string) {
  const user = requireUser(actor);
  const { held, states } = await computeLearnerPathways(deps, user.userId);
  let state = states.find((s) => s.pathwayId === id);
  if (!state) {
    // Not on it yet: show it against the newest published version.
    const [version] = await latestPublishedVersions(deps.db, [id]);
    if (!version) throw new AppError('not_found', 'No published pathway with this id.');
    const tree = version.tree as RequirementNode;
    state = {
      pathwayId: id,
      version,
      tree,
      evaluation: evaluatePathway(tree, held),
      participation: undefined,
      award: undefined,
    };
  }
  const [latest] = await latestPublishedVersions(deps.db, [id]);
  const ctx = await nodeContext(deps, state.tree);
  const offers = await offersFor(deps, state.tree, ctx);
  const completion: CompletionOptions = state.award
    ? { isSatisfied: true, cheapest: null, shortest: null, isExact: true, unreachableNodeIds: [] }
    : cheapestAndShortestCompletion(state.tree, held, offers);
  const heldByRef = new Map(held.map((h) => [h.ref, h]));
  const labels = new Map<string, string>();
  walkTree(state.tree, (node) => labels.set(node.id, labelOf(node, ctx.names)));
  const done: { nodeId: string; label: string; credentials: { ref: string; name: string }[] }[] = [];
  walkTree(state.tree, (node) => {
    const s = state.evaluation.perNode[node.id];
    if (s?.isSatisfied && !isGroup(node))
      done.push({
        nodeId: node.id,
        label: labels.get(node.id)!,
        credentials: s.counted.map((ref) => ({ ref, name: heldByRef.get(ref)?.name ?? ref })),
      });
  });
  return {
    ...summaryOf(state),
    versionNumber: state.version.version_number,
    isNewerVersionPublished: latest !== undefined && latest.id !== state.version.id,
    nodes: state.evaluation.perNode,
    done,
    remaining: state.evaluation.remaining.map((r) => ({ ...r, label: labels.get(r.nodeId) ?? r.nodeId })),
    completion,
    estimate: {
      costMinor: completion.cheapest?.costMinor ?? null,
      cost: completion.cheapest?.cost ?? [],
      effortHours: completion.shortest?.effortHours ?? null,
      durationWeeks: completion.shortest?.durationWeeks ?? null,
    },
    map: buildMap(state.tree, ctx, state.version.name, state.version.recommended_order),
  };
}
