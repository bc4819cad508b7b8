import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { iso, isoOrNull, problemResponses, slug, uuid } from '../../http/schemas.js';
import { changeAccreditationStatus } from '../use-cases/change-accreditation-status.js';
import { getRegister, listGrantedAccreditations, listHeldAccreditations } from '../use-cases/list-accreditations.js';
import {
  accreditationSchema,
  presentAccreditationJson,
  registerEntrySchema,
  statusChangeInput,
} from './accreditation.schemas.js';

export const registerRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Accreditation'];
  app.get('/api/v1/registers/:accreditorSlug', {
    schema: {
      tags,
      summary: "An accrediting body's public register",
      description:
        'Who is accredited (or a candidate) for what, until when, with the verification code and the signed credential. `q` searches provider, programme, scheme and code.',
      params: z.object({ accreditorSlug: slug }),
      querystring: z.object({ q: z.string().max(200).optional() }),
      response: {
        200: z.object({
          accreditor: z.object({ slug: z.string(), name: z.string(), did: z.string() }),
          items: z.array(registerEntrySchema),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const register = await getRegister(
        deps,
        request.params.accreditorSlug,
        request.query.q ? { q: request.query.q } : {},
      );
      return {
        accreditor: register.accreditor,
        items: register.items.map((e) => ({
          ...e,
          status: e.status as 'accredited',
          validFrom: iso(e.validFrom),
          validUntil: isoOrNull(e.validUntil),
          reviewDate: isoOrNull(e.reviewDate),
          withdrawnAt: isoOrNull(e.withdrawnAt),
        })),
      };
    },
  });
  app.get('/api/v1/orgs/:slug/accreditation/granted', {
    schema: {
      tags,
      summary: 'Accreditations an accrediting body granted',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(accreditationSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listGrantedAccreditations(deps, request.actor, request.params.slug)).map(presentAccreditationJson),
    }),
  });
  app.get('/api/v1/orgs/:slug/accreditation/held', {
    schema: {
      tags,
      summary: 'Accreditations an organisation holds',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(accreditationSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listHeldAccreditations(deps, request.actor, request.params.slug)).map(presentAccreditationJson),
    }),
  });
  app.post('/api/v1/orgs/:slug/accreditation/granted/:id/status', {
    schema: {
      tags,
      summary: 'Suspend, reinstate or withdraw an accreditation (status list + mail to the provider)',
      params: z.object({ slug, id: uuid }),
      body: statusChangeInput,
      response: { 200: accreditationSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentAccreditationJson(
        await changeAccreditationStatus(
          deps,
          request.actor,
          request.params.slug,
          request.params.id,
          request.body.action === 'reinstate'
            ? { action: 'reinstate' }
            : { action: request.body.action, reason: request.body.reason ?? '' },
        ),
      ),
  });
};
