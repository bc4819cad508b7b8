import type { Actor, Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { requireUser } from '../orgs/orgs.service.js';
import * as enrolmentStore from './stores/enrolment.store.js';

/** The learner's own enrolment with its state, locked when it is about to change. */
export async function ownEnrolment(deps: Deps, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const user = requireUser(actor);
  const e = await enrolmentStore.findEnrolment(deps.db, id, options);
  if (!e || e.learner_id !== user.userId) throw new AppError('not_found', 'No enrolment with this id is yours.');
  return e;
}

export function requireActive(e: enrolmentStore.EnrolmentRow) {
  if (e.status === 'withdrawn')
    throw new AppError('conflict', 'You withdrew from this programme. Enrol again to continue.');
  if (e.status === 'completed')
    throw new AppError('conflict', 'You have completed this programme; your credential is issued.');
}

export function moduleOf(e: enrolmentStore.EnrolmentRow, moduleId: string) {
  const m = e.modules.find((x) => x.id === moduleId);
  if (!m) throw new AppError('not_found', 'This module is not part of the programme you are enrolled in.');
  return m;
}
