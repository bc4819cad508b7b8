import { client, data } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { Body } from '../../api/types';

const apiKeysKey = (slug: string) => ['org', slug, 'api-keys'] as const;

export function useApiKeys(slug: string, enabled = true) {
  return useItemsQuery(
    apiKeysKey(slug),
    (signal) => data(client.GET('/api/v1/orgs/{slug}/api-keys', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useCreateApiKey(slug: string) {
  return useRefreshingMutation(
    (input: Body<'/api/v1/orgs/{slug}/api-keys', 'post'>) =>
      data(client.POST('/api/v1/orgs/{slug}/api-keys', { params: { path: { slug } }, body: input })),
    [apiKeysKey(slug)],
  );
}

export function useRevokeApiKey(slug: string) {
  return useRefreshingMutation(
    (id: string) => data(client.DELETE('/api/v1/orgs/{slug}/api-keys/{id}', { params: { path: { slug, id } } })),
    [apiKeysKey(slug)],
    'settled',
  );
}
