import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';
import { PREPARED_MARK } from '../../db/prepared-statements.js';

// Learners on pathways: joining, progress written after each evaluation, and the per-learner lock.

export function pathwayLearnersOf(db: Db, learnerIds: string[]) {
  if (learnerIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('pathway_learners').selectAll().where('learner_id', 'in', learnerIds).execute();
}

export type PathwayLearnerRow = Awaited<ReturnType<typeof pathwayLearnersOf>>[number];

export async function upsertPathwayLearners(
  db: Db,
  rows: {
    learnerId: string;
    pathwayId: string;
    orgId: string;
    versionId: string;
    isJoined?: boolean;
    joinedAt?: Date;
    done: number;
    required: number;
    isSatisfied: boolean;
    now: Date;
  }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('pathway_learners')
    .values(
      rows.map((r) => ({
        learner_id: r.learnerId,
        pathway_id: r.pathwayId,
        org_id: r.orgId,
        version_id: r.versionId,
        is_joined: r.isJoined ?? false,
        joined_at: r.joinedAt ?? null,
        done: r.done,
        required: r.required,
        is_satisfied: r.isSatisfied,
        evaluated_at: r.now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['learner_id', 'pathway_id']).doUpdateSet((eb) => ({
        done: eb.ref('excluded.done'),
        required: eb.ref('excluded.required'),
        is_satisfied: eb.ref('excluded.is_satisfied'),
        evaluated_at: eb.ref('excluded.evaluated_at'),
        // Joining is sticky; the version a learner started on never changes here.
        is_joined: sql<boolean>`pathway_learners.is_joined or excluded.is_joined`,
        joined_at: sql<Date>`coalesce(pathway_learners.joined_at, excluded.joined_at)`,
      })),
    )
    .execute();
}

/** Serialises pathway evaluation per learner, so the last of two racing completions sees both. */
export async function lockLearner(db: Db, learnerId: string) {
  await sql`select ${sql.raw(PREPARED_MARK)} pg_advisory_xact_lock(hashtextextended(${`pathways:${learnerId}`}, 0))`.execute(
    db,
  );
}

export async function pathwayLearnerCounts(db: Db, pathwayId: string) {
  const row = await db
    .selectFrom('pathway_learners')
    .select([sql<number>`count(*)::int`.as('total')])
    .where('pathway_id', '=', pathwayId)
    .executeTakeFirstOrThrow();
  const awarded = await db
    .selectFrom('pathway_awards')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('pathway_id', '=', pathwayId)
    .executeTakeFirstOrThrow();
  return { total: row.total, awarded: awarded.n };
}

/** Progress of these learners on their pathways, and whether the pinned version is awarded. */
export function progressOfLearners(db: Db, learnerIds: string[]) {
  if (learnerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pathway_learners as pl')
    .select(['pl.learner_id', 'pl.pathway_id', 'pl.version_id', 'pl.done', 'pl.required', 'pl.is_satisfied'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('pathway_awards as a')
            .select('a.id')
            .whereRef('a.learner_id', '=', 'pl.learner_id')
            .whereRef('a.version_id', '=', 'pl.version_id'),
        )
        .as('is_awarded'),
    )
    .where('pl.learner_id', 'in', learnerIds)
    .execute();
}

export type ProgressRow = {
  learnerId: string;
  pathwayId: string;
  orgId: string;
  versionId: string;
  done: number;
  required: number;
  isSatisfied: boolean;
  now: Date;
};

/**
 * Writes learners' progress in one statement: eight arrays unnested rather than eight
 * parameters a row, so the text is the same for 1 row or 10,000 (one short query to send, a
 * prepared plan to reuse). New rows are not joined; joining and the pinned version stay as
 * they were on existing rows.
 */
export async function writeProgress(db: Db, rows: readonly ProgressRow[]) {
  if (rows.length === 0) return;
  await sql`insert ${sql.raw(PREPARED_MARK)} into pathway_learners (learner_id, pathway_id, org_id, version_id, done, required, is_satisfied, evaluated_at)
    select * from unnest(${rows.map((r) => r.learnerId)}::uuid[], ${rows.map((r) => r.pathwayId)}::uuid[], ${rows.map((r) => r.orgId)}::uuid[],
      ${rows.map((r) => r.versionId)}::uuid[], ${rows.map((r) => r.done)}::int[], ${rows.map((r) => r.required)}::int[],
      ${rows.map((r) => r.isSatisfied)}::boolean[], ${rows.map((r) => r.now)}::timestamptz[])
    on conflict (learner_id, pathway_id) do update set
      done = excluded.done, required = excluded.required, is_satisfied = excluded.is_satisfied, evaluated_at = excluded.evaluated_at`.execute(
    db,
  );
}
