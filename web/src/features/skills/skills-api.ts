import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { SkillCsvFormat, SkillFramework, SkillImportPreview, SkillImportResult } from '../../api/catalog-types';
import type { Items } from '../../api/types';

const frameworksKey = (slug: string) => ['org', slug, 'skill-frameworks'] as const;

export function useSkillFrameworks(slug: string) {
  return useQuery({
    queryKey: frameworksKey(slug),
    queryFn: ({ signal }) => api.get<Items<SkillFramework>>(`/api/v1/orgs/${seg(slug)}/skill-frameworks`, signal),
    select: (data) => data.items,
  });
}

export type SkillCsvInput = { csv: string; format?: SkillCsvFormat };

export function usePreviewSkills(slug: string) {
  return useMutation({
    mutationFn: (input: SkillCsvInput) => api.post<SkillImportPreview>(`/api/v1/orgs/${seg(slug)}/skill-frameworks/import/preview`, input),
  });
}

export function useImportSkills(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SkillCsvInput & { frameworkName: string }) => api.post<SkillImportResult>(`/api/v1/orgs/${seg(slug)}/skill-frameworks/import`, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: frameworksKey(slug) }), queryClient.invalidateQueries({ queryKey: ['skills'] })]),
  });
}
