import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_IMAGE_BYTES } from '../catalog/images.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { credentialText, iso, isoOrNull, problemResponses, timestamp, uuid } from '../http/schemas.js';
import { buildResume } from './use-cases/build-resume.js';
import { getPublicProfile } from './use-cases/get-public-profile.js';
import { getMyProfile, updateMyProfile } from './use-cases/manage-my-profile.js';
import { readProfilePhoto, removeMyProfilePhoto, setMyProfilePhoto } from './use-cases/manage-profile-photo.js';
import { createShareLink, listMyShareLinks, openShareLink, withdrawShareLink } from './use-cases/manage-share-links.js';
import { readMultipart } from '../skills/read-multipart.js';

const handle = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/,
    'A handle is 3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or digit',
  );
const lifecycle = z.enum(['active', 'revoked', 'suspended', 'expired']);

const myProfileSchema = z
  .object({
    handle: z.string().nullable(),
    isPublic: z.boolean(),
    isNameShown: z.boolean(),
    isCpdShown: z.boolean(),
    headline: z.string(),
    photoUrl: z.string().nullable(),
    credentialIds: z.array(z.string()),
    url: z.string().nullable(),
  })
  .meta({ id: 'MyProfile' });

const cpdSummarySchema = z
  .object({
    schemeName: z.string().nullable(),
    unit: z.enum(['hours', 'points']),
    period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
    target: z.number().nullable().meta({ description: 'null when the learner has chosen no CPD scheme' }),
    done: z.number(),
    isMet: z.boolean().nullable(),
    byCategory: z.array(z.object({ category: z.enum(['structured', 'self-directed']), counted: z.number() })),
  })
  .meta({ id: 'ProfileCpdSummary' });

const publicProfileSchema = z
  .object({
    handle: z.string(),
    name: z.string(),
    headline: z.string(),
    isPublic: z.boolean(),
    isOwner: z.boolean(),
    photoUrl: z.string().nullable(),
    cpd: cpdSummarySchema
      .nullable()
      .meta({ description: "The current CPD period's totals, when the learner chose to show them" }),
    credentials: z.array(
      z.object({
        id: z.string(),
        credentialUrl: z.string(),
        pageUrl: z.string(),
        badgeUrl: z.string(),
        achievementName: z.string(),
        achievementType: z.string().nullable(),
        issuerName: z.string(),
        isPathway: z.boolean(),
        issuedAt: timestamp,
        validUntil: timestamp.nullable(),
        status: lifecycle,
        verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string()]),
        skills: z.array(z.string()),
      }),
    ),
    skills: z.array(z.object({ name: z.string(), url: z.string().nullable(), evidence: z.array(z.string()) })),
  })
  .meta({ id: 'PublicProfile' });

const shareLinkSchema = z
  .object({
    id: z.string(),
    credentialId: z.string().nullable(),
    achievementName: z.string().nullable(),
    expiresAt: timestamp.nullable(),
    viewCount: z.number().int(),
    createdAt: timestamp,
    isLive: z.boolean(),
  })
  .meta({ id: 'ShareLink' });

const resumeQuery = z.object({
  include: z
    .string()
    .max(20_000)
    .optional()
    .meta({ description: 'Comma-separated credential ids to put in; omitted, all credentials in force' }),
});
const includeList = (include: string | undefined) =>
  include === undefined
    ? undefined
    : include
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** Learners' public profiles, share links and CV export. */
export const profilesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart);
  const tags = ['Profiles'];

  app.get('/api/v1/me/profile', {
    schema: { tags, summary: 'My public profile settings', response: { 200: myProfileSchema, ...problemResponses } },
    handler: async (request) => getMyProfile(deps, request.actor),
  });

  app.put('/api/v1/me/profile', {
    schema: {
      tags,
      summary: 'Save my public profile (off by default)',
      body: z.strictObject({
        handle,
        isPublic: z.boolean(),
        isNameShown: z.boolean().meta({ description: 'Show "Issued to {name}" on the public pages of my credentials' }),
        isCpdShown: z
          .boolean()
          .optional()
          .meta({ description: "Show the current period's CPD summary on my profile; left out, unchanged" }),
        headline: credentialText({ max: 160 }),
        credentialIds: z.array(uuid).max(200),
      }),
      response: { 200: myProfileSchema, ...problemResponses },
    },
    handler: async (request) => updateMyProfile(deps, request.actor, request.body),
  });

  app.put('/api/v1/me/profile/photo', {
    bodyLimit: MAX_IMAGE_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: 'Set my profile photo (PNG or JPEG, at most 5 MB)',
      description:
        'multipart/form-data with the image in `file` (browsers send `X-Cairn-CSRF: 1`). The content must match the declared type; it is stripped of metadata and scaled to fit 1024 px. The profile must have been saved first.',
      consumes: ['multipart/form-data'],
      response: { 200: myProfileSchema, ...problemResponses },
    },
    handler: async (request) => {
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          'Upload the photo as multipart/form-data in a field named "file".',
        );
      const { file } = await readMultipart(request, MAX_IMAGE_BYTES);
      if (!file)
        throw new AppError('validation_failed', 'No photo was uploaded. Send it in a field named "file".', {
          fields: [{ field: 'file', message: 'Required' }],
        });
      return setMyProfilePhoto(deps, request.actor, file);
    },
  });

  app.delete('/api/v1/me/profile/photo', {
    schema: { tags, summary: 'Remove my profile photo', response: { 200: myProfileSchema, ...problemResponses } },
    handler: async (request) => removeMyProfilePhoto(deps, request.actor),
  });

  app.get('/api/v1/profiles/:handle/photo', {
    schema: {
      tags,
      summary: "A profile's photo (404 when the profile is private, except to its owner or through a share link)",
      params: z.object({ handle: z.string().max(60) }),
      querystring: z.object({ share: z.string().max(100).optional(), v: z.string().max(20).optional() }),
    },
    handler: async (request, reply) => {
      const photo = await readProfilePhoto(
        deps,
        request.actor,
        request.params.handle.toLowerCase(),
        request.query.share,
      );
      // Private: the profile can turn private at any time, so no shared cache may keep the photo.
      return reply
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .type(photo.mediaType)
        .send(photo.bytes);
    },
  });

  app.get('/api/v1/profiles/:handle', {
    schema: {
      tags,
      summary: 'A public profile (404 when private, except to its owner or through a share link)',
      params: z.object({ handle: z.string().max(60) }),
      querystring: z.object({ share: z.string().max(100).optional() }),
      response: { 200: publicProfileSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'private, no-cache');
      const profile = await getPublicProfile(
        deps,
        request.actor,
        request.params.handle.toLowerCase(),
        request.query.share,
      );
      return {
        ...profile,
        credentials: profile.credentials.map((c) => ({
          ...c,
          issuedAt: iso(c.issuedAt),
          validUntil: isoOrNull(c.validUntil),
        })),
      };
    },
  });

  app.get('/api/v1/me/share-links', {
    schema: {
      tags,
      summary: 'My share links, with their view counts',
      response: { 200: z.object({ items: z.array(shareLinkSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listMyShareLinks(deps, request.actor)).map((l) => ({
        ...l,
        expiresAt: isoOrNull(l.expiresAt),
        createdAt: iso(l.createdAt),
      })),
    }),
  });

  app.post('/api/v1/me/share-links', {
    schema: {
      tags,
      summary: 'Share my profile or one credential by a link (its URL is shown once)',
      body: z.strictObject({
        credentialId: uuid.nullable().default(null),
        expiresAt: timestamp.nullable().default(null),
      }),
      response: {
        201: z.object({
          id: z.string(),
          url: z.string(),
          credentialId: z.string().nullable(),
          expiresAt: timestamp.nullable(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const link = await createShareLink(deps, request.actor, {
        credentialId: request.body.credentialId,
        expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
      });
      return reply.status(201).send({ ...link, expiresAt: isoOrNull(link.expiresAt) });
    },
  });

  app.delete('/api/v1/me/share-links/:id', {
    schema: {
      tags,
      summary: 'Withdraw a share link',
      params: z.object({ id: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await withdrawShareLink(deps, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/share-links/:token/open', {
    schema: {
      tags,
      summary: 'Open a share link: counts the view and says where it leads',
      params: z.object({ token: z.string().min(10).max(100) }),
      body: z.strictObject({}),
      response: {
        200: z.object({
          kind: z.enum(['profile', 'credential']),
          handle: z.string().nullable(),
          credentialId: z.string().nullable(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => openShareLink(deps, request.params.token),
  });

  app.get('/api/v1/me/resume.json', {
    schema: {
      tags,
      summary: 'My CV as JSON Resume (certificates, pathways as education, evidenced skills)',
      querystring: resumeQuery,
      response: { 200: z.record(z.string(), z.unknown()), ...problemResponses },
    },
    handler: async (request, reply) => {
      const resume = await buildResume(deps, request.actor, includeList(request.query.include));
      return reply.header('cache-control', 'private, no-store').send(resume);
    },
  });

  app.get('/api/v1/me/resume.pdf', {
    schema: {
      tags,
      summary: 'My CV as a PDF, built from the same JSON Resume',
      querystring: resumeQuery.extend({ size: z.enum(['a4', 'letter']).default('a4') }),
      response: { 200: z.any(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const resume = await buildResume(deps, request.actor, includeList(request.query.include));
      // pdf-lib loads with the first PDF, not with the server.
      const { renderResumePdf } = await import('./resume-pdf.js');
      const pdf = await renderResumePdf(resume, request.query.size);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="cv.pdf"')
        .send(Buffer.from(pdf));
    },
  });
};
