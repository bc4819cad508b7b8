import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { Answer, Body, Query } from '../../api/types';

export type Role = Answer<'/api/v1/orgs/{slug}/roles', 'get'>['items'][number];
export type RoleInput = Body<'/api/v1/orgs/{slug}/roles', 'post'>;
export type RoleDetail = Answer<'/api/v1/orgs/{slug}/roles/{roleId}', 'get'>;
export type OccupationSummary = Answer<'/api/v1/skills/occupations', 'get'>['items'][number];
export type Occupation = Answer<'/api/v1/skills/occupations/{id}', 'get'>;
export type RoleGaps = Answer<'/api/v1/orgs/{slug}/roles/{roleId}/gaps', 'get'>;
export type GapFilter = Query<'/api/v1/orgs/{slug}/roles/{roleId}/gaps', 'get'>;
export type GapStatus = RoleGaps['members'][number]['skills'][number]['status'];
export type Recommendations = Answer<'/api/v1/orgs/{slug}/roles/{roleId}/recommendations', 'get'>;
export type Share = Answer<'/api/v1/me/sharing', 'get'>['items'][number];
export type Assignment = Answer<'/api/v1/orgs/{slug}/assignments', 'get'>['items'][number];
export type AssignInput = Body<'/api/v1/orgs/{slug}/assignments', 'post'>;
export type SeatBudget = Answer<'/api/v1/orgs/{slug}/seat-budgets', 'get'>['items'][number];
export type Dashboard = Answer<'/api/v1/orgs/{slug}/workforce-dashboard', 'get'>;
export type Team = Answer<'/api/v1/orgs/{slug}/teams', 'get'>['items'][number];
export type TeamDetail = Answer<'/api/v1/orgs/{slug}/teams/{teamId}', 'get'>;
export type SelfAssessment = Answer<'/api/v1/me/assessments/{orgSlug}', 'get'>['items'][number];

const rolesKey = (slug: string) => ['org', slug, 'roles'] as const;
const gapsKey = (slug: string) => ['org', slug, 'gaps'] as const;
const assignmentsKey = (slug: string) => ['org', slug, 'assignments'] as const;
const seatsKey = (slug: string) => ['org', slug, 'seat-budgets'] as const;
const dashboardKey = (slug: string) => ['org', slug, 'workforce-dashboard'] as const;
const sharingKey = ['me', 'sharing'] as const;
const teamsKey = (slug: string) => ['org', slug, 'teams'] as const;
const selfAssessmentsKey = (orgSlug: string) => ['me', 'assessments', orgSlug] as const;

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

export function useRole(slug: string, roleId: string) {
  return useQuery({
    queryKey: [...rolesKey(slug), roleId] as const,
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/roles/{roleId}', { params: { path: { slug, roleId } }, signal })),
  });
}

/** Saves a new version of a role (the earlier ones stay listed). */
export function useUpdateRole(slug: string, roleId: string) {
  return useRefreshingMutation(
    (body: Body<'/api/v1/orgs/{slug}/roles/{roleId}', 'put'>) =>
      data(client.PUT('/api/v1/orgs/{slug}/roles/{roleId}', { params: { path: { slug, roleId } }, body })),
    [rolesKey(slug), gapsKey(slug)],
  );
}

/** ESCO occupations imported into a skills framework, by title (two letters or more). */
export function useOccupationSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['skills', 'occupations', term] as const,
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/skills/occupations', { params: { query: { q: term, limit: 20 } }, signal })),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** One occupation with its essential and optional skills. */
export function fetchOccupation(id: string): Promise<Occupation> {
  return data(client.GET('/api/v1/skills/occupations/{id}', { params: { path: { id } } }));
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
  return useItemsQuery(teamsKey(slug), (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/teams', { params: { path: { slug } }, signal })),
  );
}

export function useTeam(slug: string, teamId: string | null) {
  return useQuery({
    queryKey: [...teamsKey(slug), teamId] as const,
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/teams/{teamId}', { params: { path: { slug, teamId: teamId ?? '' } }, signal }),
      ),
    enabled: teamId !== null,
  });
}

export function useCreateTeam(slug: string) {
  return useRefreshingMutation(
    (body: Body<'/api/v1/orgs/{slug}/teams', 'post'>) =>
      data(client.POST('/api/v1/orgs/{slug}/teams', { params: { path: { slug } }, body })),
    [teamsKey(slug)],
  );
}

/** Replaces a team's members (adding or removing people); reports filtered by the team refresh. */
export function useSetTeamMembers(slug: string) {
  return useRefreshingMutation(
    ({ teamId, userIds }: { teamId: string; userIds: string[] }) =>
      data(
        client.PUT('/api/v1/orgs/{slug}/teams/{teamId}/members', {
          params: { path: { slug, teamId } },
          body: { userIds },
        }),
      ),
    [teamsKey(slug), gapsKey(slug), dashboardKey(slug)],
  );
}

export function useDeleteTeam(slug: string) {
  return useRefreshingMutation(
    (teamId: string) =>
      data(client.DELETE('/api/v1/orgs/{slug}/teams/{teamId}', { params: { path: { slug, teamId } } })),
    [teamsKey(slug), gapsKey(slug), dashboardKey(slug)],
  );
}

/** A manager's assessment of a member's level: shown as such, never counted as verified. */
export function useRecordManagerAssessment(slug: string) {
  return useRefreshingMutation(
    ({ userId, skillId, level }: { userId: string; skillId: string; level: number }) =>
      data(
        client.PUT('/api/v1/orgs/{slug}/members/{userId}/assessments', {
          params: { path: { slug, userId } },
          body: { skillId, level },
        }),
      ),
    [gapsKey(slug)],
  );
}

export function useMySelfAssessments(orgSlug: string, enabled = true) {
  return useItemsQuery(
    selfAssessmentsKey(orgSlug),
    (signal) => data(client.GET('/api/v1/me/assessments/{orgSlug}', { params: { path: { orgSlug } }, signal })),
    enabled,
  );
}

/** The member's own assessment of a skill for one employer: shown as self-assessed, never counted as verified. */
export function useRecordSelfAssessment(orgSlug: string) {
  return useRefreshingMutation(
    ({ skillId, level }: { skillId: string; level: number }) =>
      data(client.PUT('/api/v1/me/assessments/{orgSlug}', { params: { path: { orgSlug } }, body: { skillId, level } })),
    [selfAssessmentsKey(orgSlug)],
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

export function useDashboard(slug: string, teamId: string | null = null) {
  return useQuery({
    queryKey: [...dashboardKey(slug), teamId] as const,
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/workforce-dashboard', {
          params: { path: { slug }, query: teamId ? { teamId } : {} },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
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

const audienceKey = (slug: string, id: string) => ['org', slug, 'microcredentials', id, 'audience'] as const;

/** Who a provider's programme is for: one employer's members (commissioned training) or everyone. */
export function useProgrammeAudience(slug: string, id: string) {
  return useQuery({
    queryKey: audienceKey(slug, id),
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/microcredentials/{id}/audience', { params: { path: { slug, id } }, signal }),
      ),
  });
}

export function useSetProgrammeAudience(slug: string, id: string) {
  return useRefreshingMutation(
    (employerSlug: string | null) =>
      data(
        client.PUT('/api/v1/orgs/{slug}/microcredentials/{id}/audience', {
          params: { path: { slug, id } },
          body: { employerSlug },
        }),
      ),
    [audienceKey(slug, id)],
  );
}
