import { useInfiniteQuery } from '@tanstack/react-query';
import { client, data, seg } from '../../api/client';
import type { Query } from '../../api/types';

/** Filters of the log and its CSV export; dates are whole days (YYYY-MM-DD, UTC), both included. */
export type AuditFilters = { types: string[]; since: string | null; until: string | null };

type AuditQuery = Query<'/api/v1/orgs/{slug}/audit-log', 'get'>;

/** The server's query parameters for the filters. */
function toQuery(filters: AuditFilters): AuditQuery {
  return {
    ...(filters.types.length > 0 ? { type: filters.types.join(',') } : {}),
    ...(filters.since ? { since: filters.since } : {}),
    ...(filters.until ? { until: filters.until } : {}),
  };
}

/** Entries asked for per page ("Load more"). */
export const AUDIT_PAGE_SIZE = 50;

/** The query string of the log's filters (shared by the page and its CSV export). */
export function auditQuery(filters: AuditFilters): URLSearchParams {
  return new URLSearchParams(
    Object.entries(toQuery(filters)).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );
}

/** Where the browser downloads the whole filtered log as CSV (the session cookie goes with it). */
export function auditCsvUrl(slug: string, filters: AuditFilters): string {
  const query = auditQuery(filters).toString();
  return `/api/v1/orgs/${seg(slug)}/audit-log.csv${query ? `?${query}` : ''}`;
}

/** The organisation's audit log, newest first, a page at a time. */
export function useAuditLog(slug: string, filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['org', slug, 'audit-log', filters] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/audit-log', {
          params: {
            path: { slug },
            query: { ...toQuery(filters), limit: AUDIT_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages.flatMap((page) => page.items),
    enabled,
  });
}
