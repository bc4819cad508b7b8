import { client, data } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { Body, MemberRole } from '../../api/types';

const membersKey = (slug: string) => ['org', slug, 'members'] as const;
const invitationsKey = (slug: string) => ['org', slug, 'invitations'] as const;

export function useMembers(slug: string) {
  return useItemsQuery(membersKey(slug), (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/members', { params: { path: { slug } }, signal })),
  );
}

export function useInvitations(slug: string, enabled: boolean) {
  return useItemsQuery(
    invitationsKey(slug),
    (signal) => data(client.GET('/api/v1/orgs/{slug}/invitations', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useChangeMemberRole(slug: string) {
  return useRefreshingMutation(
    ({ userId, role }: { userId: string; role: MemberRole }) =>
      data(
        client.PATCH('/api/v1/orgs/{slug}/members/{userId}', { params: { path: { slug, userId } }, body: { role } }),
      ),
    [membersKey(slug)],
    'settled',
  );
}

export function useRemoveMember(slug: string) {
  return useRefreshingMutation(
    (userId: string) =>
      data(client.DELETE('/api/v1/orgs/{slug}/members/{userId}', { params: { path: { slug, userId } } })),
    [membersKey(slug)],
    'settled',
  );
}

export function useInvite(slug: string) {
  return useRefreshingMutation(
    (input: Body<'/api/v1/orgs/{slug}/invitations', 'post'>) =>
      data(client.POST('/api/v1/orgs/{slug}/invitations', { params: { path: { slug } }, body: input })),
    [invitationsKey(slug)],
  );
}

export function useRevokeInvitation(slug: string) {
  return useRefreshingMutation(
    (id: string) => data(client.DELETE('/api/v1/orgs/{slug}/invitations/{id}', { params: { path: { slug, id } } })),
    [invitationsKey(slug)],
    'settled',
  );
}

/** The accept link as something a person can paste anywhere (the server may send a path). */
export function absoluteUrl(url: string, origin: string = window.location.origin): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
}
