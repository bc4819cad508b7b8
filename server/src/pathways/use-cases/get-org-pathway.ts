import type { Actor, Deps } from '../../deps.js';
import { providerAccess, editorDetail } from '../pathway-editor-view.js';

export async function getOrgPathway(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const { org } = await providerAccess(deps, actor, orgSlug, 'pathways.read');
  return editorDetail(deps, org, id);
}
