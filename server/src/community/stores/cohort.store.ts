/** SQL of cohorts and their members. */
import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

export function insertCohort(
  db: Db,
  c: {
    orgId: string;
    microcredentialId: string;
    name: string;
    startsOn: string;
    endsOn: string;
    capacity: number;
    facilitatorId: string | null;
  },
) {
  return db
    .insertInto('cohorts')
    .values({
      org_id: c.orgId,
      microcredential_id: c.microcredentialId,
      name: c.name,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      capacity: c.capacity,
      facilitator_id: c.facilitatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The programme's cohorts with facilitator and how many members each has now. */
export function listCohortsOfProgramme(db: Db, orgId: string, microcredentialId: string) {
  return db
    .selectFrom('cohorts as c')
    .leftJoin('users as f', 'f.id', 'c.facilitator_id')
    .select([
      'c.id',
      'c.name',
      sql<string>`c.starts_on::text`.as('startsOn'),
      sql<string>`c.ends_on::text`.as('endsOn'),
      'c.capacity',
      'c.facilitator_id',
      'f.name as facilitatorName',
    ])
    .select((eb) =>
      eb
        .selectFrom('cohort_members as m')
        .whereRef('m.cohort_id', '=', 'c.id')
        .where('m.removed_at', 'is', null)
        .select(sql<string>`count(*)::text`.as('n'))
        .as('memberCount'),
    )
    .where('c.org_id', '=', orgId)
    .where('c.microcredential_id', '=', microcredentialId)
    .orderBy('c.starts_on')
    .execute();
}

/**
 * The first cohort of the programme that has not ended and has a free place, locked so two
 * placements cannot both take its last place.
 */
export async function lockCohortWithPlace(db: Db, microcredentialId: string, today: string) {
  const candidates = await db
    .selectFrom('cohorts')
    .select(['id', 'org_id', 'capacity'])
    .where('microcredential_id', '=', microcredentialId)
    .where('ends_on', '>=', today)
    .orderBy('starts_on')
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const c of candidates) {
    const { n } = await db
      .selectFrom('cohort_members')
      .select(sql<string>`count(*)::text`.as('n'))
      .where('cohort_id', '=', c.id)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(n) < c.capacity) return c;
  }
  return undefined;
}

/** Places a learner; false when they already have a place (or a removal) in a cohort of this programme. */
export async function insertMember(
  db: Db,
  m: { cohortId: string; orgId: string; microcredentialId: string; learnerId: string },
): Promise<boolean> {
  const row = await db
    .insertInto('cohort_members')
    .values({
      cohort_id: m.cohortId,
      org_id: m.orgId,
      microcredential_id: m.microcredentialId,
      learner_id: m.learnerId,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('cohort_id')
    .executeTakeFirst();
  return row !== undefined;
}

export function removeMember(db: Db, orgId: string, cohortId: string, learnerId: string, by: string, at: Date) {
  return db
    .updateTable('cohort_members')
    .set({ removed_at: at, removed_by: by })
    .where('org_id', '=', orgId)
    .where('cohort_id', '=', cohortId)
    .where('learner_id', '=', learnerId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

/** Members in place, with their names (for mentions and the directory). */
export function listActiveMembers(db: Db, cohortId: string) {
  return db
    .selectFrom('cohort_members as m')
    .innerJoin('users as u', 'u.id', 'm.learner_id')
    .select(['u.id', 'u.name', 'm.joined_at'])
    .where('m.cohort_id', '=', cohortId)
    .where('m.removed_at', 'is', null)
    .orderBy('u.name')
    .execute();
}

/** The learning format of a programme version (null while a draft has none). */
export async function versionFormat(db: Db, versionId: string) {
  const row = await db
    .selectFrom('microcredential_versions')
    .select('format')
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row?.format ?? null;
}

/**
 * Learners of a programme waiting for a cohort: a live enrolment and no place (nor removal) in
 * any of its cohorts, the longest waiting first.
 */
export function listWaitingLearners(db: Db, microcredentialId: string) {
  return db
    .selectFrom('enrolments as e')
    .select(['e.learner_id'])
    .where('e.microcredential_id', '=', microcredentialId)
    .where('e.status', '<>', 'withdrawn')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('cohort_members as m')
            .select('m.cohort_id')
            .whereRef('m.microcredential_id', '=', 'e.microcredential_id')
            .whereRef('m.learner_id', '=', 'e.learner_id'),
        ),
      ),
    )
    .orderBy('e.enrolled_at')
    .orderBy('e.id')
    .execute();
}

/** The learner's place (or removal) in a cohort of the programme, if any. */
export function findProgrammeMembership(db: Db, microcredentialId: string, learnerId: string) {
  return db
    .selectFrom('cohort_members')
    .select(['cohort_id', 'removed_at'])
    .where('microcredential_id', '=', microcredentialId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
}
