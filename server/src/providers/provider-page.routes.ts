import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { iso, isoOrNull, problemResponses, slug, timestamp } from '../http/schemas.js';
import { getProviderPage } from './provider-page.js';

const tags = ['Providers'];

const providerPageSchema = z
  .object({
    organization: z.object({
      slug: z.string(),
      name: z.string(),
      did: z.string(),
      logoUrl: z.string().nullable(),
      profileUrl: z.string().meta({ description: 'Its OB 3.0 issuer Profile' }),
    }),
    programmes: z
      .array(z.object({ slug: z.string(), title: z.string(), summary: z.string(), imageUrl: z.string().nullable() }))
      .meta({ description: 'Its published programmes, newest first (at most 100; the catalogue lists them all)' }),
    programmeCount: z.number().int(),
    accreditations: z
      .array(
        z.object({
          accreditor: z.object({ slug: z.string(), name: z.string() }),
          scheme: z.string(),
          validFrom: timestamp,
          validUntil: timestamp.nullable(),
          credentialRowId: z.string().meta({ description: 'The signed accreditation credential: /credentials/{id}' }),
        }),
      )
      .meta({ description: 'Accreditations of the organisation in force now, from the register (each signed)' }),
    endorsements: z
      .array(
        z.object({
          id: z.string(),
          endorser: z.object({ slug: z.string(), name: z.string() }),
          comment: z.string(),
          validFrom: timestamp,
          credentialRowId: z.string().meta({ description: 'The signed endorsement credential: /credentials/{id}' }),
        }),
      )
      .meta({ description: 'Endorsements of the organisation (not of its programmes) in force now' }),
  })
  .meta({ id: 'ProviderPage' });

/** A provider's public page. */
export const providerPageRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/api/v1/providers/:slug', {
    schema: {
      tags,
      summary: 'A provider’s public page: its programmes, and its accreditations and endorsements in force',
      security: [],
      params: z.object({ slug }),
      response: { 200: providerPageSchema, ...problemResponses },
    },
    handler: async (request) => {
      const page = await getProviderPage(deps, request.params.slug);
      return {
        ...page,
        accreditations: page.accreditations.map((a) => ({
          ...a,
          validFrom: iso(a.validFrom),
          validUntil: isoOrNull(a.validUntil),
        })),
        endorsements: page.endorsements.map((e) => ({ ...e, validFrom: iso(e.validFrom) })),
      };
    },
  });
};
