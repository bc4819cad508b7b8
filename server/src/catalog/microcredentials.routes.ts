import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { iso, isoOrNull, problemResponses, slug, uuid } from '../http/schemas.js';
import { readMultipart } from '../skills/read-multipart.js';
import { MAX_IMAGE_BYTES } from './images.js';
import {
  createBody,
  imageView,
  microcredentialListItem,
  microcredentialView,
  moduleInput,
  modulePatch,
  moduleView,
  versionPatch,
  versionView,
} from './microcredentials.schemas.js';
import type { ModuleView, VersionView } from './microcredential-view.js';
import { addModule } from './use-cases/add-module.js';
import { createDraftFromPublished } from './use-cases/create-draft-version.js';
import { createMicrocredential } from './use-cases/create-microcredential.js';
import { getMicrocredential } from './use-cases/get-microcredential.js';
import { getVersion } from './use-cases/get-microcredential-version.js';
import { getPublishedAchievement } from './use-cases/get-published-achievement.js';
import { listMicrocredentials } from './use-cases/list-microcredentials.js';
import { publishVersion } from './use-cases/publish-version.js';
import { readImage } from './use-cases/read-image.js';
import { removeModule } from './use-cases/remove-module.js';
import { reorderModules } from './use-cases/reorder-modules.js';
import { updateDraft } from './use-cases/update-draft-version.js';
import { updateModule } from './use-cases/update-module.js';
import { uploadImage } from './use-cases/upload-image.js';

export function presentVersion(v: VersionView) {
  return {
    ...v,
    modules: v.modules.map(presentModule),
    publishedAt: isoOrNull(v.publishedAt),
    createdAt: iso(v.createdAt),
    updatedAt: iso(v.updatedAt),
  };
}
// The activity goes out whole (answers included): only authors read these routes.
const presentModule = (m: ModuleView) => m;

function presentSummary<T extends { publishedAt: Date | null; updatedAt: Date }>(s: T) {
  return { ...s, publishedAt: isoOrNull(s.publishedAt), updatedAt: iso(s.updatedAt) };
}
function presentMicrocredential(m: Awaited<ReturnType<typeof getMicrocredential>>) {
  return {
    ...m,
    versions: m.versions.map(presentSummary),
    current: presentVersion(m.current),
    createdAt: iso(m.createdAt),
  };
}

/** Authoring: micro-credentials, versions, modules, images; and the public Achievement and image URLs. */
export const microcredentialsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart);
  const tags = ['Micro-credentials'];
  const base = '/api/v1/orgs/:slug/microcredentials';
  const mcParams = z.object({ slug, id: uuid });
  const versionParams = mcParams.extend({ versionId: uuid });
  const moduleParams = versionParams.extend({ moduleId: uuid });

  app.post(base, {
    schema: {
      tags,
      summary: 'Create a micro-credential with its first draft (provider organisations; owner, admin or author)',
      params: z.object({ slug }),
      body: createBody,
      response: { 201: microcredentialView, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          presentMicrocredential(await createMicrocredential(deps, request.actor, request.params.slug, request.body)),
        ),
  });

  app.get(base, {
    schema: {
      tags,
      summary: 'Micro-credentials of this organisation, most recently changed first',
      params: z.object({ slug }),
      querystring: z.object({
        status: z
          .enum(['draft', 'published'])
          .optional()
          .meta({ description: 'draft: has a draft; published: has a published version' }),
      }),
      response: { 200: z.object({ items: z.array(microcredentialListItem) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listMicrocredentials(deps, request.actor, request.params.slug, request.query)).map((i) => ({
        ...i,
        latestVersion: presentSummary(i.latestVersion),
        publishedVersion: i.publishedVersion ? presentSummary(i.publishedVersion) : null,
        updatedAt: iso(i.updatedAt),
      })),
    }),
  });

  app.get(`${base}/:id`, {
    schema: {
      tags,
      summary: 'A micro-credential, its versions and its current version (the draft when there is one)',
      params: mcParams,
      response: { 200: microcredentialView, ...problemResponses },
    },
    handler: async (request) =>
      presentMicrocredential(await getMicrocredential(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.get(`${base}/:id/versions/:versionId`, {
    schema: {
      tags,
      summary: 'One version, as authors see it',
      params: versionParams,
      response: { 200: versionView, ...problemResponses },
    },
    handler: async (request) =>
      presentVersion(
        await getVersion(deps, request.actor, request.params.slug, request.params.id, request.params.versionId),
      ),
  });

  app.patch(`${base}/:id/versions/:versionId`, {
    schema: {
      tags,
      summary: 'Change a draft. A published version is frozen: 409',
      params: versionParams,
      body: versionPatch,
      response: { 200: versionView, ...problemResponses },
    },
    handler: async (request) =>
      presentVersion(
        await updateDraft(
          deps,
          request.actor,
          request.params.slug,
          request.params.id,
          request.params.versionId,
          request.body,
        ),
      ),
  });

  app.post(`${base}/:id/versions/:versionId/publish`, {
    schema: {
      tags,
      summary: 'Publish a draft: freezes it, builds its OB 3.0 Achievement and lists it in the catalogue',
      description: 'An incomplete draft answers 400 with one entry in errors[] per missing field.',
      params: versionParams,
      body: z.strictObject({}).optional(),
      response: { 200: versionView, ...problemResponses },
    },
    handler: async (request) =>
      presentVersion(
        await publishVersion(deps, request.actor, request.params.slug, request.params.id, request.params.versionId),
      ),
  });

  app.post(`${base}/:id/drafts`, {
    schema: {
      tags,
      summary: 'Start a new draft version, copied from the latest published one',
      params: mcParams,
      body: z.strictObject({}).optional(),
      response: { 201: versionView, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          presentVersion(await createDraftFromPublished(deps, request.actor, request.params.slug, request.params.id)),
        ),
  });

  app.post(`${base}/:id/versions/:versionId/modules`, {
    schema: {
      tags,
      summary: 'Add a module at the end of a draft',
      params: versionParams,
      body: moduleInput,
      response: { 201: moduleView, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          presentModule(
            await addModule(
              deps,
              request.actor,
              request.params.slug,
              request.params.id,
              request.params.versionId,
              request.body,
            ),
          ),
        ),
  });

  app.patch(`${base}/:id/versions/:versionId/modules/:moduleId`, {
    schema: {
      tags,
      summary: 'Change a module of a draft',
      params: moduleParams,
      body: modulePatch,
      response: { 200: moduleView, ...problemResponses },
    },
    handler: async (request) =>
      presentModule(
        await updateModule(
          deps,
          request.actor,
          request.params.slug,
          request.params.id,
          request.params.versionId,
          request.params.moduleId,
          request.body,
        ),
      ),
  });

  app.delete(`${base}/:id/versions/:versionId/modules/:moduleId`, {
    schema: {
      tags,
      summary: 'Remove a module from a draft',
      params: moduleParams,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await removeModule(
        deps,
        request.actor,
        request.params.slug,
        request.params.id,
        request.params.versionId,
        request.params.moduleId,
      );
      return reply.status(204).send(null);
    },
  });

  app.put(`${base}/:id/versions/:versionId/modules/order`, {
    schema: {
      tags,
      summary: 'Reorder the modules of a draft',
      params: versionParams,
      body: z.strictObject({ moduleIds: z.array(uuid).min(1) }),
      response: { 200: z.object({ items: z.array(moduleView) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (
        await reorderModules(
          deps,
          request.actor,
          request.params.slug,
          request.params.id,
          request.params.versionId,
          request.body.moduleIds,
        )
      ).map(presentModule),
    }),
  });

  app.post('/api/v1/orgs/:slug/images', {
    bodyLimit: MAX_IMAGE_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: 'Upload a programme image (PNG, JPEG or SVG, at most 5 MB)',
      description:
        'multipart/form-data with the image in `file` (browsers send `X-Cairn-CSRF: 1`). The content must match the declared type; raster images are scaled to fit 1024 px and stripped of metadata; SVG is rasterised to a PNG of 1024 px on its longer edge, so the stored image is always PNG or JPEG.',
      params: z.object({ slug }),
      consumes: ['multipart/form-data'],
      response: { 201: imageView, ...problemResponses },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          'Upload the image as multipart/form-data in a field named "file".',
        );
      const { file } = await readMultipart(request, MAX_IMAGE_BYTES);
      if (!file)
        throw new AppError('validation_failed', 'No image was uploaded. Send it in a field named "file".', {
          fields: [{ field: 'file', message: 'Required' }],
        });
      return reply.status(201).send(await uploadImage(deps, request.actor, request.params.slug, file));
    },
  });

  app.get('/api/v1/images/:id', {
    schema: { tags, summary: 'An uploaded image (public)', security: [], params: z.object({ id: uuid }) },
    handler: async (request, reply) => {
      const image = await readImage(deps, request.params.id);
      reply
        .header('cache-control', 'public, max-age=86400, immutable')
        .header('etag', image.etag)
        .header('x-content-type-options', 'nosniff');
      // Uploads are rasterised, so no SVG should be stored; if one ever were, opened directly it must run nothing.
      if (image.mediaType === 'image/svg+xml')
        reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      return reply.type(image.mediaType).send(image.bytes);
    },
  });

  app.get('/achievements/:versionId', {
    schema: {
      tags,
      summary: 'The OB 3.0 Achievement of a published micro-credential version (public)',
      security: [],
      params: z.object({ versionId: uuid }),
      response: { 200: z.record(z.string(), z.unknown()), ...problemResponses },
    },
    handler: async (request) => getPublishedAchievement(deps, request.params.versionId),
  });
};
