import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';

/** A provider's public page: its programmes and the recognition of the organisation in force. */
export function useProviderPage(slug: string) {
  return useQuery({
    queryKey: ['provider', slug] as const,
    queryFn: ({ signal }) => data(client.GET('/api/v1/providers/{slug}', { params: { path: { slug } }, signal })),
  });
}

/** The path of a provider's public page. */
export function providerPath(slug: string): string {
  return `/providers/${encodeURIComponent(slug)}`;
}
