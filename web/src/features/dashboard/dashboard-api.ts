import { useQuery } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { LearningStats } from '../../api/learning-types';

export function useLearningStats(slug: string) {
  return useQuery({
    queryKey: ['org', slug, 'learning-stats'],
    queryFn: ({ signal }) => api.get<LearningStats>(`/api/v1/orgs/${seg(slug)}/learning-stats`, signal),
  });
}
