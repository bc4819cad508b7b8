import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { eventActorOf, recordEvent } from '../../events/record-event.js';
import { AppError } from '../../http/app-error.js';
import { buildPathwayAchievement } from '../pathway-documents.js';
import { notFound, providerAccess, editorDetail } from '../pathway-editor-view.js';
import { refuseProblems } from '../pathway-tree-check.js';
import { requirementLines, nodeNames } from '../requirement-context.js';
import type { RequirementNode } from '../requirement-tree.js';
import { findPathway, listVersions, publishVersion } from '../stores/pathway.store.js';

/**
 * Publishes the draft: checks it again and freezes its Achievement (the published-pathway
 * index picks it up by its publish_seq). `pathway.published` is recorded with it: its consumer
 * awards learners who already hold everything the pathway asks for.
 */
export async function publishDraft(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const { org, actor: who } = await providerAccess(deps, actor, orgSlug, 'pathways.publish');
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const pathway = await findPathway(trx, id, { forUpdate: true });
    if (!pathway || pathway.org_id !== org.id) throw notFound();
    const draft = (await listVersions(trx, id)).find((v) => v.status === 'draft');
    if (!draft)
      throw new AppError(
        'conflict',
        'There is no draft to publish: every version is published. Edit the pathway to start a new draft.',
      );
    const tree = draft.tree as RequirementNode;
    await refuseProblems(tdeps, id, tree, draft.recommended_order);
    const names = await nodeNames(tdeps, tree);
    const achievement = buildPathwayAchievement({
      publicUrl: deps.publicUrl,
      pathwayId: id,
      version: {
        id: draft.id,
        versionNumber: draft.version_number,
        name: draft.name,
        description: draft.description,
        achievementType: draft.achievement_type,
        criteriaNarrative: draft.criteria_narrative,
        imageUrl: draft.image_url,
      },
      issuer: { did: org.did, name: org.name, url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString() },
      requirementLines: requirementLines(tree, names),
    });
    await publishVersion(trx, draft.id, {
      achievement,
      publishedBy: who.kind === 'user' ? who.userId : null,
      now: deps.clock(),
    });
    await recordEvent(tdeps, trx, {
      type: 'pathway.published',
      orgId: org.id,
      actor: eventActorOf(actor),
      data: { pathwayId: id, version: draft.version_number },
    });
    return editorDetail(tdeps, org, id);
  });
}
