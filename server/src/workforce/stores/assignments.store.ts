import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

/** A programme an employer can assign: listed in the public catalogue, or private to this employer. */
export function findAssignableProgramme(db: Db, employerOrgId: string, microcredentialId: string) {
  return db
    .selectFrom('microcredentials as mc')
    .innerJoin('organizations as o', 'o.id', 'mc.org_id')
    .innerJoin('microcredential_versions as v', 'v.microcredential_id', 'mc.id')
    .select(['mc.id', 'mc.slug', 'o.slug as providerSlug', 'v.title', 'v.cost_amount_minor', 'v.cost_currency'])
    .where('mc.id', '=', microcredentialId)
    .where('v.status', '=', 'published')
    .where((eb) => eb.or([eb('mc.audience_org_id', 'is', null), eb('mc.audience_org_id', '=', employerOrgId)]))
    .orderBy('v.version_number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function membersIn(db: Db, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.org_id', '=', orgId)
    .where('m.user_id', 'in', userIds)
    .execute();
}

export function insertAssignment(
  db: Db,
  a: {
    orgId: string;
    userId: string;
    microcredentialId: string;
    teamId: string | null;
    roleId: string | null;
    dueAt: Date;
    isSponsored: boolean;
    assignedBy: string | null;
    now: Date;
  },
) {
  return db
    .insertInto('learning_assignments')
    .values({
      org_id: a.orgId,
      user_id: a.userId,
      microcredential_id: a.microcredentialId,
      team_id: a.teamId,
      role_id: a.roleId,
      due_at: a.dueAt,
      is_sponsored: a.isSponsored,
      assigned_by: a.assignedBy,
      created_at: a.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export function lockBudget(db: Db, orgId: string, microcredentialId: string) {
  return db
    .selectFrom('sponsored_seat_budgets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('microcredential_id', '=', microcredentialId)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertBudget(
  db: Db,
  b: { orgId: string; microcredentialId: string; seats: number; by: string | null; now: Date },
) {
  await db
    .insertInto('sponsored_seat_budgets')
    .values({
      org_id: b.orgId,
      microcredential_id: b.microcredentialId,
      seats_total: b.seats,
      created_by: b.by,
      created_at: b.now,
      updated_at: b.now,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'microcredential_id']).doUpdateSet({ seats_total: b.seats, updated_at: b.now }),
    )
    .execute();
}

export async function grantSeat(
  db: Db,
  s: {
    orgId: string;
    budgetId: string;
    microcredentialId: string;
    userId: string;
    assignmentId: string | null;
    by: string | null;
    now: Date;
  },
) {
  const row = await db
    .insertInto('sponsored_seats')
    .values({
      org_id: s.orgId,
      budget_id: s.budgetId,
      microcredential_id: s.microcredentialId,
      user_id: s.userId,
      assignment_id: s.assignmentId,
      sponsored_by: s.by,
      granted_at: s.now,
    })
    .onConflict((oc) => oc.columns(['budget_id', 'user_id']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
  if (row) {
    await db
      .updateTable('sponsored_seat_budgets')
      .set({ seats_used: sql`seats_used + 1`, updated_at: s.now })
      .where('id', '=', s.budgetId)
      .execute();
  }
  return row;
}

export function listBudgets(db: Db, orgId: string) {
  return db
    .selectFrom('sponsored_seat_budgets as b')
    .innerJoin('microcredentials as mc', 'mc.id', 'b.microcredential_id')
    .innerJoin('organizations as o', 'o.id', 'mc.org_id')
    .select([
      'b.id',
      'b.microcredential_id',
      'b.seats_total',
      'b.seats_used',
      'mc.slug',
      'o.slug as providerSlug',
      (eb) =>
        eb
          .selectFrom('microcredential_versions as v')
          .select('v.title')
          .whereRef('v.microcredential_id', '=', 'mc.id')
          .where('v.status', '=', 'published')
          .orderBy('v.version_number', 'desc')
          .limit(1)
          .as('title'),
    ])
    .where('b.org_id', '=', orgId)
    .orderBy('b.created_at')
    .execute();
}

export function listSeats(db: Db, orgId: string) {
  return db
    .selectFrom('sponsored_seats as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('users as by', 'by.id', 's.sponsored_by')
    .select([
      's.id',
      's.budget_id',
      's.microcredential_id',
      's.user_id',
      'u.name as userName',
      'by.name as sponsoredByName',
      's.granted_at',
      's.claimed_at',
      's.enrolment_id',
    ])
    .where('s.org_id', '=', orgId)
    .orderBy('s.granted_at', 'desc')
    .execute();
}

/** Assignments of the organisation with the learner's latest enrolment in the programme, if any. */
export function listAssignments(db: Db, orgId: string) {
  return db
    .selectFrom('learning_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('credential_shares as cs', (j) =>
      j.onRef('cs.org_id', '=', 'a.org_id').onRef('cs.user_id', '=', 'a.user_id'),
    )
    .select([
      'a.id',
      'a.user_id',
      'u.name as userName',
      'a.microcredential_id',
      'a.team_id',
      'a.role_id',
      'a.due_at',
      'a.is_sponsored',
      'a.created_at',
      'cs.user_id as sharingUserId',
      (eb) =>
        eb
          .selectFrom('microcredential_versions as v')
          .select('v.title')
          .whereRef('v.microcredential_id', '=', 'a.microcredential_id')
          .where('v.status', '=', 'published')
          .orderBy('v.version_number', 'desc')
          .limit(1)
          .as('title'),
    ])
    .where('a.org_id', '=', orgId)
    .where('a.cancelled_at', 'is', null)
    .orderBy('a.due_at')
    .execute();
}

/** Enrolments of these people in these programmes (progress of assignments), newest first. */
export function enrolmentsFor(db: Db, pairs: { userId: string; microcredentialId: string }[]) {
  if (pairs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolments as e')
    .select([
      'e.id',
      'e.learner_id',
      'e.microcredential_id',
      'e.status',
      'e.enrolled_at',
      'e.completed_at',
      (eb) =>
        eb
          .selectFrom('module_completions as mc')
          .select((x) => x.fn.max('mc.completed_at').as('last'))
          .whereRef('mc.enrolment_id', '=', 'e.id')
          .as('lastActivityAt'),
    ])
    .where('e.learner_id', 'in', [...new Set(pairs.map((p) => p.userId))])
    .where('e.microcredential_id', 'in', [...new Set(pairs.map((p) => p.microcredentialId))])
    .orderBy('e.enrolled_at', 'desc')
    .execute();
}

/** An unclaimed sponsored seat for this person on this programme, locked (enrolment claims it). */
export function lockUnclaimedSeat(db: Db, userId: string, microcredentialId: string) {
  return db
    .selectFrom('sponsored_seats')
    .select(['id', 'org_id'])
    .where('user_id', '=', userId)
    .where('microcredential_id', '=', microcredentialId)
    .where('claimed_at', 'is', null)
    .orderBy('granted_at')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function markSeatClaimed(db: Db, id: string, enrolmentId: string, now: Date) {
  await db
    .updateTable('sponsored_seats')
    .set({ claimed_at: now, enrolment_id: enrolmentId })
    .where('id', '=', id)
    .execute();
}

export function listTeams(db: Db, orgId: string) {
  return db
    .selectFrom('employer_teams as t')
    .select([
      't.id',
      't.name',
      (eb) =>
        eb
          .selectFrom('employer_team_members as m')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('m.team_id', '=', 't.id')
          .as('memberCount'),
    ])
    .where('t.org_id', '=', orgId)
    .orderBy('t.name')
    .execute();
}

export function insertTeam(db: Db, orgId: string, name: string) {
  return db
    .insertInto('employer_teams')
    .values({ org_id: orgId, name })
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
}

export function findTeam(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('employer_teams')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setTeamMembers(db: Db, orgId: string, teamId: string, userIds: string[]) {
  await db.deleteFrom('employer_team_members').where('team_id', '=', teamId).execute();
  if (userIds.length > 0)
    await db
      .insertInto('employer_team_members')
      .values(userIds.map((u) => ({ team_id: teamId, org_id: orgId, user_id: u })))
      .execute();
}

/** Credentials issued to these people per month (skills gained feed from these). */
export function credentialsIssuedSince(db: Db, userIds: string[], since: Date) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('credentials')
    .select(['id', 'recipient_user_id', 'issued_at'])
    .where('recipient_user_id', 'in', userIds)
    .where('issued_at', '>=', since)
    .execute();
}
