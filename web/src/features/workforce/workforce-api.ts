import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { Answer, Body, Query } from '../../api/types';

export type Role = Answer<'/api/v1/orgs/{slug}/roles', 'get'>['items'][number];
export type RoleInput = Body<'/api/v1/orgs/{slug}/roles', 'post'>;
export type RoleGaps = Answer<'/api/v1/orgs/{slug}/roles/{roleId}/gaps', 'get'>;
export type GapFilter = Query<'/api/v1/orgs/{slug}/roles/{roleId}/gaps', 'get'>;
export type GapStatus = RoleGaps['members'][number]['skills'][number]['status'];
export type Recommendations = Answer<'/api/v1/orgs/{slug}/roles/{roleId}/recommendations', 'get'>;
export type Share = Answer<'/api/v1/me/sharing', 'get'>['items'][number];
export type Assignment = Answer<'/api/v1/orgs/{slug}/assignments', 'get'>['items'][number];
export type AssignInput = Body<'/api/v1/orgs/{slug}/assignments', 'post'>;
export type SeatBudget = Answer<'/api/v1/orgs/{slug}/seat-budgets', 'get'>['items'][number];
export type Dashboard = Answer<'/api/v1/orgs/{slug}/workforce-dashboard', 'get'>;

const rolesKey = (slug: string) => ['org', slug, 'roles'] as const;
const gapsKey = (slug: string) => ['org', slug, 'gaps'] as const;
const assignmentsKey = (slug: string) => ['org', slug, 'assignments'] as const;
const seatsKey = (slug: string) => ['org', slug, 'seat-budgets'] as const;
const dashboardKey = (slug: string) => ['org', slug, 'workforce-dashboard'] as const;
const sharingKey = ['me', 'sharing'] as const;

export function useRoles(slug: string) {
  return useItemsQuery(rolesKey(slug), (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/roles', { params: { path: { slug } }, signal })),
  );
}

export function useCreateRole(slug: string) {
  return useRefreshingMutation(
    (body: RoleInput) => data(client.POST('/api/v1/orgs/{slug}/roles', { params: { path: { slug } }, body })),
    [rolesKey(slug), gapsKey(slug)],
  );
}

export function useImportRoles(slug: string) {
  return useRefreshingMutation(
    (body: Body<'/api/v1/orgs/{slug}/roles/import', 'post'>) =>
      data(client.POST('/api/v1/orgs/{slug}/roles/import', { params: { path: { slug } }, body })),
    [rolesKey(slug), gapsKey(slug)],
  );
}

export function useRoleGaps(slug: string, roleId: string, filter: GapFilter) {
  return useQuery({
    queryKey: [...gapsKey(slug), roleId, filter] as const,
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/roles/{roleId}/gaps', {
          params: { path: { slug, roleId }, query: filter },
          signal,
        }),
      ),
  });
}

export function useRecommendations(slug: string, roleId: string, filter: GapFilter) {
  return useQuery({
    queryKey: [...gapsKey(slug), roleId, 'recommendations', filter] as const,
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/roles/{roleId}/recommendations', {
          params: { path: { slug, roleId }, query: filter },
          signal,
        }),
      ),
  });
}

export function useTeams(slug: string) {
  return useItemsQuery(['org', slug, 'teams'] as const, (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/teams', { params: { path: { slug } }, signal })),
  );
}

export function useAssignments(slug: string) {
  return useItemsQuery(assignmentsKey(slug), (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/assignments', { params: { path: { slug } }, signal })),
  );
}

export function useAssign(slug: string) {
  return useRefreshingMutation(
    (body: AssignInput) => data(client.POST('/api/v1/orgs/{slug}/assignments', { params: { path: { slug } }, body })),
    [assignmentsKey(slug), seatsKey(slug), dashboardKey(slug)],
  );
}

export function useSeatBudgets(slug: string) {
  return useItemsQuery(seatsKey(slug), (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/seat-budgets', { params: { path: { slug } }, signal })),
  );
}

export function useSetSeatBudget(slug: string) {
  return useRefreshingMutation(
    (body: Body<'/api/v1/orgs/{slug}/seat-budgets', 'put'>) =>
      data(client.PUT('/api/v1/orgs/{slug}/seat-budgets', { params: { path: { slug } }, body })),
    [seatsKey(slug)],
  );
}

export function useDashboard(slug: string) {
  return useQuery({
    queryKey: dashboardKey(slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/workforce-dashboard', { params: { path: { slug } }, signal })),
  });
}

export function useMySharing() {
  return useItemsQuery(sharingKey, (signal) => data(client.GET('/api/v1/me/sharing', { signal })));
}

export function useShare() {
  return useRefreshingMutation(
    ({ orgSlug, credentials }: { orgSlug: string; credentials: 'all' | string[] }) =>
      data(client.PUT('/api/v1/me/sharing/{orgSlug}', { params: { path: { orgSlug } }, body: { credentials } })),
    [sharingKey],
  );
}

export function useWithdrawSharing() {
  return useRefreshingMutation(
    (orgSlug: string) => data(client.DELETE('/api/v1/me/sharing/{orgSlug}', { params: { path: { orgSlug } } })),
    [sharingKey],
  );
}

export function useMyPrivateProgrammes(enabled = true) {
  return useItemsQuery(
    ['me', 'private-programmes'] as const,
    (signal) => data(client.GET('/api/v1/me/private-programmes', { signal })),
    enabled,
  );
}

/** The CSV export's address (a plain link: the browser sends the session cookie). */
export function gapsCsvUrl(slug: string, roleId: string, filter: GapFilter): string {
  const params = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  const query = params.toString();
  return `/api/v1/orgs/${encodeURIComponent(slug)}/roles/${encodeURIComponent(roleId)}/gaps.csv${query ? `?${query}` : ''}`;
}

export const LEVEL_NAMES = ['', 'Aware', 'Working', 'Practitioner', 'Advanced', 'Expert'] as const;
export const levelLabel = (level: number | null) => (level === null ? '—' : `${level} ${LEVEL_NAMES[level] ?? ''}`);
