import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { JobFailure, JobsOverview, RetryOutcome } from '../../api/admin-types';

export const jobsOverviewKey = ['admin', 'jobs'] as const;

/** How often the jobs page asks again while auto-refresh is on. */
export const JOBS_REFRESH_MS = 5000;

/** Queues, counts and failures; refreshed every few seconds while `isLive` (paused when the tab is hidden). */
export function useJobsOverview(isLive: boolean) {
  return useQuery({
    queryKey: jobsOverviewKey,
    queryFn: ({ signal }) => api.get<JobsOverview>('/api/v1/admin/jobs', signal),
    refetchInterval: isLive ? JOBS_REFRESH_MS : false,
    staleTime: 0,
  });
}

/** Runs a failed job again; the server makes a repeat harmless (`isRetried: false`). */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (failure: Pick<JobFailure, 'queue' | 'id'>) => api.post<RetryOutcome>(`/api/v1/admin/jobs/${seg(failure.queue)}/${seg(failure.id)}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobsOverviewKey }),
  });
}
