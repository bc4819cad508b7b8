import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg, listMembers } from '../../orgs/orgs.service.js';
import { accessSpace, requireModerator } from '../space-access.js';
import * as cohorts from '../stores/cohort.store.js';
import { placeWaitingLearners } from './place-in-cohort.js';
import { findListedProgrammeById } from '../stores/space.store.js';

export type CreateCohortOptions = {
  microcredentialId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  facilitatorId: string | null;
};

const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ field, message }] });

/**
 * Opens a cohort of one of the organisation's published cohort-format programmes, and places
 * the learners waiting for one (longest waiting first, up to its capacity) in the same transaction.
 */
export async function createCohort(deps: Deps, actor: Actor, orgSlug: string, options: CreateCohortOptions) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'community.manage');
  const programme = await findListedProgrammeById(deps.db, options.microcredentialId);
  if (!programme || programme.org_id !== access.org.id)
    throw new AppError('not_found', 'No published programme of yours with this id.');
  if (programme.format !== 'cohort')
    throw fieldError(
      'microcredentialId',
      'This programme is not run in cohorts (its format is not “cohort”); its learners share one programme-wide discussion.',
    );
  if (options.endsOn < options.startsOn) throw fieldError('endsOn', 'The cohort must end on or after its start date.');
  if (options.facilitatorId !== null) {
    const members = await listMembers(deps, actor, orgSlug);
    if (!members.some((m) => m.userId === options.facilitatorId))
      throw fieldError('facilitatorId', 'The facilitator must be a member of your organisation.');
  }
  return transaction(deps.db, async (trx) => {
    const { id } = await cohorts.insertCohort(trx, { orgId: access.org.id, ...options });
    const placed = await placeWaitingLearners(trx, options.microcredentialId, deps.clock().toISOString().slice(0, 10));
    return { id, placed };
  });
}

/** The cohorts of one of the organisation's programmes, with their member counts. */
export async function listCohorts(deps: Deps, actor: Actor, orgSlug: string, microcredentialId: string) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'org.read');
  const rows = await cohorts.listCohortsOfProgramme(deps.db, access.org.id, microcredentialId);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    capacity: c.capacity,
    facilitator: c.facilitator_id ? { id: c.facilitator_id, name: c.facilitatorName ?? '' } : null,
    memberCount: Number(c.memberCount ?? 0),
  }));
}

/**
 * Takes a learner out of a cohort (facilitator or moderator); they lose its discussion and
 * messages, and their place goes to the longest-waiting learner of the programme.
 */
export async function removeCohortMember(deps: Deps, actor: Actor, cohortId: string, learnerId: string) {
  const access = await accessSpace(deps, actor, cohortId);
  requireModerator(access);
  if (access.space.cohortId === null) throw new AppError('not_found', 'No cohort with this id.');
  const { orgId, microcredentialId } = access.space;
  return transaction(deps.db, async (trx) => {
    const result = await cohorts.removeMember(trx, orgId, cohortId, learnerId, access.userId, deps.clock());
    if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found', 'This person is not in the cohort.');
    await placeWaitingLearners(trx, microcredentialId, deps.clock().toISOString().slice(0, 10));
    return { removed: true as const };
  });
}
