import type { JsonObject } from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { authorizeOrg, type OrgView } from '../orgs/orgs.service.js';
import type { RequirementNode } from './requirement-tree.js';
import { pathwayLearnerCounts } from './stores/pathway-progress.store.js';
import { type VersionRow, findPathway, listVersions } from './stores/pathway.store.js';

// Who may edit a provider's pathways, and the editor's view of one pathway and its versions.

export const notFound = () => new AppError('not_found', 'No pathway with this id in this organisation.');

export async function providerAccess(
  deps: Deps,
  actor: Actor,
  slug: string,
  action: 'pathways.read' | 'pathways.author' | 'pathways.publish',
) {
  const access = await authorizeOrg(deps, actor, slug, action);
  if (action !== 'pathways.read' && !access.org.roles.includes('provider')) {
    throw new AppError('forbidden', `${access.org.name} is not a provider, so it cannot define pathways.`);
  }
  return access;
}

function presentVersion(v: VersionRow) {
  return {
    id: v.id,
    versionNumber: v.version_number,
    status: v.status,
    name: v.name,
    description: v.description,
    achievementType: v.achievement_type,
    criteriaNarrative: v.criteria_narrative,
    imageUrl: v.image_url,
    tree: v.tree as RequirementNode,
    recommendedOrder: v.recommended_order,
    achievement: (v.achievement as JsonObject | null) ?? null,
    publishedAt: v.published_at,
    updatedAt: v.updated_at,
  };
}

export async function editorDetail(deps: Deps, org: OrgView, pathwayId: string) {
  const pathway = await findPathway(deps.db, pathwayId);
  if (!pathway || pathway.org_id !== org.id) throw notFound();
  const [versions, learners] = await Promise.all([
    listVersions(deps.db, pathwayId),
    pathwayLearnerCounts(deps.db, pathwayId),
  ]);
  return {
    id: pathway.id,
    slug: pathway.slug,
    provider: { slug: org.slug, name: org.name },
    createdAt: pathway.created_at,
    versions: versions.map(presentVersion),
    learners,
  };
}
