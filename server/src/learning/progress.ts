import type { Activity } from './activities.js';

export type ModuleState = 'todo' | 'done' | 'pending_review' | 'resubmit' | 'failed';

export type ProgressInput = {
  modules: { id: string; activity: Activity | null }[];
  completedModuleIds: ReadonlySet<string>;
  attempts: { moduleId: string; percent: number; points: number; maxPoints: number; isPassed: boolean }[];
  submissions: {
    moduleId: string;
    attemptNumber: number;
    status: 'pending' | 'approved' | 'resubmit';
    points: number | null;
    maxPoints: number | null;
  }[];
  passMark: number | null;
};

export type Progress = {
  states: Map<string, ModuleState>;
  done: number;
  total: number;
  percent: number;
  /** Score over every assessed module: best quiz attempts and approved assignments. */
  overallPercent: number | null;
  nextModuleId: string | null;
  isComplete: boolean;
};

/**
 * Where a learner stands: each module's state, the overall score and whether the programme is
 * complete (every module done, every assessment passed, overall score at the pass mark).
 */
export function computeProgress(input: ProgressInput): Progress {
  const states = new Map<string, ModuleState>();
  let earned = 0;
  let possible = 0;
  for (const m of input.modules) {
    const isCompleted = input.completedModuleIds.has(m.id);
    if (m.activity?.type === 'quiz') {
      const attempts = input.attempts.filter((a) => a.moduleId === m.id);
      const best = attempts.reduce<(typeof attempts)[number] | undefined>(
        (b, a) => (!b || a.percent > b.percent ? a : b),
        undefined,
      );
      if (best) {
        earned += best.points;
        possible += best.maxPoints;
      }
      const isOutOfAttempts = m.activity.attemptsLimit !== null && attempts.length >= m.activity.attemptsLimit;
      states.set(m.id, isCompleted ? 'done' : best && isOutOfAttempts ? 'failed' : 'todo');
    } else if (m.activity?.type === 'assignment') {
      const latest = input.submissions
        .filter((s) => s.moduleId === m.id)
        .sort((a, b) => b.attemptNumber - a.attemptNumber)[0];
      if (latest?.status === 'approved' && latest.points !== null && latest.maxPoints !== null) {
        earned += latest.points;
        possible += latest.maxPoints;
      }
      states.set(
        m.id,
        isCompleted
          ? 'done'
          : latest?.status === 'pending'
            ? 'pending_review'
            : latest?.status === 'resubmit'
              ? 'resubmit'
              : 'todo',
      );
    } else {
      states.set(m.id, isCompleted ? 'done' : 'todo');
    }
  }
  const done = [...states.values()].filter((s) => s === 'done').length;
  const total = input.modules.length;
  const overallPercent = possible > 0 ? Math.round((earned / possible) * 100) : null;
  const isScorePassing = input.passMark === null || overallPercent === null || overallPercent >= input.passMark;
  const next = input.modules.find((m) => states.get(m.id) !== 'done');
  return {
    states,
    done,
    total,
    percent: total === 0 ? 0 : Math.round((done / total) * 100),
    overallPercent,
    nextModuleId: next?.id ?? null,
    isComplete: total > 0 && done === total && isScorePassing,
  };
}
