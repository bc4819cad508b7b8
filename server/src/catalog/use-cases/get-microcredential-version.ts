import type { Actor, Deps } from '../../deps.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { versionNotFound, loadMicrocredential } from '../microcredential-access.js';
import { presentVersion } from '../microcredential-view.js';
import * as store from '../microcredentials.store.js';

/** One version, as its authors see it (quiz answers included). */
export async function getVersion(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'catalog.read');
  await loadMicrocredential(deps, org, id);
  const v = await store.findVersion(deps.db, org.id, id, versionId);
  if (!v) throw versionNotFound();
  return presentVersion(deps, v);
}
