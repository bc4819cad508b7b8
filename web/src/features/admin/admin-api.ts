import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { JobFailure } from '../../api/types';

export const jobsOverviewKey = ['admin', 'jobs'] as const;

/** How often the jobs page asks again while auto-refresh is on. */
export const JOBS_REFRESH_MS = 5000;

/** Queues, counts and failures; refreshed every few seconds while `isLive` (paused when the tab is hidden). */
export function useJobsOverview(isLive: boolean) {
  return useQuery({
    queryKey: jobsOverviewKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/admin/jobs', { signal })),
    refetchInterval: isLive ? JOBS_REFRESH_MS : false,
    staleTime: 0,
  });
}

/** Runs a failed job again; the server makes a repeat harmless (`isRetried: false`). */
export function useRetryJob() {
  return useRefreshingMutation(
    ({ queue, id }: Pick<JobFailure, 'queue' | 'id'>) =>
      data(client.POST('/api/v1/admin/jobs/{queue}/{id}/retry', { params: { path: { queue, id } }, body: {} })),
    [jobsOverviewKey],
    'settled',
  );
}
