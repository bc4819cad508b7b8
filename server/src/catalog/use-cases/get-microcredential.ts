import type { Actor, Deps } from '../../deps.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { loadMicrocredential } from '../microcredential-access.js';
import { programmeUrlOf, presentVersion } from '../microcredential-view.js';
import * as store from '../microcredentials.store.js';

/** A micro-credential with its versions; `current` is the draft when there is one. */
export async function getMicrocredential(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'catalog.read');
  const mc = await loadMicrocredential(deps, org, id);
  const versions = await store.listVersions(deps.db, org.id, mc.id);
  const latest = versions[0]!;
  const current = await store.findVersion(deps.db, org.id, mc.id, latest.id);
  const published = versions.find((v) => v.status === 'published');
  return {
    id: mc.id,
    slug: mc.slug,
    status: !published
      ? ('draft' as const)
      : latest.status === 'draft'
        ? ('published_with_draft' as const)
        : ('published' as const),
    versions: versions.map((v) => ({
      id: v.id,
      versionNumber: v.version_number,
      status: v.status,
      title: v.title,
      publishedAt: v.published_at,
      updatedAt: v.updated_at,
    })),
    current: await presentVersion(deps, current!),
    catalogUrl: published ? programmeUrlOf(deps.publicUrl, org.slug, mc.slug) : null,
    createdAt: mc.created_at,
  };
}
