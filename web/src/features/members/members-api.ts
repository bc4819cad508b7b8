import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { CreatedInvitation, Invitation, Items, Member, MemberRole } from '../../api/types';

const membersKey = (slug: string) => ['org', slug, 'members'] as const;
const invitationsKey = (slug: string) => ['org', slug, 'invitations'] as const;

export function useMembers(slug: string) {
  return useQuery({
    queryKey: membersKey(slug),
    queryFn: ({ signal }) => api.get<Items<Member>>(`/api/v1/orgs/${seg(slug)}/members`, signal),
    select: (data) => data.items,
  });
}

export function useInvitations(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(slug),
    queryFn: ({ signal }) => api.get<Items<Invitation>>(`/api/v1/orgs/${seg(slug)}/invitations`, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useChangeMemberRole(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MemberRole }) =>
      api.patch<Member>(`/api/v1/orgs/${seg(slug)}/members/${seg(userId)}`, { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(slug) }),
  });
}

export function useRemoveMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/v1/orgs/${seg(slug)}/members/${seg(userId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(slug) }),
  });
}

export function useInvite(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: MemberRole }) =>
      api.post<CreatedInvitation>(`/api/v1/orgs/${seg(slug)}/invitations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(slug) }),
  });
}

export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/orgs/${seg(slug)}/invitations/${seg(id)}`),
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
