import type { Actor, Deps } from '../../deps.js';
import { detailOf } from '../enrolment-view.js';
import { ownEnrolment } from '../own-enrolment.js';

export async function getEnrolment(deps: Deps, actor: Actor, id: string) {
  return detailOf(deps, await ownEnrolment(deps, actor, id));
}
