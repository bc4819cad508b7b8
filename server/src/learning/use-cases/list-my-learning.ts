import type { Actor, Deps } from '../../deps.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { summaryOf } from '../enrolment-view.js';
import * as enrolmentStore from '../stores/enrolment.store.js';

const order = { active: 0, completed: 1, withdrawn: 2 } as const;

/** The signed-in person's enrolments (active first), each with its progress, in one read. */
export async function listMyLearning(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const rows = await enrolmentStore.listEnrolmentsOfLearner(deps.db, user.userId);
  return rows.map((e) => summaryOf(deps, e)).sort((a, b) => order[a.status] - order[b.status]);
}
