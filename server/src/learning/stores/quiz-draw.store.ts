import type { Db } from '../../db/transaction.js';
import type { Draw } from '../quiz-policy.js';

// Drawn quiz attempts (questions and the clock) and time spent reading modules.

export type OpenDraw = { id: string; questions: Draw; startedAt: Date; expiresAt: Date | null };

export async function findOpenDraw(db: Db, enrolmentId: string, moduleId: string): Promise<OpenDraw | null> {
  const row = await db
    .selectFrom('quiz_draws')
    .select(['id', 'questions', 'started_at', 'expires_at'])
    .where('enrolment_id', '=', enrolmentId)
    .where('module_id', '=', moduleId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    questions: row.questions as Draw,
    startedAt: new Date(row.started_at),
    expiresAt: row.expires_at ? new Date(row.expires_at) : null,
  };
}

export async function insertDraw(
  db: Db,
  d: { orgId: string; enrolmentId: string; moduleId: string; questions: Draw; startedAt: Date; expiresAt: Date | null },
): Promise<string> {
  const row = await db
    .insertInto('quiz_draws')
    .values({
      org_id: d.orgId,
      enrolment_id: d.enrolmentId,
      module_id: d.moduleId,
      questions: JSON.stringify(d.questions),
      started_at: d.startedAt,
      expires_at: d.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function closeDraw(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('quiz_draws').set({ closed_at: at }).where('id', '=', id).execute();
}

export async function lastAttemptAt(db: Db, enrolmentId: string, moduleId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('quiz_attempts')
    .select('submitted_at')
    .where('enrolment_id', '=', enrolmentId)
    .where('module_id', '=', moduleId)
    .orderBy('attempt_number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.submitted_at) : null;
}

/** Adds reading time to a module (one row per enrolment and module). */
export async function addTimeSpent(
  db: Db,
  t: { orgId: string; enrolmentId: string; moduleId: string; seconds: number; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('module_time_spent')
    .values({
      org_id: t.orgId,
      enrolment_id: t.enrolmentId,
      module_id: t.moduleId,
      seconds: t.seconds,
      updated_at: t.at,
    })
    .onConflict((oc) =>
      oc.columns(['enrolment_id', 'module_id']).doUpdateSet((eb) => ({
        seconds: eb('module_time_spent.seconds', '+', eb.ref('excluded.seconds')),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning('seconds')
    .executeTakeFirstOrThrow();
  return row.seconds;
}
