import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import type { Body, MemberRole } from '../../api/types';

const membersKey = (slug: string) => ['org', slug, 'members'] as const;
const invitationsKey = (slug: string) => ['org', slug, 'invitations'] as const;

export function useMembers(slug: string) {
  return useQuery({
    queryKey: membersKey(slug),
    queryFn: ({ signal }) => data(client.GET('/api/v1/orgs/{slug}/members', { params: { path: { slug } }, signal })),
    select: (data) => data.items,
  });
}

export function useInvitations(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/invitations', { params: { path: { slug } }, signal })),
    select: (data) => data.items,
    enabled,
  });
}

export function useChangeMemberRole(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MemberRole }) =>
      data(
        client.PATCH('/api/v1/orgs/{slug}/members/{userId}', { params: { path: { slug, userId } }, body: { role } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(slug) }),
  });
}

export function useRemoveMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      data(client.DELETE('/api/v1/orgs/{slug}/members/{userId}', { params: { path: { slug, userId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(slug) }),
  });
}

export function useInvite(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<'/api/v1/orgs/{slug}/invitations', 'post'>) =>
      data(client.POST('/api/v1/orgs/{slug}/invitations', { params: { path: { slug } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(slug) }),
  });
}

export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(client.DELETE('/api/v1/orgs/{slug}/invitations/{id}', { params: { path: { slug, id } } })),

    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(slug) }),
  });
}

/** The accept link as something a person can paste anywhere (the server may send a path). */
export function absoluteUrl(url: string, origin: string = window.location.origin): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
}
