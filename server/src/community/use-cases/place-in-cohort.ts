import type { Db } from '../../db/transaction.js';
import * as cohorts from '../stores/cohort.store.js';

/** Where a learner of a programme stands: in a cohort, waiting for one, or removed. */
export type CohortPlacement =
  { state: 'placed'; cohortId: string } | { state: 'waiting'; cohortId: null } | { state: 'removed'; cohortId: null };

/**
 * Places a learner in the current or next cohort of the programme that has not ended and has a
 * free place, inside the caller's transaction (the cohort row is locked, so two placements
 * cannot both take its last place). No such cohort: they wait, and are placed when one opens
 * or a place frees. A learner removed from a cohort of the programme is never placed again.
 */
export async function placeInCohort(
  trx: Db,
  options: { learnerId: string; microcredentialId: string; today: string },
): Promise<CohortPlacement> {
  const cohort = await cohorts.lockCohortWithPlace(trx, options.microcredentialId, options.today);
  if (cohort) {
    const isPlaced = await cohorts.insertMember(trx, {
      cohortId: cohort.id,
      orgId: cohort.org_id,
      microcredentialId: options.microcredentialId,
      learnerId: options.learnerId,
    });
    if (isPlaced) return { state: 'placed', cohortId: cohort.id };
  }
  const membership = await cohorts.findProgrammeMembership(trx, options.microcredentialId, options.learnerId);
  if (!membership) return { state: 'waiting', cohortId: null };
  return membership.removed_at
    ? { state: 'removed', cohortId: null }
    : { state: 'placed', cohortId: membership.cohort_id };
}

/**
 * Places a learner who has just enrolled in a programme version, when the version runs in
 * cohorts; null for any other format. Call it inside the enrolment's transaction.
 */
export async function placeAtEnrolment(
  trx: Db,
  options: { learnerId: string; microcredentialId: string; versionId: string; today: string },
): Promise<CohortPlacement | null> {
  if ((await cohorts.versionFormat(trx, options.versionId)) !== 'cohort') return null;
  return placeInCohort(trx, options);
}

/**
 * Gives the free places of a programme's open cohorts to the learners waiting for one, longest
 * waiting first (after a cohort opens or a member is removed). Returns how many were placed.
 */
export async function placeWaitingLearners(trx: Db, microcredentialId: string, today: string): Promise<number> {
  let placed = 0;
  for (const { learner_id: learnerId } of await cohorts.listWaitingLearners(trx, microcredentialId)) {
    const result = await placeInCohort(trx, { learnerId, microcredentialId, today });
    if (result.state !== 'placed') break;
    placed += 1;
  }
  return placed;
}
