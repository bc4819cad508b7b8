import type { Deps } from '../../deps.js';
import { listPublishedPathways } from '../stores/pathway.store.js';

export async function listPublicPathways(
  deps: Deps,
  options: { q?: string | undefined; provider?: string | undefined; limit: number; offset: number },
) {
  const rows = await listPublishedPathways(deps.db, options);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.pathway_id,
      slug: r.slug,
      name: r.name,
      description: r.description,
      achievementType: r.achievement_type,
      imageUrl: r.image_url,
      provider: { slug: r.orgSlug, name: r.orgName },
      versionNumber: r.version_number,
      publishedAt: r.published_at!,
    })),
  };
}
