import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { ReviewInput, ReviewQueueItem, Submission, SubmissionForReview } from '../../api/learning-types';
import type { Items } from '../../api/types';

export const reviewQueueKey = (slug: string) => ['org', slug, 'review-queue'] as const;

/** Submissions waiting for review, oldest first. */
export function useReviewQueue(slug: string, isEnabled = true) {
  return useQuery({
    queryKey: reviewQueueKey(slug),
    queryFn: ({ signal }) => api.get<Items<ReviewQueueItem>>(`/api/v1/orgs/${seg(slug)}/review-queue`, signal),
    select: (data) => data.items,
    enabled: isEnabled,
    refetchInterval: 60_000,
  });
}

export function useSubmissionForReview(slug: string, id: string) {
  return useQuery({
    queryKey: ['org', slug, 'submission', id],
    queryFn: ({ signal }) => api.get<SubmissionForReview>(`/api/v1/orgs/${seg(slug)}/submissions/${seg(id)}`, signal),
  });
}

export const submissionFilePath = (slug: string, id: string) => `/api/v1/orgs/${seg(slug)}/submissions/${seg(id)}/file`;

export function useReviewSubmission(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) => api.post<Submission>(`/api/v1/orgs/${seg(slug)}/submissions/${seg(id)}/review`, input),
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
