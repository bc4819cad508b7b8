import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { z } from 'zod';
import { isoOrNull, problemResponses, slug, timestamp, uuid } from '../../http/schemas.js';
import { createVoucher, listVouchers } from '../use-cases/manage-vouchers.js';

export const voucherRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const voucherSchema = z
    .object({
      id: z.string(),
      code: z.string(),
      microcredentialId: z.string().nullable(),
      maxRedemptions: z.number(),
      redeemed: z.number(),
      expiresAt: timestamp.nullable(),
    })
    .meta({ id: 'Voucher' });
  app.get('/api/v1/orgs/:slug/vouchers', {
    schema: {
      tags: ['Learning'],
      summary: 'Voucher codes for paid programmes',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(voucherSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listVouchers(deps, request.actor, request.params.slug)).map((v) => ({
        ...v,
        expiresAt: isoOrNull(v.expiresAt),
      })),
    }),
  });
  app.post('/api/v1/orgs/:slug/vouchers', {
    schema: {
      tags: ['Learning'],
      summary: 'Create a voucher code',
      params: z.object({ slug }),
      body: z.strictObject({
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9-]{4,40}$/, 'Use 4-40 letters, digits and hyphens')
          .optional(),
        microcredentialId: uuid.optional(),
        maxRedemptions: z.number().int().min(1).max(100_000),
        expiresAt: timestamp.optional(),
      }),
      response: { 201: voucherSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const v = await createVoucher(deps, request.actor, request.params.slug, {
        ...rest,
        ...(expiresAt ? { expiresAt: new Date(expiresAt) } : {}),
      });
      return reply.status(201).send({ ...v, expiresAt: isoOrNull(v.expiresAt) });
    },
  });
};
