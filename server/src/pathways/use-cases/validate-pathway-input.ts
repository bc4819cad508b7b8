import type { Actor, Deps } from '../../deps.js';
import { providerAccess } from '../pathway-editor-view.js';
import { type PathwayInput, assignNodeIds, checkPathwayTree } from '../pathway-tree-check.js';

/** Checks a tree without saving it, for the editor's live feedback. */
export async function validatePathwayInput(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  id: string | null,
  input: PathwayInput,
) {
  await providerAccess(deps, actor, orgSlug, 'pathways.author');
  const errors = await checkPathwayTree(deps, id, assignNodeIds(input.tree), input.recommendedOrder);
  return { valid: errors.length === 0, errors };
}
