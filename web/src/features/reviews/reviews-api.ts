import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, seg } from '../../api/client';
import type { ReviewInput } from '../../api/types';

export const reviewQueueKey = (slug: string) => ['org', slug, 'review-queue'] as const;

/** Submissions waiting for review, oldest first. */
export function useReviewQueue(slug: string, isEnabled = true) {
  return useQuery({
    queryKey: reviewQueueKey(slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/review-queue', { params: { path: { slug } }, signal })),
    select: (data) => data.items,
    enabled: isEnabled,
    refetchInterval: 60_000,
  });
}

export function useSubmissionForReview(slug: string, id: string) {
  return useQuery({
    queryKey: ['org', slug, 'submission', id],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/submissions/{id}', { params: { path: { slug, id } }, signal })),
  });
}

export const submissionFilePath = (slug: string, id: string) => `/api/v1/orgs/${seg(slug)}/submissions/${seg(id)}/file`;

export function useReviewSubmission(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) =>
      data(client.POST('/api/v1/orgs/{slug}/submissions/{id}/review', { params: { path: { slug, id } }, body: input })),

    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) }),
        queryClient.invalidateQueries({ queryKey: ['org', slug, 'submission', id] }),
        queryClient.invalidateQueries({ queryKey: ['org', slug, 'learning-stats'] }),
      ]),
  });
}

/** Members who may review evidence (the server checks again). */
export const canReview = (role: string | undefined) => role === 'owner' || role === 'admin' || role === 'assessor';
