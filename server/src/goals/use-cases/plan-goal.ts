import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { loadHeldCredentials } from '../../pathways/load-held-credentials.js';
import { loadCoverOptions } from '../../planning/cover-options.store.js';
import { planSkillCover, type CoverRates } from '../../planning/skill-cover.js';
import { scheduleSteps } from '../goal-schedule.js';
import * as store from '../stores/goals.store.js';
import { goalSkills } from './manage-goals.js';

export type PlanOptions = {
  optimise: 'cost' | 'time';
  language?: string | undefined;
  accreditedOnly?: boolean | undefined;
  /** Convert totals to this currency with the operator's dated rates (when it set them). */
  currency?: string | undefined;
};

/**
 * A goal's plan, computed afresh each time: the gap (skills the goal asks for that none of the
 * learner's credentials in force — issued here or verified in their wallet — carries), the
 * cheapest or quickest set of published programmes and pathways covering it, totals per
 * currency, and a week-by-week schedule at the learner's pace against their target date.
 */
export async function planGoal(deps: Deps, actor: Actor, goalId: string, options: PlanOptions) {
  const user = requireUser(actor);
  const goal = await store.findGoal(deps.db, user.userId, goalId);
  if (!goal) throw new AppError('not_found', 'No goal with this id is yours.');
  return planFor(deps, user.userId, goal, options);
}

export async function planFor(deps: Deps, learnerId: string, goal: store.GoalRow, options: PlanOptions) {
  const now = deps.clock();
  const resolved = await goalSkills(deps, learnerId, goal);
  const required = resolved?.skillIds ?? goal.skillIds;
  const held = (await loadHeldCredentials(deps, [learnerId])).get(learnerId) ?? [];
  const heldSkills = new Set(held.flatMap((h) => h.skillIds));
  const gapIds = required.filter((id) => !heldSkills.has(id));
  const names = new Map((await store.skillsByIds(deps.db, required)).map((s) => [s.id, s.name]));

  let candidates = await loadCoverOptions(deps.db, { skillIds: gapIds, language: options.language });
  if (options.accreditedOnly) candidates = candidates.filter((o) => (o.accreditedBy?.length ?? 0) > 0);

  let rates: CoverRates | undefined;
  let rateNote: string | null = null;
  if (options.currency) {
    const table = await store.ratesTo(deps.db, options.currency, now.toISOString().slice(0, 10));
    rates = { currency: options.currency, rateFrom: (from) => table.get(from)?.rate ?? null };
    rateNote =
      table.size === 0
        ? `No exchange rates to ${options.currency} are set; totals stay in their own currencies.`
        : `Converted with the operator's rates: ${[...table].map(([c, r]) => `1 ${c} = ${r.rate} ${options.currency} (${r.validOn})`).join('; ')}. Indicative only: providers charge in their own currency.`;
  }
  const plan = planSkillCover({ skillIds: gapIds, options: candidates, optimise: options.optimise, rates });

  const enrolments = await store.enrolmentsIn(
    deps.db,
    learnerId,
    plan.steps.filter((s) => s.kind === 'programme').map((s) => s.id),
  );
  const steps = plan.steps.map((s) => {
    const enrolment = s.kind === 'programme' ? enrolments.find((e) => e.microcredential_id === s.id) : undefined;
    return {
      kind: s.kind,
      id: s.id,
      name: s.name,
      slug: s.slug ?? null,
      providerSlug: s.providerSlug ?? null,
      cost: s.cost,
      hours: s.hours,
      cpdHours: s.cpdHours,
      durationWeeks: s.durationWeeks,
      language: s.language ?? null,
      covers: s.covers,
      enrolment: enrolment ? { id: enrolment.id, status: enrolment.status } : null,
    };
  });
  const schedule = scheduleSteps({
    steps: steps.map((s) => ({ id: s.id, name: s.name, hours: s.hours, durationWeeks: s.durationWeeks })),
    weeklyHours: goal.weeklyHours,
    start: now,
    targetDate: goal.targetDate,
  });
  const uncovered = plan.uncovered.map((id) => ({ id, name: names.get(id) ?? id }));
  const reason =
    uncovered.length > 0
      ? `No published programme teaches ${uncovered.map((u) => u.name).join(', ')}${options.language ? ` in ${options.language}` : ''}${options.accreditedOnly ? ' with accreditation' : ''}.`
      : schedule.reason;
  return {
    goal,
    required: required.map((id) => ({ id, name: names.get(id) ?? id, isHeld: heldSkills.has(id) })),
    gap: gapIds.map((id) => ({ id, name: names.get(id) ?? id })),
    steps,
    uncovered,
    totals: { ...plan.totals, rateNote },
    schedule,
    feasible: uncovered.length === 0 && schedule.feasible,
    reason,
  };
}

export type GoalPlan = Awaited<ReturnType<typeof planFor>>;
