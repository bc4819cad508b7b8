import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { notFound, providerAccess, editorDetail } from '../pathway-editor-view.js';
import { type PathwayInput, assignNodeIds, refuseProblems } from '../pathway-tree-check.js';
import { findPathway, insertVersion, listVersions, updateDraft } from '../stores/pathway.store.js';

/**
 * Saves the draft. Published versions never change: when there is no draft, a new version is
 * started, and learners stay on the version they began.
 */
export async function saveDraft(deps: Deps, actor: Actor, orgSlug: string, id: string, input: PathwayInput) {
  const { org, actor: who } = await providerAccess(deps, actor, orgSlug, 'pathways.author');
  const tree = assignNodeIds(input.tree);
  await refuseProblems(deps, id, tree, input.recommendedOrder);
  return transaction(deps.db, async (trx) => {
    const pathway = await findPathway(trx, id, { forUpdate: true });
    if (!pathway || pathway.org_id !== org.id) throw notFound();
    const versions = await listVersions(trx, id);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) await updateDraft(trx, draft.id, { ...input, tree }, deps.clock());
    else
      await insertVersion(trx, {
        ...input,
        tree,
        orgId: org.id,
        pathwayId: id,
        versionNumber: Math.max(0, ...versions.map((v) => v.version_number)) + 1,
        createdBy: who.kind === 'user' ? who.userId : null,
      });
    return editorDetail({ ...deps, db: trx }, org, id);
  });
}
