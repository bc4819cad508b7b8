import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { assignmentStatusOf } from '../assignment-status.js';
import * as store from '../stores/assignments.store.js';
import { teamMemberIds } from '../stores/evidence.store.js';
import { actorUserId, authorizeEmployer } from '../workforce-access.js';

export type AssignInput = {
  microcredentialId: string;
  userIds?: string[];
  teamId?: string;
  roleId?: string;
  dueAt: Date;
  isSponsored: boolean;
};

const programmeNotFound = () =>
  new AppError('not_found', 'No published programme with this id that you can assign.', {
    fields: [{ field: 'microcredentialId', message: 'Not an assignable programme' }],
  });

/**
 * Assigns a programme to members (listed, or a team's) with a due date; with `isSponsored`
 * each gets a seat from the employer's budget for the programme, so they enrol without a
 * voucher. All or nothing: not enough seats, or anyone not a member, and nothing is written.
 */
export async function assignProgramme(deps: Deps, actor: Actor, slug: string, input: AssignInput) {
  const access = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  const { org } = access;
  const by = actorUserId(access);
  const now = deps.clock();
  if (input.dueAt.getTime() <= now.getTime()) {
    throw new AppError('validation_failed', 'The due date must be in the future.', {
      fields: [{ field: 'dueAt', message: 'In the past' }],
    });
  }
  return transaction(deps.db, async (trx) => {
    const programme = await store.findAssignableProgramme(trx, org.id, input.microcredentialId);
    if (!programme) throw programmeNotFound();
    let userIds = [...new Set(input.userIds ?? [])];
    if (input.teamId) {
      const team = await store.findTeam(trx, org.id, input.teamId);
      if (!team)
        throw new AppError('not_found', 'No team with this id.', {
          fields: [{ field: 'teamId', message: 'Unknown team' }],
        });
      userIds = [...new Set([...userIds, ...(await teamMemberIds(trx, org.id, team.id))])];
    }
    if (userIds.length === 0) {
      throw new AppError('validation_failed', 'Choose at least one person or a team with members.', {
        fields: [{ field: 'userIds', message: 'Empty' }],
      });
    }
    const members = await store.membersIn(trx, org.id, userIds);
    const outsiders = userIds.filter((u) => !members.some((m) => m.id === u));
    if (outsiders.length > 0) {
      throw new AppError(
        'validation_failed',
        'Some people are not members of this organisation; nothing was assigned.',
        {
          fields: outsiders.map((u) => ({ field: 'userIds', message: `Not a member: ${u}` })),
        },
      );
    }
    const budget = input.isSponsored ? await store.lockBudget(trx, org.id, programme.id) : undefined;
    if (input.isSponsored) {
      const left = budget ? budget.seats_total - budget.seats_used : 0;
      if (!budget || left < userIds.length) {
        throw new AppError(
          'conflict',
          `Not enough sponsored seats for ${programme.title}: ${left} left, ${userIds.length} needed. Add seats first.`,
          {
            fields: [{ field: 'isSponsored', message: `${left} seats left` }],
          },
        );
      }
    }
    const created: { id: string; userId: string }[] = [];
    for (const userId of userIds) {
      const row = await store.insertAssignment(trx, {
        orgId: org.id,
        userId,
        microcredentialId: programme.id,
        teamId: input.teamId ?? null,
        roleId: input.roleId ?? null,
        dueAt: input.dueAt,
        isSponsored: input.isSponsored,
        assignedBy: by,
        now,
      });
      if (!row) {
        throw new AppError(
          'conflict',
          'One of these people already has this programme assigned; nothing was assigned.',
          {
            fields: [{ field: 'userIds', message: `Already assigned: ${userId}` }],
          },
        );
      }
      if (budget) {
        await store.grantSeat(trx, {
          orgId: org.id,
          budgetId: budget.id,
          microcredentialId: programme.id,
          userId,
          assignmentId: row.id,
          by,
          now,
        });
      }
      created.push({ id: row.id, userId });
    }
    return { programme: { id: programme.id, title: programme.title }, assignments: created };
  });
}

/** The organisation's assignments with where each stands (progress only for members who share). */
export async function listAssignments(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  return assignmentsWithStatus(deps, org.id);
}

export async function assignmentsWithStatus(deps: Deps, orgId: string) {
  const rows = await store.listAssignments(deps.db, orgId);
  const shared = rows.filter((r) => r.sharingUserId !== null);
  const enrolments = await store.enrolmentsFor(
    deps.db,
    shared.map((r) => ({ userId: r.user_id, microcredentialId: r.microcredential_id })),
  );
  const now = deps.clock();
  return rows.map((r) => {
    const isShared = r.sharingUserId !== null;
    const e = isShared
      ? enrolments.find(
          (x) =>
            x.learner_id === r.user_id && x.microcredential_id === r.microcredential_id && x.status !== 'withdrawn',
        )
      : undefined;
    return {
      id: r.id,
      userId: r.user_id,
      userName: r.userName,
      microcredentialId: r.microcredential_id,
      title: r.title ?? '',
      teamId: r.team_id,
      roleId: r.role_id,
      dueAt: r.due_at,
      isSponsored: r.is_sponsored,
      assignedAt: r.created_at,
      status: assignmentStatusOf(
        { dueAt: r.due_at, isShared },
        e ? { status: e.status, completedAt: e.completed_at } : undefined,
        now,
      ),
      enrolledAt: e?.enrolled_at ?? null,
      completedAt: e?.completed_at ?? null,
      lastActivityAt: e ? (e.lastActivityAt ?? e.enrolled_at) : null,
    };
  });
}

/** Sets how many seats the employer sponsors on a programme (never below those already granted). */
export async function setSeatBudget(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: { microcredentialId: string; seats: number },
) {
  const access = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  const { org } = access;
  await transaction(deps.db, async (trx) => {
    const programme = await store.findAssignableProgramme(trx, org.id, input.microcredentialId);
    if (!programme) throw programmeNotFound();
    const budget = await store.lockBudget(trx, org.id, programme.id);
    if (budget && input.seats < budget.seats_used) {
      throw new AppError(
        'validation_failed',
        `${budget.seats_used} seats are already granted; the budget cannot be lower.`,
        {
          fields: [{ field: 'seats', message: `At least ${budget.seats_used}` }],
        },
      );
    }
    await store.upsertBudget(trx, {
      orgId: org.id,
      microcredentialId: programme.id,
      seats: input.seats,
      by: actorUserId(access),
      now: deps.clock(),
    });
  });
  return listSeatBudgets(deps, actor, slug);
}

/** Budgets per programme, and every seat: for whom, sponsored by whom, and whether it was used. */
export async function listSeatBudgets(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  const [budgets, seats] = await Promise.all([store.listBudgets(deps.db, org.id), store.listSeats(deps.db, org.id)]);
  return budgets.map((b) => ({
    id: b.id,
    microcredentialId: b.microcredential_id,
    title: b.title ?? '',
    providerSlug: b.providerSlug,
    slug: b.slug,
    seatsTotal: b.seats_total,
    seatsUsed: b.seats_used,
    seats: seats
      .filter((s) => s.budget_id === b.id)
      .map((s) => ({
        id: s.id,
        userId: s.user_id,
        userName: s.userName,
        sponsoredBy: s.sponsoredByName,
        grantedAt: s.granted_at,
        claimedAt: s.claimed_at,
      })),
  }));
}

export async function listTeams(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  return (await store.listTeams(deps.db, org.id)).map((t) => ({
    id: t.id,
    name: t.name,
    memberCount: Number(t.memberCount ?? 0),
  }));
}

export async function saveTeam(deps: Deps, actor: Actor, slug: string, input: { name: string; userIds: string[] }) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  return transaction(deps.db, async (trx) => {
    const members = await store.membersIn(trx, org.id, input.userIds);
    if (members.length !== new Set(input.userIds).size) {
      throw new AppError('validation_failed', 'Everyone in a team must be a member of the organisation.', {
        fields: [{ field: 'userIds', message: 'Not all members' }],
      });
    }
    const team = await store.insertTeam(trx, org.id, input.name);
    if (!team)
      throw new AppError('conflict', `A team named "${input.name}" already exists.`, {
        fields: [{ field: 'name', message: 'Already used' }],
      });
    await store.setTeamMembers(trx, org.id, team.id, [...new Set(input.userIds)]);
    return { id: team.id, name: team.name, memberCount: members.length };
  });
}
