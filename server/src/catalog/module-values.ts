import { randomUUID } from 'node:crypto';
import { AppError } from '../http/app-error.js';
import type { ActivityInput, ModuleInput } from './microcredentials.schemas.js';
import * as store from './microcredentials.store.js';

// A module as authors send it, checked and with stable ids, ready to store.

/** Gives every question, option, criterion and level a stable id, keeping the ones supplied. */
export function withIds(activity: ActivityInput | null): ActivityInput | null {
  if (!activity) return null;
  const id = (given: string | undefined) => given ?? randomUUID();
  if (activity.type === 'quiz') {
    return {
      ...activity,
      questions: activity.questions.map((q) =>
        q.kind === 'numeric'
          ? { ...q, id: id(q.id) }
          : { ...q, id: id(q.id), options: q.options.map((o) => ({ ...o, id: id(o.id) })) },
      ),
    };
  }
  return {
    ...activity,
    rubric: {
      criteria: activity.rubric.criteria.map((c) => ({
        ...c,
        id: id(c.id),
        levels: c.levels.map((l) => ({ ...l, id: id(l.id) })),
      })),
    },
  };
}

export function checkUniqueIds(activity: ActivityInput | null) {
  if (!activity) return;
  const ids =
    activity.type === 'quiz'
      ? activity.questions.flatMap((q) => [q.id, ...(q.kind === 'numeric' ? [] : q.options.map((o) => o.id))])
      : activity.rubric.criteria.flatMap((c) => [c.id, ...c.levels.map((l) => l.id)]);
  const given = ids.filter((i): i is string => i !== undefined);
  if (new Set(given).size !== given.length)
    throw new AppError('validation_failed', 'Ids inside the activity must be unique.', {
      fields: [{ field: 'activity', message: 'Duplicate id' }],
    });
}

export function moduleValues(m: ModuleInput): store.ModuleValues {
  checkUniqueIds(m.activity);
  const activity = withIds(m.activity);
  return {
    title: m.title,
    content: m.content,
    links: JSON.stringify(m.links),
    estimatedMinutes: m.estimatedMinutes,
    activityType: activity?.type ?? null,
    activity: activity ? JSON.stringify(activity) : null,
  };
}
