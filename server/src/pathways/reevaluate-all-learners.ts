import type { Deps } from '../deps.js';
import { evaluatePathway, type RequirementNode } from './requirement-tree.js';
import { type ProgressRow, progressOfLearners, writeProgress } from './stores/pathway-progress.store.js';
import { publishedIndexMark } from './stores/pathway.store.js';
import { learnerIdsAfter } from './stores/people.store.js';
import { publishedPathwaysAt } from './published-pathways.js';
import { loadHeldCredentials } from './load-held-credentials.js';

export type FullReevaluation = {
  learners: number;
  evaluations: number;
  updated: number;
  satisfiedWithoutAward: { learnerId: string; pathwayId: string }[];
};

/**
 * Re-evaluates every learner against every published pathway, or the ones given (after a
 * pathway is published, or as a periodic check), in batches of learners: per batch three reads (credentials in force,
 * wallet entries, progress and awards) and one bulk write of the progress that changed. A few
 * batches run at once, so the database works on one while another is evaluated here. Learners
 * found satisfied but not awarded are returned; `reevaluateLearnerPathways` awards them one by
 * one (that signs).
 */
export async function reevaluateAllLearners(
  deps: Deps,
  options: { batchSize?: number; concurrency?: number; pathwayIds?: readonly string[] } = {},
): Promise<FullReevaluation> {
  const batchSize = options.batchSize ?? 2000;
  const result: FullReevaluation = { learners: 0, evaluations: 0, updated: 0, satisfiedWithoutAward: [] };
  const published = await publishedPathwaysAt(deps.db, await publishedIndexMark(deps.db));
  const only = options.pathwayIds ? new Set(options.pathwayIds) : null;
  const latest = published.allLatest().filter((v) => !only || only.has(v.pathway_id));
  if (latest.length === 0) return result;

  async function evaluateBatch(learnerIds: string[]) {
    const [heldByLearner, progress] = await Promise.all([
      loadHeldCredentials(deps, learnerIds),
      progressOfLearners(deps.db, learnerIds),
    ]);
    const pinned = new Map(progress.map((p) => [`${p.learner_id} ${p.pathway_id}`, p]));
    const now = deps.clock();
    const rows: ProgressRow[] = [];
    for (const learnerId of learnerIds) {
      const held = heldByLearner.get(learnerId)!;
      for (const newest of latest) {
        const participation = pinned.get(`${learnerId} ${newest.pathway_id}`);
        const version = participation ? published.version(participation.version_id) : newest;
        if (!version) continue;
        const evaluation = evaluatePathway(version.tree as RequirementNode, held);
        result.evaluations += 1;
        // Only pathways the learner is on or now counts toward are written.
        if (!participation && evaluation.done === 0) continue;
        if (
          participation &&
          participation.done === evaluation.done &&
          participation.required === evaluation.required &&
          participation.is_satisfied === evaluation.isSatisfied
        )
          continue;
        rows.push({
          learnerId,
          pathwayId: newest.pathway_id,
          orgId: version.org_id,
          versionId: version.id,
          done: evaluation.done,
          required: evaluation.required,
          isSatisfied: evaluation.isSatisfied,
          now,
        });
        if (evaluation.isSatisfied && !participation?.is_awarded)
          result.satisfiedWithoutAward.push({ learnerId, pathwayId: newest.pathway_id });
      }
    }
    await writeProgress(deps.db, rows);
    result.updated += rows.length;
    result.learners += learnerIds.length;
  }

  // Keyset paging hands out batches in id order; up to `concurrency` are in flight at a time.
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const inFlight = new Set<Promise<void>>();
  let after: string | null = null;
  for (;;) {
    const learnerIds = await learnerIdsAfter(deps.db, after, batchSize);
    if (learnerIds.length === 0) break;
    after = learnerIds.at(-1)!;
    const work: Promise<void> = evaluateBatch(learnerIds).finally(() => inFlight.delete(work));
    inFlight.add(work);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return result;
}
