import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { providerAccess, editorDetail } from '../pathway-editor-view.js';
import { type PathwayInput, assignNodeIds, refuseProblems } from '../pathway-tree-check.js';
import { insertPathway, insertVersion } from '../stores/pathway.store.js';

/** Creates a pathway with its first draft. */
export async function createPathway(deps: Deps, actor: Actor, orgSlug: string, input: PathwayInput & { slug: string }) {
  const { org, actor: who } = await providerAccess(deps, actor, orgSlug, 'pathways.author');
  const tree = assignNodeIds(input.tree);
  await refuseProblems(deps, null, tree, input.recommendedOrder);
  return transaction(deps.db, async (trx) => {
    const userId = who.kind === 'user' ? who.userId : null;
    const pathway = await insertPathway(trx, { orgId: org.id, slug: input.slug, createdBy: userId });
    if (!pathway)
      throw new AppError('conflict', `${org.name} already has a pathway at "${input.slug}". Choose another slug.`, {
        fields: [{ field: 'slug', message: 'Already taken in this organisation' }],
      });
    await insertVersion(trx, {
      ...input,
      tree,
      orgId: org.id,
      pathwayId: pathway.id,
      versionNumber: 1,
      createdBy: userId,
    });
    return editorDetail({ ...deps, db: trx }, org, pathway.id);
  });
}
