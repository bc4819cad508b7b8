/**
 * Types of an organisation's webhooks (`/api/v1/orgs/{slug}/webhooks`). Hand-written until the
 * server's /openapi.json drives `schema.d.ts`.
 */

export type Webhook = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  /** Why it is disabled: by an admin, or after five days of failed deliveries. */
  disabledReason: string | null;
  disabledAt: string | null;
  /** When the current run of failed deliveries began; null while deliveries succeed. */
  failingSince: string | null;
  /** After a rotation: until then the previous secret signs too. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The answer to creating a webhook: the only time its signing secret is shown. */
export type CreatedWebhook = Webhook & { secret: string };

export type RotatedWebhookSecret = { secret: string; previousSecretExpiresAt: string };

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export type WebhookDelivery = {
  /** Also the `webhook-id` header: the same on every attempt. */
  id: string;
  event: string;
  eventId: string;
  status: WebhookDeliveryStatus;
  responseCode: number | null;
  responseExcerpt: string | null;
  /** Attempts made so far. */
  attempt: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastError: string | null;
};

export type WebhookDeliveriesPage = { items: WebhookDelivery[]; nextCursor: string | null };

export type WebhookInput = { url: string; events: string[]; description: string };
