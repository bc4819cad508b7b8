import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { summaryOf } from '../enrolment-view.js';
import * as enrolmentStore from '../stores/enrolment.store.js';
import { ownEnrolment, requireActive } from '../own-enrolment.js';

export async function withdrawEnrolment(deps: Deps, actor: Actor, id: string) {
  return transaction(deps.db, async (trx) => {
    const e = await ownEnrolment({ ...deps, db: trx }, actor, id, { forUpdate: true });
    requireActive(e);
    const now = deps.clock();
    await enrolmentStore.setEnrolmentStatus(trx, e.id, 'withdrawn', now);
    return summaryOf(deps, { ...e, status: 'withdrawn', withdrawn_at: now });
  });
}
