import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { components } from '../../api/schema';

export type GoalPlan = components['schemas']['GoalPlan'];
export type LearnerGoal = components['schemas']['LearnerGoal'];
export type NewGoal = components['schemas']['NewGoal'];

export const myGoalsKey = ['me', 'goals'] as const;
export const goalPlanKey = (id: string) => ['me', 'goals', id, 'plan'] as const;

export function useMyGoals() {
  return useQuery({
    queryKey: myGoalsKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/goals', { signal })),
  });
}

export type PlanFilters = { optimise: 'cost' | 'time'; accreditedOnly: boolean; language: string; currency: string };

export function useGoalPlan(id: string, filters: PlanFilters) {
  const query = {
    optimise: filters.optimise,
    ...(filters.accreditedOnly ? { accreditedOnly: 'true' as const } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.currency ? { currency: filters.currency } : {}),
  };
  return useQuery({
    queryKey: [...goalPlanKey(id), query],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/me/goals/{id}/plan', { params: { path: { id }, query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateGoal() {
  return useRefreshingMutation((body: NewGoal) => data(client.POST('/api/v1/me/goals', { body })), [myGoalsKey]);
}

export function useDeleteGoal() {
  return useRefreshingMutation(
    (id: string) => data(client.DELETE('/api/v1/me/goals/{id}', { params: { path: { id } } })),
    [myGoalsKey],
    'settled',
  );
}

/** Enrols in a plan's step (a free programme, or one a voucher pays for on the programme page). */
export function useEnrolFromPlan(goalId: string) {
  return useRefreshingMutation(
    (step: { providerSlug: string; slug: string }) =>
      data(
        client.POST('/api/v1/catalog/{providerSlug}/{slug}/enrol', {
          params: { path: { providerSlug: step.providerSlug, slug: step.slug } },
          body: {},
        }),
      ),
    [goalPlanKey(goalId), ['me', 'learning']],
  );
}

/** Money as people read it: 110.00 GBP; never summed across currencies. */
export function formatMoney(m: { amountMinor: number; currency: string } | null): string {
  if (!m || m.amountMinor === 0) return 'Free';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(m.amountMinor / 100);
  } catch {
    return `${(m.amountMinor / 100).toFixed(2)} ${m.currency}`;
  }
}
