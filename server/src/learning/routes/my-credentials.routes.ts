import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { z } from 'zod';
import { iso, problemResponses, timestamp } from '../../http/schemas.js';
import { listMyCredentials } from '../use-cases/list-my-credentials.js';
import { anyObject } from './learning.schemas.js';

export const myCredentialsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Learning'];
  app.get('/api/v1/me/credentials', {
    schema: {
      tags,
      summary: 'Credentials I hold',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              achievementName: z.string().nullable(),
              issuedAt: timestamp,
              status: z.enum(['active', 'revoked', 'suspended', 'expired']),
              verifiableCredential: z.union([anyObject, z.string()]),
              issuer: z.object({ name: z.string(), did: z.string() }),
              credentialUrl: z.string(),
            }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({
      items: (await listMyCredentials(deps, request.actor)).map((c) => ({ ...c, issuedAt: iso(c.issuedAt) })),
    }),
  });
};
