import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { GoalKind } from '../../db/schema.js';

// Learners' goals and their nudge ledger. Every query names the learner.

export type GoalRow = {
  id: string;
  kind: GoalKind;
  ref: string;
  skillIds: string[];
  title: string;
  targetDate: string | null;
  weeklyHours: number | null;
  wantsNudges: boolean;
  /** The occupation a skills goal was started from, if any. */
  occupationId: string | null;
  createdAt: Date;
};

const dateOf = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

function goalColumns(db: Db) {
  return (
    db
      .selectFrom('learner_goals')
      .select([
        'id',
        'kind',
        'ref',
        'skill_ids',
        'title',
        'weekly_hours',
        'wants_nudges',
        'occupation_id',
        'created_at',
      ])
      // As text: the pg driver turns a date into a local-midnight Date, which shifts across time zones.
      .select(sql<string | null>`target_date::text`.as('target_date'))
  );
}

type Raw = Awaited<ReturnType<ReturnType<typeof goalColumns>['execute']>>[number];

function present(r: Raw): GoalRow {
  return {
    id: r.id,
    kind: r.kind,
    ref: r.ref,
    skillIds: r.skill_ids,
    title: r.title,
    targetDate: dateOf(r.target_date),
    weeklyHours: r.weekly_hours === null ? null : Number(r.weekly_hours),
    wantsNudges: r.wants_nudges,
    occupationId: r.occupation_id,
    createdAt: new Date(r.created_at),
  };
}

export async function listGoals(db: Db, learnerId: string): Promise<GoalRow[]> {
  return (await goalColumns(db).where('learner_id', '=', learnerId).orderBy('created_at').execute()).map(present);
}

export async function findGoal(db: Db, learnerId: string, id: string): Promise<GoalRow | null> {
  const row = await goalColumns(db).where('learner_id', '=', learnerId).where('id', '=', id).executeTakeFirst();
  return row ? present(row) : null;
}

export async function insertGoal(db: Db, learnerId: string, g: Omit<GoalRow, 'id' | 'createdAt'>): Promise<string> {
  const row = await db
    .insertInto('learner_goals')
    .values({
      learner_id: learnerId,
      kind: g.kind,
      ref: g.ref,
      skill_ids: g.skillIds,
      title: g.title,
      target_date: g.targetDate,
      weekly_hours: g.weeklyHours,
      wants_nudges: g.wantsNudges,
      occupation_id: g.occupationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteGoal(db: Db, learnerId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('learner_goals')
    .where('learner_id', '=', learnerId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Goals that asked for nudges and have a date to keep to, with their learner's address. */
export function goalsToNudge(db: Db) {
  return db
    .selectFrom('learner_goals as g')
    .innerJoin('users as u', 'u.id', 'g.learner_id')
    .select(['g.id', 'g.learner_id', 'g.title', 'u.email', 'u.name'])
    .where('g.wants_nudges', '=', true)
    .where('g.target_date', 'is not', null)
    .orderBy('g.id')
    .execute();
}

/** Claims this week's nudge for a goal; false when it was already sent. */
export async function claimNudge(db: Db, goalId: string, week: string): Promise<boolean> {
  const r = await db
    .insertInto('goal_nudges')
    .values({ goal_id: goalId, week })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Skills by id (for names), only those that exist. */
export function skillsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skills')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
}

/** An employer role the learner can see (they belong to its organisation or one of its teams), with its skills. */
export async function visibleRole(db: Db, learnerId: string, roleId: string) {
  const role = await db
    .selectFrom('employer_roles as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.name', 'r.org_id', 'o.name as orgName'])
    .where('r.id', '=', roleId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select(sql<number>`1`.as('one'))
            .whereRef('m.org_id', '=', 'r.org_id')
            .where('m.user_id', '=', learnerId),
        ),
        eb.exists(
          eb
            .selectFrom('employer_team_members as tm')
            .select(sql<number>`1`.as('one'))
            .whereRef('tm.org_id', '=', 'r.org_id')
            .where('tm.user_id', '=', learnerId),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!role) return null;
  const skills = await db
    .selectFrom('employer_role_skills')
    .select('skill_id')
    .where('role_id', '=', role.id)
    .where('org_id', '=', role.org_id)
    .execute();
  return { id: role.id, name: role.name, orgName: role.orgName, skillIds: skills.map((s) => s.skill_id) };
}

/** The latest published version of a pathway: its name and requirement tree. */
export function publishedPathway(db: Db, pathwayId: string) {
  return db
    .selectFrom('pathway_versions')
    .select(['pathway_id', 'name', 'tree'])
    .where('pathway_id', '=', pathwayId)
    .where('status', '=', 'published')
    .orderBy('version_number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Skills the catalogue lists for these programmes. */
export function programmeSkills(db: Db, microcredentialIds: readonly string[]) {
  if (microcredentialIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_entries')
    .select(['microcredential_id', 'skill_ids'])
    .where('microcredential_id', 'in', [...microcredentialIds])
    .execute();
}

/** The learner's live enrolments in these programmes. */
export function enrolmentsIn(db: Db, learnerId: string, microcredentialIds: readonly string[]) {
  if (microcredentialIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolments')
    .select(['id', 'microcredential_id', 'status'])
    .where('learner_id', '=', learnerId)
    .where('microcredential_id', 'in', [...microcredentialIds])
    .where('status', '<>', 'withdrawn')
    .execute();
}

/** The operator's latest rate on or before `day` from each currency to `to`. */
export async function ratesTo(db: Db, to: string, day: string) {
  const rows = await db
    .selectFrom('exchange_rates')
    .select(['from_currency', 'rate', sql<string>`valid_on::text`.as('valid_on')])
    .where('to_currency', '=', to)
    .where('valid_on', '<=', day)
    .orderBy('from_currency')
    .orderBy('valid_on', 'desc')
    .execute();
  const latest = new Map<string, { rate: number; validOn: string }>();
  for (const r of rows)
    if (!latest.has(r.from_currency))
      latest.set(r.from_currency, { rate: Number(r.rate), validOn: dateOf(r.valid_on)! });
  return latest;
}
