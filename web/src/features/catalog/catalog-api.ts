import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { CatalogSearchResult, Programme, Skill } from '../../api/catalog-types';
import type { Items } from '../../api/types';
import { catalogApiPath, type CatalogSearch } from './catalog-query';

/** One page of catalogue results; the previous page stays on screen while the next loads. */
export function useCatalogSearch(search: CatalogSearch) {
  const path = catalogApiPath(search);
  return useQuery({
    queryKey: ['catalog', path],
    queryFn: ({ signal }) => api.get<CatalogSearchResult>(path, signal),
    placeholderData: keepPreviousData,
  });
}

export const programmeKey = (providerSlug: string, slug: string) => ['programme', providerSlug, slug] as const;

export function useProgramme(providerSlug: string, slug: string) {
  return useQuery({
    queryKey: programmeKey(providerSlug, slug),
    queryFn: ({ signal }) => api.get<Programme>(`/api/v1/catalog/${seg(providerSlug)}/${seg(slug)}`, signal),
  });
}

/** Skills matching a typed name (the starter framework plus the caller's organisations'). */
export function useSkillSearch(q: string, limit = 20) {
  const term = q.trim();
  return useQuery({
    queryKey: ['skills', term, limit],
    queryFn: ({ signal }) => api.get<Items<Skill>>(`/api/v1/skills?q=${encodeURIComponent(term)}&limit=${limit}`, signal),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** Names of skills known only by id (a shared link's filters). */
export function useSkillNames(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['skill', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Skill>(`/api/v1/skills/${seg(id)}`, signal),
      staleTime: 30 * 60_000,
    })),
    combine: (results) => Object.fromEntries(results.flatMap((r) => (r.data ? [[r.data.id, r.data.name]] : []))) as Record<string, string>,
  });
}
