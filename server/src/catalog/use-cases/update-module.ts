import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { lockDraft, authorAccess, moduleNotFound } from '../microcredential-access.js';
import { toModuleView } from '../microcredential-view.js';
import type { ModulePatch } from '../microcredentials.schemas.js';
import * as store from '../microcredentials.store.js';
import { withIds, checkUniqueIds } from '../module-values.js';

export async function updateModule(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  id: string,
  versionId: string,
  moduleId: string,
  patch: ModulePatch,
) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const values: Partial<store.ModuleValues> = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.content !== undefined) values.content = patch.content;
    if (patch.links !== undefined) values.links = JSON.stringify(patch.links);
    if (patch.estimatedMinutes !== undefined) values.estimatedMinutes = patch.estimatedMinutes;
    if (patch.activity !== undefined) {
      checkUniqueIds(patch.activity);
      const activity = withIds(patch.activity);
      values.activityType = activity?.type ?? null;
      values.activity = activity ? JSON.stringify(activity) : null;
    }
    const row = await store.updateModule(trx, versionId, moduleId, values);
    if (!row) throw moduleNotFound();
    await store.touchMicrocredential(trx, id);
    return toModuleView(row);
  });
}
