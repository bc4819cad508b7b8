import type { Activity } from './activities.js';
import type { EnrolmentRow, LearnerStateRows } from './stores/enrolment.store.js';
import { computeProgress, type Progress } from './progress.js';

export function activityOf(m: { activity: unknown }): Activity | null {
  return (m.activity as Activity | null) ?? null;
}

/** Where the learner stands, from the state read with the enrolment (no further reads). */
export function progressOf(e: LearnerStateRows & { pass_mark: number | null }): Progress {
  return computeProgress({
    modules: e.modules.map((m) => ({ id: m.id, activity: activityOf(m) })),
    completedModuleIds: new Set(e.completions.map((c) => c.module_id)),
    attempts: e.attempts.map((a) => ({
      moduleId: a.module_id,
      percent: a.percent,
      points: a.points,
      maxPoints: a.max_points,
      isPassed: a.is_passed,
    })),
    submissions: e.submissions.map((s) => ({
      moduleId: s.module_id,
      attemptNumber: s.attempt_number,
      status: s.status,
      points: s.points,
      maxPoints: s.max_points,
    })),
    passMark: e.pass_mark,
  });
}

/** The enrolment after this request's writes, without reading it again. */
export function withCompletion(e: EnrolmentRow, moduleId: string): EnrolmentRow {
  return e.completions.some((c) => c.module_id === moduleId)
    ? e
    : { ...e, completions: [...e.completions, { module_id: moduleId }] };
}
