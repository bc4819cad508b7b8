import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { columnsOf } from '../draft-columns.js';
import { lockDraft, authorAccess } from '../microcredential-access.js';
import { presentVersion } from '../microcredential-view.js';
import type { VersionPatch } from '../microcredentials.schemas.js';
import * as store from '../microcredentials.store.js';

/** Changes fields of a draft version. A published version answers 409. */
export async function updateDraft(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  id: string,
  versionId: string,
  patch: VersionPatch,
) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const updated = await store.updateVersion(trx, versionId, await columnsOf(trx, org, patch));
    await store.touchMicrocredential(trx, id);
    return presentVersion({ ...deps, db: trx }, updated!);
  });
}
