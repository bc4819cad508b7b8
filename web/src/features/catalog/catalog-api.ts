import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import type { Query } from '../../api/types';
import { CATALOG_PAGE_SIZE, LIST_KEYS, catalogApiPath, type CatalogSearch } from './catalog-query';

/** The API query for a search: the page's keys (defaults left out), plus the page size. */
function catalogQuery(search: CatalogSearch): Query<'/api/v1/catalog', 'get'> {
  const lists = Object.fromEntries(
    LIST_KEYS.filter((key) => search.lists[key].length > 0).map((key) => [key, search.lists[key]]),
  );
  return {
    ...(search.q ? { q: search.q } : {}),
    ...lists,
    ...search.numbers,
    ...(search.currency ? { currency: search.currency } : {}),
    ...(search.sort !== 'relevance' ? { sort: search.sort } : {}),
    ...(search.page > 1 ? { page: search.page } : {}),
    pageSize: CATALOG_PAGE_SIZE,
  };
}

/** One page of catalogue results; the previous page stays on screen while the next loads. */
export function useCatalogSearch(search: CatalogSearch) {
  return useQuery({
    queryKey: ['catalog', catalogApiPath(search)],
    queryFn: ({ signal }) => data(client.GET('/api/v1/catalog', { params: { query: catalogQuery(search) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export const programmeKey = (providerSlug: string, slug: string) => ['programme', providerSlug, slug] as const;

export function useProgramme(providerSlug: string, slug: string) {
  return useQuery({
    queryKey: programmeKey(providerSlug, slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/catalog/{providerSlug}/{slug}', { params: { path: { providerSlug, slug } }, signal })),
  });
}

/** Skills matching a typed name (the starter framework plus the caller's organisations'). */
export function useSkillSearch(q: string, limit = 20) {
  const term = q.trim();
  return useQuery({
    queryKey: ['skills', term, limit],
    queryFn: ({ signal }) => data(client.GET('/api/v1/skills', { params: { query: { q: term, limit } }, signal })),
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
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        data(client.GET('/api/v1/skills/{id}', { params: { path: { id } }, signal })),

      staleTime: 30 * 60_000,
    })),
    combine: (results) =>
      Object.fromEntries(results.flatMap((r) => (r.data ? [[r.data.id, r.data.name]] : []))) as Record<string, string>,
  });
}
