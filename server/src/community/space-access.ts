import type { Actor, Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { authorizeOrgById, requireUser } from '../orgs/orgs.service.js';
import { can } from '../orgs/org-policy.js';
import type { Db } from '../db/transaction.js';
import * as spaces from './stores/space.store.js';
import type { SpaceKey } from './stores/discussion.store.js';
import { listActiveMembers } from './stores/cohort.store.js';
import { listEnrolledLearners } from './stores/discussion.store.js';

/**
 * A discussion space: a cohort of a cohort-format programme, or the programme-wide discussion
 * of a programme that runs no cohorts. Its id is the cohort's id or the micro-credential's id.
 */
export type Space = SpaceKey & {
  id: string;
  programmeTitle: string;
  programmeSlug: string;
  providerSlug: string;
  cohort: { name: string; startsOn: string; endsOn: string; facilitatorId: string | null } | null;
};

export type SpaceAccess = {
  space: Space;
  userId: string;
  /** A member of the providing organisation (sees every space of its programmes). */
  isStaff: boolean;
  /** May hide, lock and remove: the cohort's facilitator, or a provider member whose role moderates. */
  canModerate: boolean;
};

const noSpace = () => new AppError('not_found', 'No discussion with this id that you take part in.');

async function resolveSpace(db: Db, spaceId: string): Promise<Space | undefined> {
  const cohort = await spaces.findCohort(db, spaceId);
  if (cohort)
    return {
      id: cohort.id,
      orgId: cohort.org_id,
      microcredentialId: cohort.microcredential_id,
      cohortId: cohort.id,
      programmeTitle: cohort.programmeTitle,
      programmeSlug: cohort.programmeSlug,
      providerSlug: cohort.providerSlug,
      cohort: {
        name: cohort.name,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        facilitatorId: cohort.facilitator_id,
      },
    };
  const programme = await spaces.findListedProgrammeById(db, spaceId);
  // A cohort programme talks in its cohorts; it has no programme-wide space.
  if (!programme || programme.format === 'cohort') return undefined;
  return {
    id: programme.microcredential_id,
    orgId: programme.org_id,
    microcredentialId: programme.microcredential_id,
    cohortId: null,
    programmeTitle: programme.programmeTitle,
    programmeSlug: programme.programmeSlug,
    providerSlug: programme.providerSlug,
    cohort: null,
  };
}

/**
 * Who may enter a space: learners with a live enrolment in the programme (and, for a cohort, a
 * place in it that was not taken away), and members of the providing organisation. Everyone
 * else gets the same 404 as for an id that does not exist.
 */
export async function accessSpace(deps: Deps, actor: Actor, spaceId: string): Promise<SpaceAccess> {
  const user = requireUser(actor);
  const space = await resolveSpace(deps.db, spaceId);
  if (!space) throw noSpace();
  const isFacilitator = space.cohort?.facilitatorId === user.userId;
  // Not a member of the providing organisation: a refusal, not a failure (a database error still throws).
  const staffRole = await authorizeOrgById(deps, actor, space.orgId, 'org.read', noSpace())
    .then((a) => a.role)
    .catch((error: unknown) => {
      if (error instanceof AppError) return undefined;
      throw error;
    });
  if (staffRole !== undefined)
    return {
      space,
      userId: user.userId,
      isStaff: true,
      canModerate: isFacilitator || can(staffRole, 'community.moderate'),
    };
  const isEnrolled = await spaces.hasLiveEnrolment(deps.db, user.userId, space.microcredentialId);
  if (!isEnrolled) throw noSpace();
  if (space.cohortId !== null) {
    const membership = await spaces.findMembership(deps.db, space.cohortId, user.userId);
    if (!membership || membership.removed_at !== null) throw noSpace();
  }
  return { space, userId: user.userId, isStaff: false, canModerate: false };
}

/** The learners of a space (not its staff): a cohort's members in place, or the programme's enrolled learners. */
export function spaceLearners(db: Db, space: Space) {
  return space.cohortId !== null
    ? listActiveMembers(db, space.cohortId)
    : listEnrolledLearners(db, space.orgId, space.microcredentialId);
}

export function requireModerator(access: SpaceAccess) {
  if (!access.canModerate)
    throw new AppError('forbidden', 'Only the facilitator and the provider’s moderators can do this.');
}
