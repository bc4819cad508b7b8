import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { ApiKey, CreatedApiKey, IssuerIdentifier, Items, MemberRole } from '../../api/types';

const apiKeysKey = (slug: string) => ['org', slug, 'api-keys'] as const;

export function useApiKeys(slug: string, enabled = true) {
  return useQuery({
    queryKey: apiKeysKey(slug),
    queryFn: ({ signal }) => api.get<Items<ApiKey>>(`/api/v1/orgs/${seg(slug)}/api-keys`, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateApiKey(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: MemberRole; issuerIdentifier: IssuerIdentifier }) =>
      api.post<CreatedApiKey>(`/api/v1/orgs/${seg(slug)}/api-keys`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(slug) }),
  });
}

export function useRevokeApiKey(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/orgs/${seg(slug)}/api-keys/${seg(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(slug) }),
  });
}
