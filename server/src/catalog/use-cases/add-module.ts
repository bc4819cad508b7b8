import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { lockDraft, authorAccess } from '../microcredential-access.js';
import { toModuleView } from '../microcredential-view.js';
import type { ModuleInput } from '../microcredentials.schemas.js';
import * as store from '../microcredentials.store.js';
import { moduleValues } from '../module-values.js';

export async function addModule(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  id: string,
  versionId: string,
  input: ModuleInput,
) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const row = await store.insertModule(trx, { ...moduleValues(input), orgId: org.id, versionId });
    await store.touchMicrocredential(trx, id);
    return toModuleView(row);
  });
}
