import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { Answer, Body } from '../../api/types';
import { orgKey } from './orgs-api';

export type ShowcaseSettings = Answer<'/api/v1/orgs/{slug}/showcase-settings', 'get'>;
export type OrgDetailsInput = Body<'/api/v1/orgs/{slug}', 'patch'>;

const settingsKey = (slug: string) => ['org', slug, 'showcase-settings'] as const;

export function useShowcaseSettings(slug: string) {
  return useQuery({
    queryKey: settingsKey(slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/showcase-settings', { params: { path: { slug } }, signal })),
  });
}

export function useSaveShowcaseSettings(slug: string) {
  return useRefreshingMutation(
    (body: ShowcaseSettings) =>
      data(client.PUT('/api/v1/orgs/{slug}/showcase-settings', { params: { path: { slug } }, body })),
    [settingsKey(slug)],
  );
}

/** Renames the organisation or changes its roles. */
export function useSaveOrgDetails(slug: string) {
  return useRefreshingMutation(
    (body: OrgDetailsInput) => data(client.PATCH('/api/v1/orgs/{slug}', { params: { path: { slug } }, body })),
    [orgKey(slug), ['session']],
  );
}
