import type { Actor, Deps } from '../../deps.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import * as store from '../microcredentials.store.js';

type VersionSummary = {
  id: string;
  versionNumber: number;
  status: 'draft' | 'published';
  title: string;
  publishedAt: Date | null;
  updatedAt: Date;
};

/** The organisation's micro-credentials with their status. */
export async function listMicrocredentials(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  filter: { status?: 'draft' | 'published' },
) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'catalog.read');
  const rows = await store.listMicrocredentials(deps.db, org.id);
  const items = rows.map((r) => {
    const latest: VersionSummary = {
      id: r.latest_id,
      versionNumber: r.latest_number,
      status: r.latest_status,
      title: r.latest_title,
      publishedAt: r.latest_published_at,
      updatedAt: r.latest_updated_at,
    };
    const published: VersionSummary | null =
      r.published_id && r.published_number !== null && r.published_title !== null && r.published_updated_at !== null
        ? {
            id: r.published_id,
            versionNumber: r.published_number,
            status: 'published',
            title: r.published_title,
            publishedAt: r.published_published_at,
            updatedAt: r.published_updated_at,
          }
        : null;
    const status = !published
      ? ('draft' as const)
      : latest.status === 'draft'
        ? ('published_with_draft' as const)
        : ('published' as const);
    return {
      id: r.id,
      slug: r.slug,
      title: latest.title,
      status,
      latestVersion: latest,
      publishedVersion: published,
      updatedAt: r.updated_at,
    };
  });
  if (filter.status === 'draft') return items.filter((i) => i.latestVersion.status === 'draft');
  if (filter.status === 'published') return items.filter((i) => i.publishedVersion !== null);
  return items;
}
