import type { Actor, Deps } from '../../deps.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import * as learningStatsStore from '../stores/learning-stats.store.js';

/** The provider dashboard's learning figures. */
export async function getLearningStats(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'org.read');
  const s = await learningStatsStore.learningStats(deps.db, org.id);
  const decided = s.totals.completed + s.totals.withdrawn + s.totals.active;
  return {
    enrolments: s.totals.enrolments,
    active: s.totals.active,
    completed: s.totals.completed,
    withdrawn: s.totals.withdrawn,
    completionRate: decided === 0 ? null : s.totals.completed / decided,
    medianDaysToComplete: s.totals.medianSeconds === null ? null : s.totals.medianSeconds / 86_400,
    reviewQueue: s.reviewQueue,
    byProgramme: s.byProgramme.map((p) => ({
      microcredentialId: p.microcredential_id,
      title: p.title,
      enrolments: p.enrolments,
      completed: p.completed,
    })),
    quizzes: s.quizzes.map((q) => ({
      moduleId: q.module_id,
      title: q.title,
      programme: q.programme,
      attempts: q.attempts,
      passRate: q.passRate,
    })),
    enrolmentsByWeek: s.weekly,
  };
}
