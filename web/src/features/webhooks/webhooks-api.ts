import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { Items } from '../../api/types';
import type { CreatedWebhook, RotatedWebhookSecret, Webhook, WebhookDeliveriesPage, WebhookDelivery, WebhookInput } from '../../api/webhooks-types';

const webhooksKey = (slug: string) => ['org', slug, 'webhooks'] as const;
const webhookKey = (slug: string, id: string) => ['org', slug, 'webhooks', id] as const;
const deliveriesKey = (slug: string, id: string) => ['org', slug, 'webhooks', id, 'deliveries'] as const;
const base = (slug: string) => `/api/v1/orgs/${seg(slug)}/webhooks`;

/** Rows asked for per page of the delivery log. */
export const DELIVERIES_PAGE_SIZE = 25;
/** The delivery log refreshes itself this often while open (attempts happen in the background). */
const DELIVERY_LOG_REFRESH_MS = 5000;

export function useWebhooks(slug: string, enabled = true) {
  return useQuery({
    queryKey: webhooksKey(slug),
    queryFn: ({ signal }) => api.get<Items<Webhook>>(base(slug), signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useWebhook(slug: string, id: string, enabled = true) {
  return useQuery({
    queryKey: webhookKey(slug, id),
    queryFn: ({ signal }) => api.get<Webhook>(`${base(slug)}/${seg(id)}`, signal),
    enabled,
  });
}

/** Event types a webhook can subscribe to, from the server (so new ones appear without a release of the page). */
export function useWebhookEventTypes() {
  return useQuery({
    queryKey: ['webhook-event-types'],
    queryFn: ({ signal }) => api.get<Items<string>>('/api/v1/webhook-event-types', signal),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}

export function useCreateWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) => api.post<CreatedWebhook>(base(slug), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey(slug) }),
  });
}

export function useUpdateWebhook(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<WebhookInput> & { enabled?: boolean }) => api.patch<Webhook>(`${base(slug)}/${seg(id)}`, changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(webhookKey(slug, id), updated);
      return queryClient.invalidateQueries({ queryKey: webhooksKey(slug), exact: true });
    },
  });
}

export function useDeleteWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base(slug)}/${seg(id)}`),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: webhookKey(slug, id) });
      return queryClient.invalidateQueries({ queryKey: webhooksKey(slug), exact: true });
    },
  });
}

export function useRotateWebhookSecret(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RotatedWebhookSecret>(`${base(slug)}/${seg(id)}/rotate-secret`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKey(slug, id) }),
  });
}

export function useSendWebhookTest(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<WebhookDelivery>(`${base(slug)}/${seg(id)}/test`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(slug, id) }),
  });
}

export function useResendWebhookDelivery(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.post<WebhookDelivery>(`${base(slug)}/${seg(id)}/deliveries/${seg(deliveryId)}/resend`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(slug, id) }),
  });
}

/** The endpoint's delivery log, newest first, a page at a time ("Load more"); kept fresh while shown. */
export function useWebhookDeliveries(slug: string, id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: deliveriesKey(slug, id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<WebhookDeliveriesPage>(`${base(slug)}/${seg(id)}/deliveries?limit=${DELIVERIES_PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, signal),
    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages.flatMap((page) => page.items),
    refetchInterval: DELIVERY_LOG_REFRESH_MS,
    enabled,
  });
}
