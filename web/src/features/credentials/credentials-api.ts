import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, client, data, seg } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { Body, SignedCredential } from '../../api/types';
import { verifyCredential } from '../verify/verify-api';

/** Rows asked for per page of the issued-credentials table. */
export const CREDENTIALS_PAGE_SIZE = 25;

const credentialsKey = (slug: string) => ['org', slug, 'credentials'] as const;

/** The organisation's issued credentials, newest first, a page at a time ("Load more"). */
export function useIssuedCredentials(slug: string) {
  return useInfiniteQuery({
    queryKey: credentialsKey(slug),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/credentials', {
          params: { path: { slug }, query: { limit: CREDENTIALS_PAGE_SIZE, offset: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last, _pages, offset) =>
      last.items.length < CREDENTIALS_PAGE_SIZE ? undefined : offset + CREDENTIALS_PAGE_SIZE,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
}

export type IssueCredentialInput = Body<'/api/v1/orgs/{slug}/credentials', 'post'>;

export function useIssueCredential(slug: string) {
  return useRefreshingMutation(
    (input: IssueCredentialInput) =>
      data(client.POST('/api/v1/orgs/{slug}/credentials', { params: { path: { slug } }, body: input })),
    [credentialsKey(slug)],
  );
}

export type StatusAction =
  { action: 'revoke'; reason: string } | { action: 'suspend'; reason?: string } | { action: 'unsuspend' };

/** Revokes (permanent), suspends or reinstates a credential by its row id. */
export function useChangeCredentialStatus(slug: string) {
  return useRefreshingMutation(
    ({ id, change }: { id: string; change: StatusAction }) => {
      const path = { params: { path: { id } } };
      if (change.action === 'revoke')
        return data(client.POST('/api/v1/credentials/{id}/revoke', { ...path, body: { reason: change.reason } }));
      if (change.action === 'suspend')
        return data(
          client.POST('/api/v1/credentials/{id}/suspend', {
            ...path,
            body: change.reason ? { reason: change.reason } : {},
          }),
        );
      return data(client.POST('/api/v1/credentials/{id}/unsuspend', { ...path, body: {} }));
    },
    [credentialsKey(slug)],
    'settled',
  );
}

/** The credential's public page and `id`: `/credentials/{uuid}` on this site. */
export const credentialPagePath = (id: string) => `/credentials/${seg(id)}`;

export const credentialPageUrl = (id: string, origin: string = window.location.origin) =>
  new URL(credentialPagePath(id), origin).toString();

export const badgeImagePath = (id: string) => `${credentialPagePath(id)}/badge.png`;

/** The UUID at the end of a credential id URL (`…/credentials/{uuid}`), or null for another kind of id. */
export function credentialUuidOf(credentialId: string): string | null {
  const match = /\/credentials\/([0-9a-f-]{36})\/?$/i.exec(credentialId);
  return match?.[1] ?? null;
}

/**
 * Fetches a credential as published, keeping the exact text: a download must be the bytes the
 * issuer signed, and a VC-JWT arrives as plain text rather than JSON.
 */
export async function fetchCredentialText(id: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    // no-store: the page itself was loaded from this same URL as HTML, and a cached copy of
    // that page must not stand in for the credential.
    response = await fetch(credentialPagePath(id), {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      title: 'Network error',
      status: 0,
      detail: 'Cairn could not reach the server. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    throw new ApiError({
      title: problem.title ?? (response.status === 404 ? 'Not found' : `Request failed (${response.status})`),
      status: response.status,
      detail: problem.detail,
    });
  }
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new ApiError({ title: 'Not found', status: 404, detail: 'No credential is published at this address.' });
  }
  return response.text();
}

/** The text as the verifier takes it: a JSON object, or the compact JWT as a string. */
export function parseCredentialText(text: string): SignedCredential {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed) as Record<string, unknown>;
  return trimmed;
}

/** A credential's published text, for its public page. */
export function usePublishedCredential(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['credential', id, 'text'],
    queryFn: ({ signal }) => fetchCredentialText(id, signal),
    enabled,
    staleTime: 0,
  });
}

/** Verifies the published credential live, each time the page opens. */
export function useLiveVerification(id: string, credential: SignedCredential | undefined) {
  return useQuery({
    queryKey: ['credential', id, 'verification'],
    queryFn: () => verifyCredential(credential!),
    enabled: credential !== undefined,
    staleTime: 0,
    gcTime: 0,
  });
}
