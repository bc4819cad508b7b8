import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { WebhookChanges, WebhookInput } from '../../api/types';

const webhooksKey = (slug: string) => ['org', slug, 'webhooks'] as const;
const webhookKey = (slug: string, id: string) => ['org', slug, 'webhooks', id] as const;
const deliveriesKey = (slug: string, id: string) => ['org', slug, 'webhooks', id, 'deliveries'] as const;

/** Rows asked for per page of the delivery log. */
export const DELIVERIES_PAGE_SIZE = 25;
/** The delivery log refreshes itself this often while open (attempts happen in the background). */
const DELIVERY_LOG_REFRESH_MS = 5000;

export function useWebhooks(slug: string, enabled = true) {
  return useItemsQuery(
    webhooksKey(slug),
    (signal) => data(client.GET('/api/v1/orgs/{slug}/webhooks', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useWebhook(slug: string, id: string, enabled = true) {
  return useQuery({
    queryKey: webhookKey(slug, id),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/webhooks/{id}', { params: { path: { slug, id } }, signal })),
    enabled,
  });
}

/** Event types a webhook can subscribe to, from the server (so new ones appear without a release of the page). */
export function useWebhookEventTypes() {
  return useQuery({
    queryKey: ['webhook-event-types'],
    queryFn: ({ signal }) => data(client.GET('/api/v1/webhook-event-types', { signal })),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}

export function useCreateWebhook(slug: string) {
  return useRefreshingMutation(
    (input: WebhookInput) =>
      data(client.POST('/api/v1/orgs/{slug}/webhooks', { params: { path: { slug } }, body: input })),
    [webhooksKey(slug)],
  );
}

export function useUpdateWebhook(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: WebhookChanges) =>
      data(client.PATCH('/api/v1/orgs/{slug}/webhooks/{id}', { params: { path: { slug, id } }, body: changes })),
    onSuccess: (updated) => {
      queryClient.setQueryData(webhookKey(slug, id), updated);
      return queryClient.invalidateQueries({ queryKey: webhooksKey(slug), exact: true });
    },
  });
}

export function useDeleteWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(client.DELETE('/api/v1/orgs/{slug}/webhooks/{id}', { params: { path: { slug, id } } })),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: webhookKey(slug, id) });
      return queryClient.invalidateQueries({ queryKey: webhooksKey(slug), exact: true });
    },
  });
}

export function useRotateWebhookSecret(slug: string, id: string) {
  return useRefreshingMutation(
    () =>
      data(
        client.POST('/api/v1/orgs/{slug}/webhooks/{id}/rotate-secret', { params: { path: { slug, id } }, body: {} }),
      ),
    [webhookKey(slug, id)],
  );
}

export function useSendWebhookTest(slug: string, id: string) {
  return useRefreshingMutation(
    () => data(client.POST('/api/v1/orgs/{slug}/webhooks/{id}/test', { params: { path: { slug, id } }, body: {} })),
    [deliveriesKey(slug, id)],
  );
}

export function useResendWebhookDelivery(slug: string, id: string) {
  return useRefreshingMutation(
    (deliveryId: string) =>
      data(
        client.POST('/api/v1/orgs/{slug}/webhooks/{id}/deliveries/{deliveryId}/resend', {
          params: { path: { slug, id, deliveryId } },
          body: {},
        }),
      ),
    [deliveriesKey(slug, id)],
  );
}

/** The endpoint's delivery log, newest first, a page at a time ("Load more"); kept fresh while shown. */
export function useWebhookDeliveries(slug: string, id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: deliveriesKey(slug, id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/webhooks/{id}/deliveries', {
          params: {
            path: { slug, id },
            query: { limit: DELIVERIES_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),

    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages.flatMap((page) => page.items),
    refetchInterval: DELIVERY_LOG_REFRESH_MS,
    enabled,
  });
}
