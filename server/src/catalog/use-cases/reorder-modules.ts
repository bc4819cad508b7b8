import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { lockDraft, authorAccess } from '../microcredential-access.js';
import { toModuleView } from '../microcredential-view.js';
import * as store from '../microcredentials.store.js';

/** Puts the modules in the given order; the list must name every module of the version once. */
export async function reorderModules(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  id: string,
  versionId: string,
  moduleIds: string[],
) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const existing = await store.listModules(trx, versionId);
    const known = new Set(existing.map((m) => m.id));
    const isPermutation =
      moduleIds.length === known.size &&
      new Set(moduleIds).size === moduleIds.length &&
      moduleIds.every((m) => known.has(m));
    if (!isPermutation) {
      throw new AppError(
        'validation_failed',
        `List every module of this version exactly once (${known.size} modules).`,
        { fields: [{ field: 'moduleIds', message: 'Must be a reordering of the version’s module ids' }] },
      );
    }
    await store.reorderModules(trx, versionId, moduleIds);
    await store.touchMicrocredential(trx, id);
    return (await store.listModules(trx, versionId)).map(toModuleView);
  });
}
