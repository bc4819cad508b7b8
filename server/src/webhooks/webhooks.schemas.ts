import { z } from 'zod';
import { iso, isoOrNull, slug, timestamp, uuid } from '../http/schemas.js';
import type { DeliveryView } from './webhook-deliveries.service.js';
import { SUBSCRIBABLE_EVENT_TYPES, type WebhookView } from './webhook-endpoints.service.js';

export const webhookParams = z.object({ slug, id: uuid });
export const deliveryParams = z.object({
  slug,
  id: uuid,
  deliveryId: z
    .string()
    .length(36)
    .regex(/^msg_[0-9a-f]{32}$/, 'Must be a delivery id (msg_…)')
    .meta({ example: 'msg_0123456789abcdef0123456789abcdef' }),
});

const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'Use a URL of at most 2000 characters')
  .refine((v) => URL.canParse(v), 'Enter a full URL, like https://hooks.example.org/cairn')
  .meta({
    example: 'https://hooks.example.org/cairn',
    description: 'https (http only on development servers); public addresses only',
  });
const eventType = z.enum(SUBSCRIBABLE_EVENT_TYPES as [string, ...string[]]);
const events = z
  .array(eventType)
  .min(1, 'Pick at least one event')
  .max(SUBSCRIBABLE_EVENT_TYPES.length)
  .meta({ description: 'Event types delivered to this endpoint' });
const description = z.string().trim().max(500);

export const createWebhookBody = z.strictObject({ url: webhookUrl, events, description: description.optional() });
export const updateWebhookBody = z.strictObject({
  url: webhookUrl.optional(),
  events: events.optional(),
  description: description.optional(),
  enabled: z.boolean().optional(),
});

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z
      .string()
      .nullable()
      .meta({ description: 'Why it is disabled: by an admin, or after its deliveries failed for five days' }),
    disabledAt: timestamp.nullable(),
    failingSince: timestamp
      .nullable()
      .meta({ description: 'When the current run of failed deliveries began; null while deliveries succeed' }),
    previousSecretExpiresAt: timestamp
      .nullable()
      .meta({ description: 'After a rotation: until then the previous secret signs too' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Webhook' });

export const createdWebhookSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: 'The signing secret (whsec_…), shown this once' }) })
  .meta({ id: 'CreatedWebhook' });

export const rotatedSecretSchema = z
  .object({ secret: z.string(), previousSecretExpiresAt: timestamp })
  .meta({ id: 'RotatedWebhookSecret' });

export const deliverySchema = z
  .object({
    id: z.string().meta({ description: 'Also the webhook-id header: the same on every attempt' }),
    event: z.string(),
    eventId: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    responseCode: z.number().int().nullable(),
    responseExcerpt: z.string().nullable().meta({ description: 'The start of the last answer' }),
    attempt: z.number().int().meta({ description: 'Attempts made so far' }),
    createdAt: timestamp,
    nextAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

export const deliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
});

export const eventTypesSchema = z.object({ items: z.array(eventType) }).meta({ id: 'WebhookEventTypes' });

export function presentWebhook(w: WebhookView) {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events,
    enabled: w.isEnabled,
    disabledReason: w.disabledReason,
    disabledAt: isoOrNull(w.disabledAt),
    failingSince: isoOrNull(w.failingSince),
    previousSecretExpiresAt: isoOrNull(w.previousSecretExpiresAt),
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

export function presentDelivery(d: DeliveryView) {
  return {
    ...d,
    createdAt: iso(d.createdAt),
    nextAttemptAt: isoOrNull(d.nextAttemptAt),
    deliveredAt: isoOrNull(d.deliveredAt),
  };
}
