import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { iso, problemResponses, slug, uuid } from '../http/schemas.js';
import { readMultipart } from './read-multipart.js';
import {
  importBody,
  importResponse,
  frameworkSchema,
  occupationImportBody,
  occupationImportResponse,
  occupationSchema,
  occupationSummarySchema,
  previewBody,
  previewResponse,
  skillSchema,
} from './skills.schemas.js';
import {
  getSkill,
  importSkillFramework,
  listSkillFrameworks,
  previewSkillImport,
  searchSkills,
} from './skills.service.js';
import { getOccupation, importOccupations, searchOccupations } from './occupations.service.js';

/** Largest skills CSV accepted (as JSON text or as an uploaded file). */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/** The CSV and options from a JSON body or a multipart upload (field `file`). */
async function readImportInput<T extends z.ZodType>(request: FastifyRequest, schema: T): Promise<z.infer<T>> {
  let raw: unknown = request.body;
  if (request.isMultipart()) {
    const { fields, file } = await readMultipart(request, MAX_CSV_BYTES);
    if (!file)
      throw new AppError('validation_failed', 'No file was uploaded. Send the CSV in a field named "file".', {
        fields: [{ field: 'file', message: 'Required' }],
      });
    raw = { ...fields, csv: file.bytes.toString('utf8') };
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
    throw new AppError(
      'validation_failed',
      `Check these fields and try again: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`,
      { fields },
    );
  }
  return parsed.data;
}

export const skillsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart);
  const tags = ['Skills'];

  app.get('/api/v1/skills', {
    schema: {
      tags,
      summary: 'Search skills: the starter framework and the frameworks of your organisations',
      security: [],
      querystring: z.object({
        q: z.string().trim().max(200).optional(),
        framework: uuid.optional().meta({ description: 'Only skills of this framework' }),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: { 200: z.object({ items: z.array(skillSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: await searchSkills(deps, request.actor, {
        ...(request.query.q ? { q: request.query.q } : {}),
        ...(request.query.framework ? { frameworkId: request.query.framework } : {}),
        limit: request.query.limit,
      }),
    }),
  });

  // Registered before /skills/:id for readers; Fastify matches the static segment first anyway.
  app.get('/api/v1/skills/occupations', {
    schema: {
      tags,
      summary: 'Search occupations (ESCO occupations imported with a skill framework)',
      description:
        'Occupations of ESCO frameworks are public reference data, as ESCO publishes them; others only to their organisation. The same ESCO occupation imported by several organisations is listed once.',
      security: [],
      querystring: z.object({
        q: z.string().trim().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(occupationSummarySchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: await searchOccupations(deps, request.actor, {
        ...(request.query.q ? { q: request.query.q } : {}),
        limit: request.query.limit,
      }),
    }),
  });

  app.get('/api/v1/skills/occupations/:id', {
    schema: {
      tags,
      summary: 'One occupation and the skills it asks for (essential first)',
      security: [],
      params: z.object({ id: uuid }),
      response: { 200: occupationSchema, ...problemResponses },
    },
    handler: async (request) => {
      const { id, uri, title, description, skills } = await getOccupation(deps, request.actor, request.params.id);
      return { id, uri, title, description, skills };
    },
  });

  app.get('/api/v1/skills/:id', {
    schema: {
      tags,
      summary: 'One skill (the targetUrl of Achievement alignments)',
      security: [],
      params: z.object({ id: uuid }),
      response: { 200: skillSchema, ...problemResponses },
    },
    handler: async (request) => getSkill(deps, request.actor, request.params.id),
  });

  app.get('/api/v1/orgs/:slug/skill-frameworks', {
    schema: {
      tags,
      summary: 'Skill frameworks this organisation can align to (the starter framework first)',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(frameworkSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listSkillFrameworks(deps, request.actor, request.params.slug)).map((f) => ({
        ...f,
        createdAt: iso(f.createdAt),
        updatedAt: iso(f.updatedAt),
      })),
    }),
  });

  const uploadNote =
    'Send JSON `{csv, …}` or multipart/form-data with the file in `file` and the other fields beside it (browsers add `X-Cairn-CSRF: 1`). At most 16 MB and 50,000 skills.';
  app.post('/api/v1/orgs/:slug/skill-frameworks/import/preview', {
    bodyLimit: MAX_CSV_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: 'Parse and validate a skills CSV (ESCO, O*NET or Cairn shape); writes nothing',
      description: `${uploadNote} Body: ${JSON.stringify(z.toJSONSchema(previewBody))}`,
      params: z.object({ slug }),
      response: { 200: previewResponse, ...problemResponses },
    },
    handler: async (request) =>
      previewSkillImport(deps, request.actor, request.params.slug, await readImportInput(request, previewBody)),
  });

  app.post('/api/v1/orgs/:slug/skill-frameworks/import', {
    bodyLimit: MAX_CSV_BYTES + 64 * 1024,
    schema: {
      tags,
      summary:
        'Import a skills CSV into a framework of this organisation (one transaction; idempotent by framework name and code)',
      description: `${uploadNote} Body: ${JSON.stringify(z.toJSONSchema(importBody))}`,
      params: z.object({ slug }),
      response: { 200: importResponse, ...problemResponses },
    },
    handler: async (request) =>
      importSkillFramework(deps, request.actor, request.params.slug, await readImportInput(request, importBody)),
  });

  app.post('/api/v1/orgs/:slug/skill-frameworks/import/occupations', {
    bodyLimit: 4 * MAX_CSV_BYTES,
    schema: {
      tags,
      summary:
        "Import ESCO occupations and their essential/optional skills into a framework that holds ESCO's skills (one transaction; idempotent by URI)",
      description:
        'Import the ESCO skills (skills_en.csv) into the framework first. The relations file replaces the skills of every occupation it names; a relation to a skill or occupation the framework does not hold refuses the whole import, naming its line. Occupations of an ESCO framework become public reference data.',
      params: z.object({ slug }),
      body: occupationImportBody,
      response: { 200: occupationImportResponse, ...problemResponses },
    },
    handler: async (request) => importOccupations(deps, request.actor, request.params.slug, request.body),
  });
};
