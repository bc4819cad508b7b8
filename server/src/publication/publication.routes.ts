import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { problemResponses, slug } from '../http/schemas.js';
import { getCredentialDocument } from '../issuance/use-cases/get-credential-document.js';
import { bakedBadgeFor } from '../showcase/baked-badge.service.js';
import { getIssuerProfile, getOrganizationDidDocument, getStatusListCredential } from './publication.service.js';

/** What verifiers fetch: DID documents, issuer profiles, status lists and credentials by URL. */
export const publicationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Publication'];
  const anyJson = z.record(z.string(), z.unknown());

  app.get('/orgs/:slug/did.json', {
    schema: {
      tags,
      summary: 'The did:web document of an organisation',
      params: z.object({ slug }),
      response: { 200: anyJson, ...problemResponses },
    },
    handler: async (request, reply) => {
      const doc = await getOrganizationDidDocument(deps, request.params.slug);
      return reply.type('application/did+json').header('cache-control', 'public, max-age=300').send(doc);
    },
  });

  app.get('/orgs/:slug/profile', {
    schema: {
      tags,
      summary: 'The OB 3.0 issuer Profile of an organisation',
      params: z.object({ slug }),
      response: { 200: anyJson, ...problemResponses },
    },
    handler: async (request, reply) => {
      const profile = await getIssuerProfile(deps, request.params.slug);
      return reply.type('application/ld+json').header('cache-control', 'public, max-age=300').send(profile);
    },
  });

  app.get('/orgs/:slug/status/:listNumber/:purpose', {
    schema: {
      tags,
      summary: 'A signed BitstringStatusListCredential',
      params: z.object({
        slug,
        listNumber: z.coerce.number().int().min(1),
        purpose: z.enum(['revocation', 'suspension']),
      }),
      response: { 200: z.string(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { text, maxAgeSeconds } = await getStatusListCredential(
        deps,
        request.params.slug,
        request.params.listNumber,
        request.params.purpose,
      );
      return reply
        .type('application/vc+ld+json')
        .header('cache-control', `public, max-age=${maxAgeSeconds}`)
        .serializer((s: string) => s)
        .send(text);
    },
  });

  app.get('/credentials/:id', {
    schema: {
      tags,
      summary: 'A credential at its id URL (JSON, or a VC-JWT)',
      description: 'Browsers asking for HTML get the credential page of the web app instead.',
      params: z.object({ id: z.uuid('A credential id is a UUID') }),
      response: { 200: z.string(), ...problemResponses },
    },
    handler: async (request, reply) => {
      // One URL, two representations: caches must keep the page and the JSON apart.
      reply.header('vary', 'Accept');
      const accept = request.headers.accept ?? '';
      if (accept.includes('text/html')) return reply.callNotFound();
      const { format, document } = await getCredentialDocument(deps, request.params.id);
      return reply
        .type(format === 'jwt' ? 'application/vc+jwt' : 'application/vc+ld+json')
        .header('cache-control', 'no-cache')
        .serializer((s: string) => s)
        .send(document);
    },
  });

  app.get('/credentials/:id/badge.png', {
    schema: {
      tags,
      summary: 'The badge image with the credential baked in (Open Badges 3.0 PNG baking)',
      params: z.object({ id: z.uuid('A credential id is a UUID') }),
      response: { 200: z.any(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const png = await bakedBadgeFor(deps, request.params.id);
      return reply
        .type('image/png')
        .header('cache-control', 'no-cache')
        .header('content-disposition', `inline; filename="cairn-badge-${request.params.id}.png"`)
        .send(png);
    },
  });
};
