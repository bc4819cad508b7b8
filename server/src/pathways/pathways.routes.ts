import multipart from '@fastify/multipart';
import { VERIFY_LIMITS, type JsonObject } from '@cairn/credentials';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { iso, isoOrNull, problemResponses, slug, uuid } from '../http/schemas.js';
import type { GuardedFetch } from '../verification/did-web-resolver.js';
import { MAX_UPLOAD_BYTES } from '../verification/verification.service.js';
import {
  createPathwayBody,
  myPathwayDetailSchema,
  myPathwaySchema,
  orgPathwayParams,
  pathwayDetailSchema,
  pathwaySummarySchema,
  publicPathwaySchema,
  updateDraftBody,
  validationResultSchema,
  walletItemSchema,
} from './pathways.schemas.js';
import { createPathway } from './use-cases/create-pathway.js';
import { getMyPathway } from './use-cases/get-my-pathway.js';
import { getOrgPathway } from './use-cases/get-org-pathway.js';
import { getPathwayAchievement } from './use-cases/get-pathway-achievement.js';
import { getPublicPathway } from './use-cases/get-public-pathway.js';
import { joinPathway } from './use-cases/join-pathway.js';
import { pathwaysOfMyCredential } from './use-cases/list-credential-pathways.js';
import { listMyPathways } from './use-cases/list-my-pathways.js';
import { listOrgPathways } from './use-cases/list-org-pathways.js';
import { listPublicPathways } from './use-cases/list-public-pathways.js';
import { publishDraft } from './use-cases/publish-draft.js';
import { saveDraft } from './use-cases/save-draft.js';
import { validatePathwayInput } from './use-cases/validate-pathway-input.js';
import * as walletStatus from './wallet-status.service.js';
import * as wallet from './wallet.service.js';

type Dated = { publishedAt: Date | null; updatedAt: Date };
function presentEditor(d: Awaited<ReturnType<typeof getOrgPathway>>) {
  return {
    ...d,
    createdAt: iso(d.createdAt),
    versions: d.versions.map((v: Dated & (typeof d.versions)[number]) => ({
      ...v,
      publishedAt: isoOrNull(v.publishedAt),
      updatedAt: iso(v.updatedAt),
    })),
  };
}
function presentWalletItem<
  T extends { validFrom: Date | null; validUntil: Date | null; addedAt: Date; statusCheckedAt: Date | null },
>(w: T) {
  return {
    ...w,
    validFrom: isoOrNull(w.validFrom),
    validUntil: isoOrNull(w.validUntil),
    addedAt: iso(w.addedAt),
    statusCheckedAt: isoOrNull(w.statusCheckedAt),
  };
}

const walletBody = z.strictObject({
  verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string().min(1).max(1_000_000)]),
});

export type PathwaysRoutesOptions = { deps: Deps; fetchRemote?: GuardedFetch };

/** Pathway editor (providers), public pathway pages, learner progress and the wallet. */
export const pathwaysRoutes: FastifyPluginAsyncZod<PathwaysRoutesOptions> = async (app, { deps, fetchRemote }) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 1, parts: 2 } });
  const walletOptions = fetchRemote ? { fetchRemote } : {};
  const editorTags = ['Pathways (editor)'];
  const publicTags = ['Pathways'];
  const learnerTags = ['Pathways (learner)'];

  app.get('/api/v1/orgs/:slug/pathways', {
    schema: {
      tags: editorTags,
      summary: 'Pathways of an organisation',
      params: z.object({ slug }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              slug: z.string(),
              name: z.string(),
              publishedVersion: z.number().nullable(),
              hasDraft: z.boolean(),
              learners: z.number().int().describe('Learners on it (joined, or counted toward it)'),
              awarded: z.number().int(),
              createdAt: z.string(),
            }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({
      items: (await listOrgPathways(deps, request.actor, request.params.slug)).map((p) => ({
        ...p,
        createdAt: iso(p.createdAt),
      })),
    }),
  });

  app.post('/api/v1/orgs/:slug/pathways', {
    schema: {
      tags: editorTags,
      summary: 'Create a pathway (its first draft)',
      description:
        'A pathway is an OB 3.0 Achievement plus a requirement tree: `all`, `atLeast` (n of children), `achievement` (a Cairn micro-credential, a Cairn pathway, or an external achievement id with accepted issuer DIDs), `minCpdHours`, `minCredits`, `skills`. Cycles and impossible trees are refused with errors[] by field path.',
      params: z.object({ slug }),
      body: createPathwayBody,
      response: { 201: pathwayDetailSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(presentEditor(await createPathway(deps, request.actor, request.params.slug, request.body))),
  });

  app.get('/api/v1/orgs/:slug/pathways/:id', {
    schema: {
      tags: editorTags,
      summary: 'A pathway with all its versions',
      params: orgPathwayParams,
      response: { 200: pathwayDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentEditor(await getOrgPathway(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.put('/api/v1/orgs/:slug/pathways/:id/draft', {
    schema: {
      tags: editorTags,
      summary: 'Save the draft (starts a new version when every version is published)',
      description: 'Published versions never change; learners keep the version they started on.',
      params: orgPathwayParams,
      body: updateDraftBody,
      response: { 200: pathwayDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentEditor(await saveDraft(deps, request.actor, request.params.slug, request.params.id, request.body)),
  });

  app.post('/api/v1/orgs/:slug/pathways/validate', {
    schema: {
      tags: editorTags,
      summary: 'Check a pathway without saving it',
      params: z.object({ slug }),
      body: updateDraftBody.extend({ pathwayId: uuid.optional() }),
      response: { 200: validationResultSchema, ...problemResponses },
    },
    handler: async (request) => {
      const { pathwayId, ...input } = request.body;
      return validatePathwayInput(deps, request.actor, request.params.slug, pathwayId ?? null, input);
    },
  });

  app.post('/api/v1/orgs/:slug/pathways/:id/publish', {
    schema: {
      tags: editorTags,
      summary: 'Publish the draft: it is frozen from now on',
      description: 'Learners who already hold everything it asks for are awarded in the background, within seconds.',
      params: orgPathwayParams,
      body: z.strictObject({}).optional(),
      response: { 200: pathwayDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentEditor(await publishDraft(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.get('/api/v1/pathways', {
    schema: {
      tags: publicTags,
      summary: 'Published pathways',
      security: [],
      querystring: z.object({
        q: z.string().max(200).optional(),
        provider: slug.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).max(10000).default(0),
      }),
      response: {
        200: z.object({ items: z.array(pathwaySummarySchema), total: z.number().int() }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const { items, total } = await listPublicPathways(deps, request.query);
      return { total, items: items.map((p) => ({ ...p, publishedAt: iso(p.publishedAt) })) };
    },
  });

  app.get('/api/v1/pathways/:id', {
    schema: {
      tags: publicTags,
      summary: 'A published pathway: its map of stones, totals, providers and the qualification it leads to',
      security: [],
      params: z.object({ id: uuid }),
      response: { 200: publicPathwaySchema, ...problemResponses },
    },
    handler: async (request) => {
      const p = await getPublicPathway(deps, request.params.id);
      return { ...p, publishedAt: iso(p.publishedAt) };
    },
  });

  app.get('/pathway-achievements/:versionId', {
    schema: {
      tags: publicTags,
      summary: 'The OB 3.0 Achievement of a published pathway version, at its id URL',
      security: [],
      params: z.object({ versionId: uuid }),
      response: { 200: z.record(z.string(), z.unknown()), ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .type('application/ld+json')
        .header('cache-control', 'public, max-age=300')
        .send(await getPathwayAchievement(deps, request.params.versionId)),
  });

  app.post('/api/v1/pathways/:id/join', {
    schema: {
      tags: learnerTags,
      summary: 'Join a pathway (its newest version)',
      params: z.object({ id: uuid }),
      body: z.strictObject({}).optional(),
      response: { 200: myPathwayDetailSchema, ...problemResponses },
    },
    handler: async (request) => joinPathway(deps, request.actor, request.params.id),
  });

  app.get('/api/v1/me/pathways', {
    schema: {
      tags: learnerTags,
      summary: 'Pathways I joined or already count toward',
      response: { 200: z.object({ items: z.array(myPathwaySchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: await listMyPathways(deps, request.actor) }),
  });

  app.get('/api/v1/me/pathways/:id', {
    schema: {
      tags: learnerTags,
      summary: 'My progress on a pathway: done, left, the cheapest and the shortest way to finish',
      params: z.object({ id: uuid }),
      response: { 200: myPathwayDetailSchema, ...problemResponses },
    },
    handler: async (request) => getMyPathway(deps, request.actor, request.params.id),
  });

  app.get('/api/v1/me/credentials/:id/pathways', {
    schema: {
      tags: learnerTags,
      summary: 'The pathways one of my credentials (or wallet entries) counts toward',
      params: z.object({ id: uuid }),
      response: { 200: z.object({ items: z.array(myPathwaySchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: await pathwaysOfMyCredential(deps, request.actor, request.params.id) }),
  });

  app.get('/api/v1/me/wallet', {
    schema: {
      tags: learnerTags,
      summary: 'Credentials I brought from elsewhere',
      response: { 200: z.object({ items: z.array(walletItemSchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: (await wallet.listWallet(deps, request.actor)).map(presentWalletItem) }),
  });

  app.post('/api/v1/me/wallet', {
    // A JSON credential is parsed on the main thread: keep it to what a credential can be.
    // Files (badge images up to 10 MB) stream through multipart, whose own limit applies.
    bodyLimit: VERIFY_LIMITS.maxBytes + 16 * 1024,
    schema: {
      tags: learnerTags,
      summary: 'Add a credential earned elsewhere (JSON, VC-JWT, or a baked PNG/SVG)',
      description:
        'JSON `{verifiableCredential: object | "<VC-JWT>"}`, or multipart/form-data with one `file` (.json, .jwt, .png, .svg; browsers send `X-Cairn-CSRF: 1`). It must verify and be issued to your email; then it counts toward pathways that accept its achievement and issuer.',
      response: { 201: walletItemSchema.extend({ awardedPathwayIds: z.array(z.string()) }), ...problemResponses },
    },
    handler: async (request, reply) => {
      let credential: wallet.WalletInput;
      if (request.isMultipart()) {
        const file = await request.file();
        if (!file)
          throw new AppError('validation_failed', 'No file was uploaded. Send it in a field named "file".', {
            fields: [{ field: 'file', message: 'Required' }],
          });
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (error) {
          if (file.file.truncated || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('payload_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
          throw error;
        }
        // Read in the verify pool, with the credential: an image is untrusted input too.
        credential = { file: { bytes, filename: file.filename || 'the file' } };
      } else {
        const parsed = walletBody.safeParse(request.body);
        if (!parsed.success) {
          throw new AppError(
            'validation_failed',
            'Send {"verifiableCredential": <the credential JSON or a VC-JWT string>}, or upload a file.',
            {
              fields: parsed.error.issues.map((i) => ({
                field: ['body', ...i.path.map(String)].join('.'),
                message: i.message,
              })),
            },
          );
        }
        credential = parsed.data.verifiableCredential as JsonObject | string;
      }
      const item = await wallet.importWalletCredential(deps, request.actor, credential, walletOptions);
      return reply.status(201).send(presentWalletItem(item));
    },
  });

  app.post('/api/v1/me/wallet/:id/status-check', {
    schema: {
      tags: learnerTags,
      summary: 'Check now whether a wallet credential is still in force',
      description:
        'Reads its issuer’s revocation and suspension lists. A revoked or suspended entry stops counting toward pathways, and pathway credentials that stack it are suspended until it is in force again. Wallet entries are also re-checked in the background every few hours.',
      params: z.object({ id: uuid }),
      body: z.strictObject({}).optional(),
      response: { 200: walletItemSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentWalletItem(
        await walletStatus.recheckMyWalletCredential(deps, request.actor, request.params.id, walletOptions),
      ),
  });

  app.delete('/api/v1/me/wallet/:id', {
    schema: {
      tags: learnerTags,
      summary: 'Remove a credential from my wallet',
      params: z.object({ id: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await wallet.removeWalletCredential(deps, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });
};
