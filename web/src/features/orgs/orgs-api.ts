import { useQuery } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { Org, OrgRole, OrgWithMyRole } from '../../api/types';

export const orgKey = (slug: string) => ['org', slug] as const;

export function useOrg(slug: string) {
  return useQuery({
    queryKey: orgKey(slug),
    queryFn: ({ signal }) => api.get<OrgWithMyRole>(`/api/v1/orgs/${seg(slug)}`, signal),
  });
}

export type CreateOrgInput = { name: string; slug: string; roles: OrgRole[] };

export const createOrg = (input: CreateOrgInput) =>
  api.post<Pick<Org, 'id' | 'slug' | 'did' | 'name' | 'roles'>>('/api/v1/orgs', input);
