import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import type { Answer, Body } from '../../api/types';

export type ProgrammeReviews = Answer<'/api/v1/catalog/{providerSlug}/{slug}/reviews', 'get'>;
export type PublicReview = ProgrammeReviews['items'][number];
export type OwnReview = NonNullable<ProgrammeReviews['mine']>;
export type ReviewInput = Body<'/api/v1/catalog/{providerSlug}/{slug}/reviews/mine', 'put'>;
export type RatingSummary = ProgrammeReviews['summary'];
export type ReviewToModerate = Answer<'/api/v1/orgs/{slug}/programme-reviews', 'get'>['items'][number];
export type ModerationFilter = 'waiting' | OwnReview['status'];

export const programmeReviewsKey = (providerSlug: string, slug: string) =>
  ['programme-reviews', providerSlug, slug] as const;

/** A programme's approved reviews, average rating and, signed in, the person's own review. */
export function useProgrammeReviews(providerSlug: string, slug: string) {
  return useQuery({
    queryKey: programmeReviewsKey(providerSlug, slug),
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/catalog/{providerSlug}/{slug}/reviews', {
          params: { path: { providerSlug, slug } },
          signal,
        }),
      ),
  });
}

export function useWriteReview(providerSlug: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewInput) =>
      data(
        client.PUT('/api/v1/catalog/{providerSlug}/{slug}/reviews/mine', {
          params: { path: { providerSlug, slug } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeReviewsKey(providerSlug, slug) }),
  });
}

export function useReportReview(providerSlug: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      data(client.POST('/api/v1/reviews/{id}/report', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeReviewsKey(providerSlug, slug) }),
  });
}

/** Average rating and count of many programmes in one request (catalogue cards, compare). */
export function useRatingSummaries(ids: string[]) {
  const sorted = [...ids].sort();
  return useQuery({
    queryKey: ['ratings', sorted],
    queryFn: ({ signal }) => data(client.GET('/api/v1/ratings', { params: { query: { id: sorted } }, signal })),
    select: (answer) => new Map(answer.items.map((r) => [r.microcredentialId, r])),
    enabled: sorted.length > 0,
    staleTime: 60_000,
  });
}

export const moderationKey = (orgSlug: string) => ['org', orgSlug, 'programme-reviews'] as const;

export function useReviewsToModerate(orgSlug: string, status: ModerationFilter) {
  return useQuery({
    queryKey: [...moderationKey(orgSlug), status],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/programme-reviews', {
          params: { path: { slug: orgSlug }, query: { status } },
          signal,
        }),
      ),
    select: (answer) => answer.items,
  });
}

export function useModerateReview(orgSlug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'hide' }) =>
      data(
        client.POST('/api/v1/orgs/{slug}/programme-reviews/{id}/moderate', {
          params: { path: { slug: orgSlug, id } },
          body: { decision },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKey(orgSlug) }),
  });
}
