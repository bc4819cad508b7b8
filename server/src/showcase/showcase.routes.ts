import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { problemResponses } from '../http/schemas.js';
import { getCertificate } from './use-cases/get-certificate.js';
import { getCredentialShowcase } from './use-cases/get-credential-showcase.js';

const credentialParams = z.object({ id: z.uuid('A credential id is a UUID') });

const showcaseSchema = z
  .object({
    id: z.string(),
    credentialUrl: z.string(),
    verificationUrl: z.string().meta({ description: 'The credential page, which verifies it live' }),
    status: z.enum(['active', 'revoked', 'suspended', 'expired']),
    issuedTo: z
      .string()
      .nullable()
      .meta({ description: 'The name the issuer recorded; to others than the holder only with their consent' }),
    isHolder: z.boolean(),
    isNameShown: z.boolean(),
    issuer: z.object({
      name: z.string(),
      slug: z.string(),
      logoUrl: z.string().nullable(),
      linkedInOrganizationId: z.string().nullable(),
    }),
    badgeUrl: z.string(),
    renderMethod: z
      .array(z.object({ type: z.string(), name: z.string(), id: z.string(), mediaType: z.string() }))
      .meta({
        description:
          'Ways to render the credential (the PDF certificate), outside the signed credential; empty unless you hold it or its holder shared it',
      }),
  })
  .meta({ id: 'CredentialShowcase' });

/** Showcasing one credential: who holds it (with consent), its certificate and where to find it. */
export const showcaseRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Showcase'];

  app.get('/api/v1/credentials/:id/showcase', {
    schema: {
      tags,
      summary: 'What a credential page shows beyond the signed credential (public)',
      params: credentialParams,
      response: { 200: showcaseSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'private, no-cache');
      return getCredentialShowcase(deps, request.actor, request.params.id);
    },
  });

  app.get('/api/v1/credentials/:id/certificate.pdf', {
    schema: {
      tags,
      summary: 'The PDF certificate of a credential (its holder, or anyone once the holder shared it)',
      description:
        'A4 or US Letter, landscape, with a QR code to the verification page. A revoked, suspended, expired or unverifiable credential is stamped. 404 when you do not hold it and its holder has not shared it.',
      params: credentialParams,
      querystring: z.object({ size: z.enum(['a4', 'letter']).default('a4') }),
      response: { 200: z.any(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const pdf = await getCertificate(deps, request.actor, request.params.id, request.query.size);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-cache')
        .header(
          'content-disposition',
          `attachment; filename="certificate-${request.params.id}-${request.query.size}.pdf"`,
        )
        .send(Buffer.from(pdf));
    },
  });
};
