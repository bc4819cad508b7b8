import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, undeclaredBody } from '../../api/client';
import type { SkillCsvFormat } from '../../api/types';

const frameworksKey = (slug: string) => ['org', slug, 'skill-frameworks'] as const;

export function useSkillFrameworks(slug: string) {
  return useQuery({
    queryKey: frameworksKey(slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/skill-frameworks', { params: { path: { slug } }, signal })),
    select: (data) => data.items,
  });
}

/** The JSON form of the import routes' body (they also take a multipart upload, so declare none). */
export type SkillCsvInput = { csv: string; format?: SkillCsvFormat };

export function usePreviewSkills(slug: string) {
  return useMutation({
    mutationFn: (input: SkillCsvInput) =>
      data(
        client.POST('/api/v1/orgs/{slug}/skill-frameworks/import/preview', {
          params: { path: { slug } },
          ...undeclaredBody(input),
        }),
      ),
  });
}

export function useImportSkills(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SkillCsvInput & { frameworkName: string }) =>
      data(
        client.POST('/api/v1/orgs/{slug}/skill-frameworks/import', {
          params: { path: { slug } },
          ...undeclaredBody(input),
        }),
      ),

    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: frameworksKey(slug) }),
        queryClient.invalidateQueries({ queryKey: ['skills'] }),
      ]),
  });
}

/** Occupations (ESCO, imported with a skill framework) whose title, other labels or code match. */
export function useOccupationSearch(q: string, limit = 20) {
  const term = q.trim();
  return useQuery({
    queryKey: ['occupations', term, limit],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/skills/occupations', { params: { query: { q: term, limit } }, signal })),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** Loads one occupation with its skills (essential first), through the query cache. */
export function useFetchOccupation() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.fetchQuery({
      queryKey: ['occupation', id],
      queryFn: ({ signal }) =>
        data(client.GET('/api/v1/skills/occupations/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
    });
}
