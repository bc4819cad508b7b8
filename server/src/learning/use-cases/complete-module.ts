import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { detailOf } from '../enrolment-view.js';
import { withCompletion } from '../learner-state.js';
import * as enrolmentStore from '../stores/enrolment.store.js';
import { moduleOf, ownEnrolment, requireActive } from '../own-enrolment.js';
import { recordProgress } from '../programme-completion.js';

/** Marks a module without an activity as done. */
export async function completeModule(deps: Deps, actor: Actor, id: string, moduleId: string) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrolment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    const m = moduleOf(e, moduleId);
    if (m.activity_type)
      throw new AppError(
        'conflict',
        `This module is finished by passing its ${m.activity_type}, not by marking it done.`,
      );
    await enrolmentStore.insertCompletion(trx, { enrolmentId: e.id, moduleId, orgId: e.org_id });
    return detailOf(deps, await recordProgress(tx, actor, withCompletion(e, moduleId), { lastModuleId: moduleId }));
  });
}
