import { useQuery } from '@tanstack/react-query';
import { client, data, multipart, seg } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { Answer, Body } from '../../api/types';

export type CredentialShowcase = Answer<'/api/v1/credentials/{id}/showcase', 'get'>;
export type MyProfile = Answer<'/api/v1/me/profile', 'get'>;
export type ProfileInput = Body<'/api/v1/me/profile', 'put'>;
export type PublicProfile = Answer<'/api/v1/profiles/{handle}', 'get'>;
export type ProfileCpdSummary = NonNullable<PublicProfile['cpd']>;
export type ShareLink = Answer<'/api/v1/me/share-links', 'get'>['items'][number];
export type ShareLinkInput = Body<'/api/v1/me/share-links', 'post'>;

/** What the credential page shows beyond the signed credential (issued to, certificate, LinkedIn page). */
export function useCredentialShowcase(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['credential', id, 'showcase'],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/credentials/{id}/showcase', { params: { path: { id } }, signal })),
    enabled,
  });
}

export const certificatePath = (id: string, size: 'a4' | 'letter') =>
  `/api/v1/credentials/${seg(id)}/certificate.pdf?size=${size}`;

const myProfileKey = ['me', 'profile'] as const;
const shareLinksKey = ['me', 'share-links'] as const;

export function useMyProfile() {
  return useQuery({
    queryKey: myProfileKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/profile', { signal })),
  });
}

export function useSaveProfile() {
  return useRefreshingMutation(
    (body: ProfileInput) => data(client.PUT('/api/v1/me/profile', { body })),
    [myProfileKey, ['profile']],
  );
}

/** Sets the profile photo (PNG or JPEG; the server checks, strips and scales it). */
export function useSetProfilePhoto() {
  return useRefreshingMutation(
    (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return data(client.PUT('/api/v1/me/profile/photo', multipart(form)));
    },
    [myProfileKey, ['profile']],
  );
}

export function useRemoveProfilePhoto() {
  return useRefreshingMutation(() => data(client.DELETE('/api/v1/me/profile/photo')), [myProfileKey, ['profile']]);
}

export function usePublicProfile(handle: string, share: string | null) {
  return useQuery({
    queryKey: ['profile', handle, share],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/profiles/{handle}', {
          params: { path: { handle }, query: share ? { share } : {} },
          signal,
        }),
      ),
    retry: false,
  });
}

export function useShareLinks() {
  return useQuery({
    queryKey: shareLinksKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/share-links', { signal })),
    select: (list) => list.items,
  });
}

export function useCreateShareLink() {
  return useRefreshingMutation(
    (body: ShareLinkInput) => data(client.POST('/api/v1/me/share-links', { body })),
    [shareLinksKey],
  );
}

export function useWithdrawShareLink() {
  return useRefreshingMutation(
    (id: string) => data(client.DELETE('/api/v1/me/share-links/{id}', { params: { path: { id } } })),
    [shareLinksKey],
  );
}

export const openShareLink = (token: string) =>
  data(client.POST('/api/v1/share-links/{token}/open', { params: { path: { token } }, body: {} }));

export const resumePath = (format: 'json' | 'pdf', include: string[]) =>
  `/api/v1/me/resume.${format}?include=${include.map(seg).join(',')}`;

export const profilePath = (handle: string) => `/p/${seg(handle)}`;

/** An HTML snippet that embeds a credential's baked badge, linked to its verification page. */
export function badgeEmbedSnippet(options: { pageUrl: string; badgeUrl: string; name: string }): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<a href="${escape(options.pageUrl)}" target="_blank" rel="noopener"><img src="${escape(options.badgeUrl)}" alt="${escape(`${options.name} — verify this credential`)}" width="120" height="120"></a>`;
}
