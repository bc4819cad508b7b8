import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import type { Answer, Body } from '../../api/types';

export type MySpace = Answer<'/api/v1/me/community', 'get'>['items'][number];
export type Space = Answer<'/api/v1/community/spaces/{id}', 'get'>;
export type ThreadSummary = Space['threads'][number];
export type Thread = Answer<'/api/v1/community/threads/{id}', 'get'>;
export type Peer = Answer<'/api/v1/community/spaces/{id}/peers', 'get'>['items'][number];
export type PeerProfile = Answer<'/api/v1/me/peer-profile', 'get'>;
export type DirectMessage = Answer<'/api/v1/community/cohorts/{id}/messages', 'get'>['items'][number];
export type Cohort = Answer<'/api/v1/orgs/{slug}/microcredentials/{id}/cohorts', 'get'>['items'][number];
export type CohortInput = Body<'/api/v1/orgs/{slug}/microcredentials/{id}/cohorts', 'post'>;
export type ReportInput = Body<'/api/v1/community/reports', 'post'>;

export const spacePath = (id: string) => `/community/${encodeURIComponent(id)}`;
export const threadPath = (id: string) => `/community/threads/${encodeURIComponent(id)}`;

const spaceKey = (id: string) => ['community', 'space', id] as const;
const threadKey = (id: string) => ['community', 'thread', id] as const;

export function useMySpaces() {
  return useQuery({
    queryKey: ['community', 'mine'],
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/community', { signal })),
    select: (answer) => answer.items,
  });
}

export function useSpace(id: string) {
  return useQuery({
    queryKey: spaceKey(id),
    queryFn: ({ signal }) => data(client.GET('/api/v1/community/spaces/{id}', { params: { path: { id } }, signal })),
    refetchInterval: 30_000,
  });
}

export function useStartThread(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; body: string }) =>
      data(client.POST('/api/v1/community/spaces/{id}/threads', { params: { path: { id: spaceId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spaceKey(spaceId) }),
  });
}

export function useThread(id: string) {
  return useQuery({
    queryKey: threadKey(id),
    queryFn: ({ signal }) => data(client.GET('/api/v1/community/threads/{id}', { params: { path: { id } }, signal })),
    refetchInterval: 15_000,
  });
}

export function useReply(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string }) =>
      data(client.POST('/api/v1/community/threads/{id}/posts', { params: { path: { id: threadId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threadKey(threadId) }),
  });
}

/** Lock, hide and show: moderators' actions on a thread or a reply. */
export function useModeration(threadId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['community'] });
  return {
    lock: useMutation({
      mutationFn: (isLocked: boolean) =>
        data(
          client.POST('/api/v1/community/threads/{id}/lock', {
            params: { path: { id: threadId } },
            body: { isLocked },
          }),
        ),
      onSuccess: refresh,
    }),
    hideThread: useMutation({
      mutationFn: (isHidden: boolean) =>
        data(
          client.POST('/api/v1/community/threads/{id}/hide', {
            params: { path: { id: threadId } },
            body: { isHidden },
          }),
        ),
      onSuccess: refresh,
    }),
    hidePost: useMutation({
      mutationFn: ({ id, isHidden }: { id: string; isHidden: boolean }) =>
        data(client.POST('/api/v1/community/posts/{id}/hide', { params: { path: { id } }, body: { isHidden } })),
      onSuccess: refresh,
    }),
  };
}

export function useReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportInput) => data(client.POST('/api/v1/community/reports', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['community'] }),
  });
}

export function usePeers(spaceId: string) {
  return useQuery({
    queryKey: ['community', 'peers', spaceId],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/community/spaces/{id}/peers', { params: { path: { id: spaceId } }, signal })),
    select: (answer) => answer.items,
  });
}

export function useMyPeerProfile() {
  return useQuery({
    queryKey: ['community', 'my-profile'],
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/peer-profile', { signal })),
  });
}

export function useUpdatePeerProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PeerProfile) => data(client.PUT('/api/v1/me/peer-profile', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['community'] }),
  });
}

export function useConversation(cohortId: string, otherId: string | null) {
  return useQuery({
    queryKey: ['community', 'messages', cohortId, otherId],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/community/cohorts/{id}/messages', {
          params: { path: { id: cohortId }, query: { with: otherId ?? '' } },
          signal,
        }),
      ),
    select: (answer) => answer.items,
    enabled: otherId !== null,
    refetchInterval: 15_000,
  });
}

export function useSendMessage(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { recipientId: string; body: string }) =>
      data(client.POST('/api/v1/community/cohorts/{id}/messages', { params: { path: { id: cohortId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['community', 'messages', cohortId] }),
  });
}

export function useRemoveMember(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      data(
        client.POST('/api/v1/community/cohorts/{id}/members/{userId}/remove', {
          params: { path: { id: cohortId, userId } },
          body: {},
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['community'] }),
  });
}

const cohortsKey = (orgSlug: string, programmeId: string) => ['org', orgSlug, 'cohorts', programmeId] as const;

export function useCohorts(orgSlug: string, programmeId: string | null) {
  return useQuery({
    queryKey: cohortsKey(orgSlug, programmeId ?? ''),
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/microcredentials/{id}/cohorts', {
          params: { path: { slug: orgSlug, id: programmeId ?? '' } },
          signal,
        }),
      ),
    select: (answer) => answer.items,
    enabled: programmeId !== null,
  });
}

export function useCreateCohort(orgSlug: string, programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CohortInput) =>
      data(
        client.POST('/api/v1/orgs/{slug}/microcredentials/{id}/cohorts', {
          params: { path: { slug: orgSlug, id: programmeId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortsKey(orgSlug, programmeId) }),
  });
}
