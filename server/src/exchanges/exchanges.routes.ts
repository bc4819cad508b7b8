import { VERIFY_LIMITS } from '@cairn/credentials';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { iso, isoOrNull, problemResponses, timestamp, uuid } from '../http/schemas.js';
import { describeInteraction, interactionUrlOf } from './use-cases/describe-interaction.js';
import { listPickups } from './use-cases/list-pickups.js';
import { participateInExchange } from './use-cases/participate-in-exchange.js';
import { startExchange } from './use-cases/start-exchange.js';

// A presentation is checked with the verifier's limits: the same body size as POST /presentations/verify.
const EXCHANGE_BODY_LIMIT = VERIFY_LIMITS.maxBytes + 16 * 1024;
const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not an exchange id');
const anyObject = z.record(z.string(), z.unknown());

const pickupSchema = z
  .object({
    id: z.string(),
    state: z.enum(['pending', 'collected', 'expired']),
    createdAt: timestamp,
    expiresAt: timestamp,
    collectedAt: timestamp.nullable(),
    holderDid: z.string().nullable(),
    pickedUpCredentialUrl: z.string().nullable(),
    steps: z.array(
      z.object({
        at: timestamp,
        step: z.enum(['created', 'requested', 'refused', 'collected']),
        did: z.string().nullable(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'WalletPickup' });

/** Wallet pickup: the holder opens an exchange; a VC-API wallet completes it (docs/wallet-pickup.md). */
export const exchangesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Wallet pickup'];

  app.post('/api/v1/me/credentials/:id/exchanges', {
    schema: {
      tags,
      summary: 'Open a pickup of one of my credentials into a wallet (VC-API exchange, 10 minutes)',
      params: z.object({ id: uuid }),
      body: z.strictObject({}).optional(),
      response: {
        201: z.object({
          id: z.string(),
          interactionUrl: z.string(),
          expiresAt: timestamp,
          exchangeUrl: z.string(),
          workflow: z.string(),
          legacyDeepLink: z.string(),
          qrCodePath: z.string(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const started = await startExchange(deps, request.actor, request.params.id);
      return reply.status(201).send({ ...started, expiresAt: iso(started.expiresAt) });
    },
  });

  app.get('/api/v1/me/credentials/:id/exchanges', {
    schema: {
      tags,
      summary: 'The wallet pickups of one of my credentials, newest first, with every step',
      params: z.object({ id: uuid }),
      response: { 200: z.object({ items: z.array(pickupSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listPickups(deps, request.actor, request.params.id)).map((p) => ({
        ...p,
        createdAt: iso(p.createdAt),
        expiresAt: iso(p.expiresAt),
        collectedAt: isoOrNull(p.collectedAt),
        steps: p.steps.map((s) => ({ ...s, at: iso(s.at) })),
      })),
    }),
  });

  app.get('/interactions/:id', {
    schema: {
      tags,
      summary: 'An interaction URL: the protocols a wallet can use (browsers get a page explaining what to do)',
      security: [],
      params: z.object({ id: opaqueId }),
      querystring: z.object({ iuv: z.string().optional() }),
      response: { 200: z.object({ protocols: z.object({ vcapi: z.string() }) }), ...problemResponses },
    },
    handler: async (request, reply) => {
      reply.header('vary', 'Accept');
      if ((request.headers.accept ?? '').includes('text/html')) return reply.callNotFound();
      return reply.header('cache-control', 'no-store').send(await describeInteraction(deps, request.params.id));
    },
  });

  app.get('/interactions/:id/qr.svg', {
    schema: {
      tags,
      summary: 'The QR code of an interaction URL (SVG)',
      security: [],
      params: z.object({ id: opaqueId }),
      response: { 200: z.string(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const url = await interactionUrlOf(deps, request.params.id);
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'private, max-age=600')
        .serializer((s: string) => s)
        .send(svg);
    },
  });

  app.post('/workflows/:workflow/exchanges/:exchangeId', {
    bodyLimit: EXCHANGE_BODY_LIMIT,
    // Older wallets send `Authorization: Bearer <challenge>`: it is not an API key, and this
    // route trusts only the signed presentation (and the exchange URL, a capability).
    config: { hasOwnBearerToken: true },
    schema: {
      tags,
      summary: 'A VC-API exchange: {} asks for the DIDAuthentication request; a presentation answers it',
      description:
        'Post `{}` to get `{verifiablePresentationRequest: {query: [{type: "DIDAuthentication"}], challenge, domain}}`. Post `{verifiablePresentation}` signed (`authentication`, Ed25519Signature2020 or eddsa-rdfc-2022) by the key of its holder, a did:key, with that challenge and domain: the answer is `{verifiablePresentation: {verifiableCredential: [the credential issued to that DID]}}`. A replayed challenge or a second pickup answers 409, an expired exchange 410, a presentation that does not verify 422; nothing is issued.',
      security: [],
      params: z.object({ workflow: z.string().max(64), exchangeId: opaqueId }),
      body: anyObject,
      response: { 200: anyObject, ...problemResponses },
    },
    handler: async (request) =>
      participateInExchange(deps, {
        workflow: request.params.workflow,
        exchangeId: request.params.exchangeId,
        body: request.body,
      }),
  });
};
