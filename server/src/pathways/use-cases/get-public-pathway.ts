import type { JsonObject } from '@cairn/credentials';
import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { cheapestAndShortestCompletion } from '../completion-plan.js';
import { offersFor, buildMap } from '../pathway-map.js';
import { nodeContext } from '../requirement-context.js';
import { isGroup, walkTree, type RequirementNode } from '../requirement-tree.js';
import { findPathway, latestPublishedVersions } from '../stores/pathway.store.js';

/** A published pathway as its public page shows it. */
export async function getPublicPathway(deps: Deps, id: string) {
  const pathway = await findPathway(deps.db, id);
  const [version] = pathway ? await latestPublishedVersions(deps.db, [id]) : [];
  if (!pathway || !version) throw new AppError('not_found', 'No published pathway with this id.');
  const tree = version.tree as RequirementNode;
  const ctx = await nodeContext(deps, tree);
  const offers = await offersFor(deps, tree, ctx);
  const plan = cheapestAndShortestCompletion(tree, [], offers);
  const providers = new Map<string, { slug: string | null; name: string; did: string }>([
    [pathway.orgDid, { slug: pathway.orgSlug, name: pathway.orgName, did: pathway.orgDid }],
  ]);
  for (const m of ctx.micro.values()) providers.set(m.orgDid, { slug: m.orgSlug, name: m.orgName, did: m.orgDid });
  walkTree(tree, (node) => {
    if (node.type === 'achievement' && node.ref.kind === 'external')
      for (const did of node.ref.issuerDids)
        if (!providers.has(did)) providers.set(did, { slug: null, name: did, did });
  });
  let count = 0;
  walkTree(tree, (node) => {
    if (!isGroup(node)) count += 1;
  });
  return {
    id: pathway.id,
    slug: pathway.slug,
    versionId: version.id,
    versionNumber: version.version_number,
    name: version.name,
    description: version.description,
    achievementType: version.achievement_type,
    imageUrl: version.image_url,
    provider: { slug: pathway.orgSlug, name: pathway.orgName },
    providers: [...providers.values()],
    achievement: version.achievement as JsonObject,
    totals: {
      cheapest: plan.cheapest,
      shortest: plan.shortest,
      cpdHours: plan.cheapest?.cpdHours ?? 0,
      requirementCount: count,
    },
    map: buildMap(tree, ctx, version.name, version.recommended_order),
    recommendedOrder: version.recommended_order,
    publishedAt: version.published_at!,
  };
}
