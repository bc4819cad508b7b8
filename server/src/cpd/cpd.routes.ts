import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { problemResponses, uuid } from '../http/schemas.js';
import { activityInput, cpdRecordSchema, isoDay, schemeInput, schemeSchema } from './cpd.schemas.js';
import { buildAuditPack } from './use-cases/build-audit-pack.js';
import { getCpdRecord } from './use-cases/get-cpd-record.js';
import {
  deleteCpdActivity,
  logCpdActivity,
  MAX_CPD_EVIDENCE_BYTES,
  uploadCpdEvidence,
} from './use-cases/log-cpd-activity.js';
import { listCpdPresets, setCpdScheme } from './use-cases/manage-cpd-scheme.js';

/** The learner's CPD record: scheme, entries (automatic from credentials, and self-logged), audit pack. */
export const cpdRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_CPD_EVIDENCE_BYTES, files: 1, fields: 0, parts: 1 } });
  const tags = ['CPD'];

  app.get('/api/v1/me/cpd', {
    schema: {
      tags,
      summary: 'My CPD record for a period: target, what counts after caps and carry-over, entries',
      querystring: z.object({ period: z.coerce.number().int().min(1970).max(2200).optional() }),
      response: { 200: cpdRecordSchema, ...problemResponses },
    },
    handler: async (request) => {
      const record = await getCpdRecord(deps, request.actor, request.query.period);
      return {
        scheme: record.scheme,
        period: record.period,
        unit: record.scheme?.unit ?? 'hours',
        target: record.totals.target,
        done: record.totals.done,
        counted: record.totals.counted,
        carriedIn: record.totals.carriedIn,
        isMet: record.totals.isMet,
        byCategory: record.totals.byCategory,
        entries: record.entries.map((e) => ({
          id: e.id,
          date: e.date,
          title: e.title,
          hours: e.hours,
          category: e.category,
          source: e.source,
          ...(e.credentialId ? { credentialId: e.credentialId } : {}),
          ...(e.walletCredentialId ? { walletCredentialId: e.walletCredentialId } : {}),
          evidenceLink: e.evidenceLink,
          evidenceFileName: e.evidenceFileName,
          learned: e.learned,
          application: e.application,
        })),
      };
    },
  });

  app.get('/api/v1/me/cpd/presets', {
    schema: { tags, summary: 'CPD schemes to start from', response: { 200: z.array(schemeSchema) } },
    handler: async () => listCpdPresets(),
  });

  app.put('/api/v1/me/cpd/scheme', {
    schema: {
      tags,
      summary: 'Choose a preset scheme or define my own (name, body, target, period, caps, carry-over)',
      body: schemeInput,
      response: { 200: schemeSchema, ...problemResponses },
    },
    handler: async (request) => setCpdScheme(deps, request.actor, request.body),
  });

  app.post('/api/v1/me/cpd/entries', {
    schema: {
      tags,
      summary: 'Log an activity with its reflection (what I learned, how I will apply it) and evidence',
      body: activityInput,
      response: { 201: z.object({ id: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await logCpdActivity(deps, request.actor, request.body)),
  });

  app.delete('/api/v1/me/cpd/entries/:id', {
    schema: {
      tags,
      summary: 'Delete a self-logged activity',
      params: z.object({ id: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteCpdActivity(deps, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/me/cpd/evidence', {
    schema: {
      tags,
      summary: 'Upload an evidence file (multipart, field "file"); then name its id when logging',
      response: {
        201: z.object({ id: z.string(), filename: z.string(), mediaType: z.string() }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
      const part = await request.file();
      if (part?.fieldname !== 'file')
        throw new AppError('validation_failed', 'Send the file in a field named "file".', {
          fields: [{ field: 'file', message: 'Missing file' }],
        });
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch {
        throw new AppError('payload_too_large', `The file is larger than ${MAX_CPD_EVIDENCE_BYTES / 1024 / 1024} MB.`);
      }
      const saved = await uploadCpdEvidence(deps, request.actor, { filename: part.filename || 'evidence', bytes });
      return reply.status(201).send(saved);
    },
  });

  app.get('/api/v1/me/cpd/audit-pack', {
    schema: {
      tags,
      summary: 'A ZIP for an auditor: PDF summary, CSV of entries, evidence files, each credential as signed',
      querystring: z.object({ from: isoDay, to: isoDay }),
      produces: ['application/zip'],
      response: { 200: z.any().meta({ description: 'application/zip' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const pack = await buildAuditPack(deps, request.actor, request.query);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${pack.filename}"`)
        .header('cache-control', 'no-store')
        .send(pack.stream);
    },
  });
};
