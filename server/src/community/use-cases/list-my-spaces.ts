import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { requireUser } from '../../orgs/orgs.service.js';
import * as spaces from '../stores/space.store.js';
import { placeInCohort } from './place-in-cohort.js';

export type MySpace = {
  /** The space's id (cohort or micro-credential); null while waiting for a cohort or after removal. */
  id: string | null;
  kind: 'cohort' | 'programme';
  state: 'open' | 'waiting' | 'removed';
  programme: { id: string; title: string; slug: string; providerSlug: string };
  cohort: { name: string; startsOn: string; endsOn: string } | null;
};

/**
 * Places the learner now if they are still waiting: learners are placed when they enrol and
 * when a cohort opens or a place frees, so this only catches enrolments made before placement
 * at enrolment existed. A learner removed from a cohort is never placed again.
 */
async function placeIfWaiting(deps: Deps, learnerId: string, microcredentialId: string): Promise<string | null> {
  return transaction(deps.db, async (trx) => {
    const today = deps.clock().toISOString().slice(0, 10);
    return (await placeInCohort(trx, { learnerId, microcredentialId, today })).cohortId;
  });
}

/** The discussions of the signed-in learner: one per programme they are enrolled in. */
export async function listMySpaces(deps: Deps, actor: Actor): Promise<MySpace[]> {
  const user = requireUser(actor);
  const enrolments = await spaces.listLiveEnrolments(deps.db, user.userId);
  const result: MySpace[] = [];
  for (const e of enrolments) {
    const programme = {
      id: e.microcredential_id,
      title: e.programmeTitle,
      slug: e.programmeSlug,
      providerSlug: e.providerSlug,
    };
    if (e.format !== 'cohort') {
      result.push({ id: e.microcredential_id, kind: 'programme', state: 'open', programme, cohort: null });
      continue;
    }
    if (e.removed_at) {
      result.push({ id: null, kind: 'cohort', state: 'removed', programme, cohort: null });
      continue;
    }
    const cohortId = e.cohort_id ?? (await placeIfWaiting(deps, user.userId, e.microcredential_id));
    const cohort = cohortId ? await spaces.findCohort(deps.db, cohortId) : undefined;
    result.push(
      cohort
        ? {
            id: cohort.id,
            kind: 'cohort',
            state: 'open',
            programme,
            cohort: { name: cohort.name, startsOn: cohort.startsOn, endsOn: cohort.endsOn },
          }
        : { id: null, kind: 'cohort', state: 'waiting', programme, cohort: null },
    );
  }
  return result;
}
