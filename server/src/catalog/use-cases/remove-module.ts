import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { lockDraft, authorAccess, moduleNotFound } from '../microcredential-access.js';
import * as store from '../microcredentials.store.js';

export async function removeModule(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  id: string,
  versionId: string,
  moduleId: string,
) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  await transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    if (!(await store.deleteModule(trx, versionId, moduleId))) throw moduleNotFound();
    await store.touchMicrocredential(trx, id);
  });
}
