import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { iso, problemResponses, slug } from '../http/schemas.js';
import { listWebhookDeliveries, resendWebhookDelivery, sendWebhookTest } from './webhook-deliveries.service.js';
import * as endpoints from './webhook-endpoints.service.js';
import { DEFAULT_WEBHOOK_NETWORK, type WebhookNetwork } from './webhook-network.js';
import {
  createdWebhookSchema,
  createWebhookBody,
  deliveriesQuery,
  deliveryParams,
  deliverySchema,
  eventTypesSchema,
  presentDelivery,
  presentWebhook,
  rotatedSecretSchema,
  updateWebhookBody,
  webhookParams,
  webhookSchema,
} from './webhooks.schemas.js';

export type WebhooksRoutesOptions = { deps: Deps; network?: WebhookNetwork };

/** Organisation webhooks (owners and admins, by session or an admin API key). */
export const webhooksRoutes: FastifyPluginAsyncZod<WebhooksRoutesOptions> = async (app, { deps, network }) => {
  const tags = ['Webhooks'];
  const wdeps: endpoints.WebhookDeps = { ...deps, webhookNetwork: network ?? DEFAULT_WEBHOOK_NETWORK };
  const base = '/api/v1/orgs/:slug/webhooks';

  app.get('/api/v1/webhook-event-types', {
    schema: {
      tags,
      summary: 'Event types a webhook can subscribe to',
      response: { 200: eventTypesSchema, ...problemResponses },
    },
    handler: async () => ({ items: [...endpoints.SUBSCRIBABLE_EVENT_TYPES] }),
  });

  app.post(base, {
    schema: {
      tags,
      summary: 'Add a webhook endpoint (its signing secret is shown once)',
      params: z.object({ slug }),
      body: createWebhookBody,
      response: { 201: createdWebhookSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const created = await endpoints.createWebhook(wdeps, request.actor, request.params.slug, request.body);
      return reply.status(201).send({ ...presentWebhook(created), secret: created.secret });
    },
  });

  app.get(base, {
    schema: {
      tags,
      summary: 'Webhook endpoints of an organisation (without secrets)',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(webhookSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await endpoints.listWebhooks(deps, request.actor, request.params.slug)).map(presentWebhook),
    }),
  });

  app.get(`${base}/:id`, {
    schema: {
      tags,
      summary: 'One webhook endpoint',
      params: webhookParams,
      response: { 200: webhookSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentWebhook(await endpoints.getWebhook(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.patch(`${base}/:id`, {
    schema: {
      tags,
      summary: 'Change, enable or disable a webhook endpoint',
      params: webhookParams,
      body: updateWebhookBody,
      response: { 200: webhookSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentWebhook(
        await endpoints.updateWebhook(wdeps, request.actor, request.params.slug, request.params.id, request.body),
      ),
  });

  app.delete(`${base}/:id`, {
    schema: {
      tags,
      summary: 'Delete a webhook endpoint and its delivery log',
      params: webhookParams,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await endpoints.deleteWebhook(deps, request.actor, request.params.slug, request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post(`${base}/:id/rotate-secret`, {
    schema: {
      tags,
      summary: 'Replace the signing secret (shown once); the previous one keeps signing for 24 hours',
      params: webhookParams,
      body: z.strictObject({}).optional(),
      response: { 200: rotatedSecretSchema, ...problemResponses },
    },
    handler: async (request) => {
      const rotated = await endpoints.rotateWebhookSecret(deps, request.actor, request.params.slug, request.params.id);
      return { secret: rotated.secret, previousSecretExpiresAt: iso(rotated.previousSecretExpiresAt) };
    },
  });

  app.post(`${base}/:id/test`, {
    schema: {
      tags,
      summary: 'Send a webhook.test ping through the delivery pipeline',
      params: webhookParams,
      body: z.strictObject({}).optional(),
      response: { 202: deliverySchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(202)
        .send(presentDelivery(await sendWebhookTest(deps, request.actor, request.params.slug, request.params.id))),
  });

  app.get(`${base}/:id/deliveries`, {
    schema: {
      tags,
      summary: 'The delivery log of a webhook endpoint, newest first',
      params: webhookParams,
      querystring: deliveriesQuery,
      response: {
        200: z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const page = await listWebhookDeliveries(deps, request.actor, request.params.slug, request.params.id, {
        limit: request.query.limit,
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
      });
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  });

  app.post(`${base}/:id/deliveries/:deliveryId/resend`, {
    schema: {
      tags,
      summary: 'Send a delivery again now (same webhook-id)',
      params: deliveryParams,
      body: z.strictObject({}).optional(),
      response: { 202: deliverySchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(202)
        .send(
          presentDelivery(
            await resendWebhookDelivery(
              deps,
              request.actor,
              request.params.slug,
              request.params.id,
              request.params.deliveryId,
            ),
          ),
        ),
  });
};
