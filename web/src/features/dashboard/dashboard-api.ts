import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';

export function useLearningStats(slug: string) {
  return useQuery({
    queryKey: ['org', slug, 'learning-stats'],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/learning-stats', { params: { path: { slug } }, signal })),
  });
}
