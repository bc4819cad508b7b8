import { useInfiniteQuery } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { AuditFilters, AuditPage } from '../../api/audit-types';

/** Entries asked for per page ("Load more"). */
export const AUDIT_PAGE_SIZE = 50;

/** The query string of the log's filters (shared by the page and its CSV export). */
export function auditQuery(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.types.length > 0) params.set('type', filters.types.join(','));
  if (filters.since) params.set('since', filters.since);
  if (filters.until) params.set('until', filters.until);
  return params;
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
    queryFn: ({ pageParam, signal }) => {
      const params = auditQuery(filters);
      params.set('limit', String(AUDIT_PAGE_SIZE));
      if (pageParam) params.set('before', pageParam);
      return api.get<AuditPage>(`/api/v1/orgs/${seg(slug)}/audit-log?${params.toString()}`, signal);
    },
    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages.flatMap((page) => page.items),
    enabled,
  });
}
