import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import type { Body } from '../../api/types';

export const orgKey = (slug: string) => ['org', slug] as const;

export function useOrg(slug: string) {
  return useQuery({
    queryKey: orgKey(slug),
    queryFn: ({ signal }) => data(client.GET('/api/v1/orgs/{slug}', { params: { path: { slug } }, signal })),
  });
}

export type CreateOrgInput = Body<'/api/v1/orgs', 'post'>;

export const createOrg = (input: CreateOrgInput) => data(client.POST('/api/v1/orgs', { body: input }));
