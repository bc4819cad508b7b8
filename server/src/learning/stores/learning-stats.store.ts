import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

/** Counts for the provider dashboard, one round trip per figure group. */
export async function learningStats(db: Db, orgId: string) {
  const totals = await db
    .selectFrom('enrolments')
    .select([
      sql<number>`count(*)::int`.as('enrolments'),
      sql<number>`count(*) filter (where status = 'active')::int`.as('active'),
      sql<number>`count(*) filter (where status = 'completed')::int`.as('completed'),
      sql<number>`count(*) filter (where status = 'withdrawn')::int`.as('withdrawn'),
      sql<
        number | null
      >`(percentile_cont(0.5) within group (order by extract(epoch from completed_at - enrolled_at)) filter (where status = 'completed'))::float8`.as(
        'medianSeconds',
      ),
    ])
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const queue = await db
    .selectFrom('submissions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const byProgramme = await db
    .selectFrom('enrolments as e')
    .innerJoin('microcredential_versions as v', 'v.id', 'e.version_id')
    .select([
      'e.microcredential_id',
      sql<string>`max(v.title)`.as('title'),
      sql<number>`count(*)::int`.as('enrolments'),
      sql<number>`count(*) filter (where e.status = 'completed')::int`.as('completed'),
    ])
    .where('e.org_id', '=', orgId)
    .groupBy('e.microcredential_id')
    .orderBy(sql`count(*)`, 'desc')
    .limit(20)
    .execute();
  const quizzes = await db
    .selectFrom('quiz_attempts as q')
    .innerJoin('microcredential_modules as mm', 'mm.id', 'q.module_id')
    .innerJoin('microcredential_versions as v', 'v.id', 'mm.version_id')
    .select([
      'q.module_id',
      sql<string>`max(mm.title)`.as('title'),
      sql<string>`max(v.title)`.as('programme'),
      sql<number>`count(*)::int`.as('attempts'),
      sql<number>`avg(case when q.is_passed then 1.0 else 0.0 end)::float8`.as('passRate'),
    ])
    .where('q.org_id', '=', orgId)
    .groupBy('q.module_id')
    .orderBy(sql`count(*)`, 'desc')
    .limit(20)
    .execute();
  const weekly = await db
    .selectFrom('enrolments')
    .select([
      sql<string>`to_char(date_trunc('week', enrolled_at), 'YYYY-MM-DD')`.as('week'),
      sql<number>`count(*)::int`.as('enrolments'),
      sql<number>`count(*) filter (where status = 'completed')::int`.as('completions'),
    ])
    .where('org_id', '=', orgId)
    .where('enrolled_at', '>', sql<Date>`now() - interval '12 weeks'`)
    .groupBy(sql`date_trunc('week', enrolled_at)`)
    .orderBy(sql`date_trunc('week', enrolled_at)`)
    .execute();
  return { totals, reviewQueue: queue.n, byProgramme, quizzes, weekly };
}
