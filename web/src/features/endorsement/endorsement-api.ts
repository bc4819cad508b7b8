import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { components } from '../../api/schema';

export type Endorsement = components['schemas']['Endorsement'];
export type EndorseInput = components['schemas']['EndorseRequest'];
export type CoDevelopmentInvitation = components['schemas']['CoDevelopmentInvitation'];

const endorsementsKey = (slug: string) => ['org', slug, 'endorsements'] as const;
const coDevelopmentKey = (slug: string) => ['org', slug, 'co-development'] as const;

export function useOrgEndorsements(slug: string, enabled = true) {
  return useItemsQuery(
    endorsementsKey(slug),
    (signal) => data(client.GET('/api/v1/orgs/{slug}/endorsements', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useEndorse(slug: string) {
  return useRefreshingMutation(
    (body: EndorseInput) => data(client.POST('/api/v1/orgs/{slug}/endorsements', { params: { path: { slug } }, body })),
    [endorsementsKey(slug), ['catalog']],
  );
}

export function useWithdrawEndorsement(slug: string) {
  return useRefreshingMutation(
    ({ id, reason }: { id: string; reason: string }) =>
      data(
        client.POST('/api/v1/orgs/{slug}/endorsements/{id}/withdraw', {
          params: { path: { slug, id } },
          body: { reason },
        }),
      ),
    [endorsementsKey(slug), ['catalog']],
    'settled',
  );
}

export function usePartnerPage(slug: string) {
  return useQuery({
    queryKey: ['partner', slug] as const,
    queryFn: ({ signal }) => data(client.GET('/api/v1/partners/{slug}', { params: { path: { slug } }, signal })),
  });
}

export function useCoDevelopment(slug: string, enabled = true) {
  return useItemsQuery(
    coDevelopmentKey(slug),
    (signal) => data(client.GET('/api/v1/orgs/{slug}/co-development', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useCoDevelopmentDetail(slug: string, id: string | null) {
  return useQuery({
    queryKey: [...coDevelopmentKey(slug), id] as const,
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/co-development/{id}', { params: { path: { slug, id: id! } }, signal })),
    enabled: id !== null,
  });
}

export function useCommentOnCoDevelopment(slug: string, id: string) {
  return useRefreshingMutation(
    (body: string) =>
      data(
        client.POST('/api/v1/orgs/{slug}/co-development/{id}/comments', {
          params: { path: { slug, id } },
          body: { body },
        }),
      ),
    [coDevelopmentKey(slug)],
  );
}

export function useDecideCoDevelopment(slug: string, id: string) {
  return useRefreshingMutation(
    (decision: 'approve' | 'decline') =>
      decision === 'approve'
        ? data(
            client.POST('/api/v1/orgs/{slug}/co-development/{id}/approve', {
              params: { path: { slug, id } },
              body: {},
            }),
          )
        : data(
            client.POST('/api/v1/orgs/{slug}/co-development/{id}/decline', {
              params: { path: { slug, id } },
              body: {},
            }),
          ),
    [coDevelopmentKey(slug)],
  );
}

export function useInviteCoDeveloper(slug: string) {
  return useRefreshingMutation(
    (body: { microcredentialId: string; partnerSlug: string; message: string }) =>
      data(client.POST('/api/v1/orgs/{slug}/co-development', { params: { path: { slug } }, body })),
    [coDevelopmentKey(slug)],
  );
}

/** The path of a credential page on this Cairn, from its id URL (other URLs are left as they are). */
export function credentialPagePath(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.origin === window.location.origin ? parsed.pathname : url;
  } catch {
    return url;
  }
}
