import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import type { Body } from '../../api/types';

const apiKeysKey = (slug: string) => ['org', slug, 'api-keys'] as const;

export function useApiKeys(slug: string, enabled = true) {
  return useQuery({
    queryKey: apiKeysKey(slug),
    queryFn: ({ signal }) => data(client.GET('/api/v1/orgs/{slug}/api-keys', { params: { path: { slug } }, signal })),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateApiKey(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<'/api/v1/orgs/{slug}/api-keys', 'post'>) =>
      data(client.POST('/api/v1/orgs/{slug}/api-keys', { params: { path: { slug } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(slug) }),
  });
}

export function useRevokeApiKey(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(client.DELETE('/api/v1/orgs/{slug}/api-keys/{id}', { params: { path: { slug, id } } })),

    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(slug) }),
  });
}
