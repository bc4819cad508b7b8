import type { Actor, Deps } from '../../deps.js';
import { providerAccess } from '../pathway-editor-view.js';
import { listPathwaysOfOrg } from '../stores/pathway.store.js';

export async function listOrgPathways(deps: Deps, actor: Actor, orgSlug: string) {
  const { org } = await providerAccess(deps, actor, orgSlug, 'pathways.read');
  const rows = await listPathwaysOfOrg(deps.db, org.id);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name ?? r.slug,
    publishedVersion: r.publishedVersion,
    hasDraft: Boolean(r.hasDraft),
    learners: r.learners ?? 0,
    awarded: r.awarded ?? 0,
    createdAt: r.created_at,
  }));
}
