import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { problemResponses, slug, uuid } from '../../http/schemas.js';
import {
  createScheme,
  getPublicScheme,
  listOpenSchemes,
  listSchemes,
  updateScheme,
} from '../use-cases/manage-schemes.js';
import {
  presentPublicSchemeJson,
  presentSchemeJson,
  publicSchemeSchema,
  schemeChanges,
  schemeInput,
  schemeSchema,
} from './accreditation.schemas.js';

export const schemeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Accreditation'];
  app.get('/api/v1/orgs/:slug/accreditation/schemes', {
    schema: {
      tags,
      summary: 'The accreditation schemes an accrediting body runs',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(schemeSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listSchemes(deps, request.actor, request.params.slug)).map(presentSchemeJson),
    }),
  });
  app.post('/api/v1/orgs/:slug/accreditation/schemes', {
    schema: {
      tags,
      summary: 'Create an accreditation scheme',
      params: z.object({ slug }),
      body: schemeInput,
      response: { 201: schemeSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(presentSchemeJson(await createScheme(deps, request.actor, request.params.slug, request.body))),
  });
  app.patch('/api/v1/orgs/:slug/accreditation/schemes/:schemeId', {
    schema: {
      tags,
      summary: 'Change an accreditation scheme (granted accreditations keep what they were signed with)',
      params: z.object({ slug, schemeId: uuid }),
      body: schemeChanges,
      response: { 200: schemeSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentSchemeJson(
        await updateScheme(deps, request.actor, request.params.slug, request.params.schemeId, request.body),
      ),
  });
  app.get('/api/v1/accreditation/schemes', {
    schema: {
      tags,
      summary: 'Schemes open to applications, from every accrediting body',
      response: { 200: z.object({ items: z.array(publicSchemeSchema) }), ...problemResponses },
    },
    handler: async () => ({ items: (await listOpenSchemes(deps)).map(presentPublicSchemeJson) }),
  });
  app.get('/api/v1/accreditation/:accreditorSlug/schemes/:schemeSlug', {
    schema: {
      tags,
      summary: 'The public page of a scheme',
      params: z.object({ accreditorSlug: slug, schemeSlug: slug }),
      response: { 200: publicSchemeSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentPublicSchemeJson(await getPublicScheme(deps, request.params.accreditorSlug, request.params.schemeSlug)),
  });
};
