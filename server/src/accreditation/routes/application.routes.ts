import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { problemResponses, slug, uuid } from '../../http/schemas.js';
import { decideApplication } from '../use-cases/decide-application.js';
import {
  commentOnApplication,
  getApplication,
  getApplicationEvidenceFile,
  listApplications,
  recordReviewCheck,
  requestInformation,
} from '../use-cases/review-application.js';
import {
  addApplicationEvidence,
  answerInformationRequest,
  MAX_APPLICATION_EVIDENCE_BYTES,
  submitApplication,
  type EvidenceUpload,
} from '../use-cases/submit-application.js';
import {
  applicationInput,
  applicationSchema,
  applicationSummarySchema,
  checkInput,
  decisionInput,
  messageInput,
  presentApplicationJson,
} from './accreditation.schemas.js';

export const applicationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Accreditation'];
  const base = '/api/v1/orgs/:slug/accreditation/applications';
  const one = z.object({ slug, id: uuid });
  const detail = { 200: applicationSchema, ...problemResponses };

  app.get(base, {
    schema: {
      tags,
      summary: 'Applications received (accrediting body) or sent (provider)',
      params: z.object({ slug }),
      querystring: z.object({ side: z.enum(['received', 'sent']).default('received') }),
      response: { 200: z.object({ items: z.array(applicationSummarySchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listApplications(deps, request.actor, request.params.slug, request.query.side)).map((a) => ({
        ...a,
        state: a.state as 'submitted',
        decision: a.decision as 'accredited' | null,
        subjectType: a.subjectType as 'organization',
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
      })),
    }),
  });
  app.post(base, {
    schema: {
      tags,
      summary: 'Apply to a scheme for the organisation or for named programmes',
      params: z.object({ slug }),
      body: applicationInput,
      response: { 201: applicationSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(presentApplicationJson(await submitApplication(deps, request.actor, request.params.slug, request.body))),
  });
  app.get(`${base}/:id`, {
    schema: {
      tags,
      summary: 'One application, for its accrediting body or its provider',
      params: one,
      response: detail,
    },
    handler: async (request) =>
      presentApplicationJson(await getApplication(deps, request.actor, request.params.slug, request.params.id)),
  });
  app.post(`${base}/:id/evidence`, {
    schema: {
      tags,
      summary: 'Add an evidence file (multipart: `file`, optional `evidenceItem`)',
      description:
        'multipart/form-data with `file` and optionally `evidenceItem` (which required evidence item it answers).',
      params: one,
      response: { 201: applicationSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
      let file: { filename: string; bytes: Buffer } | undefined;
      let evidenceItem: string | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file')
            throw new AppError('validation_failed', 'Send the file in a field named "file".', {
              fields: [{ field: part.fieldname, message: 'Unexpected file field' }],
            });
          try {
            file = { filename: part.filename || 'evidence', bytes: await part.toBuffer() };
          } catch {
            throw new AppError(
              'payload_too_large',
              `The file is larger than ${MAX_APPLICATION_EVIDENCE_BYTES / 1024 / 1024} MB.`,
            );
          }
        } else if (part.fieldname === 'evidenceItem' && typeof part.value === 'string' && part.value.trim() !== '') {
          evidenceItem = part.value.trim().slice(0, 300);
        }
      }
      if (!file)
        throw new AppError('validation_failed', 'Attach a file.', { fields: [{ field: 'file', message: 'Required' }] });
      const upload: EvidenceUpload = { ...file, evidenceItem };
      const detail = await addApplicationEvidence(deps, request.actor, request.params.slug, request.params.id, upload);
      return reply.status(201).send(presentApplicationJson(detail));
    },
  });
  app.get(`${base}/:id/evidence/:fileId`, {
    schema: {
      tags,
      summary: 'Download an evidence file of an application',
      params: one.extend({ fileId: uuid }),
      response: { 200: z.any(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const file = await getApplicationEvidenceFile(
        deps,
        request.actor,
        request.params.slug,
        request.params.id,
        request.params.fileId,
      );
      return reply
        .header('content-type', file.media_type)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.bytes));
    },
  });
  app.post(`${base}/:id/comments`, {
    schema: {
      tags,
      summary: 'Comment on an application (either side)',
      params: one,
      body: messageInput,
      response: detail,
    },
    handler: async (request) =>
      presentApplicationJson(
        await commentOnApplication(deps, request.actor, request.params.slug, request.params.id, request.body.body),
      ),
  });
  app.post(`${base}/:id/information-requests`, {
    schema: {
      tags,
      summary: 'Ask the provider for more information (accrediting body)',
      params: one,
      body: messageInput,
      response: detail,
    },
    handler: async (request) =>
      presentApplicationJson(
        await requestInformation(deps, request.actor, request.params.slug, request.params.id, request.body.body),
      ),
  });
  app.post(`${base}/:id/answers`, {
    schema: {
      tags,
      summary: 'Answer a request for information (provider); the application returns for review',
      params: one,
      body: messageInput,
      response: detail,
    },
    handler: async (request) =>
      presentApplicationJson(
        await answerInformationRequest(deps, request.actor, request.params.slug, request.params.id, request.body.body),
      ),
  });
  app.put(`${base}/:id/checks`, {
    schema: {
      tags,
      summary: 'Record the review of one criterion of the checklist (accrediting body)',
      params: one,
      body: checkInput,
      response: detail,
    },
    handler: async (request) =>
      presentApplicationJson(
        await recordReviewCheck(deps, request.actor, request.params.slug, request.params.id, request.body),
      ),
  });
  app.post(`${base}/:id/decision`, {
    schema: {
      tags,
      summary: 'Decide: candidate, accredited or refused, with reasons; issues the signed accreditation',
      description:
        "Repeating the same decision returns it unchanged; a programme outside the scheme's scope is refused with 422 naming the limit.",
      params: one,
      body: decisionInput,
      response: detail,
    },
    handler: async (request) =>
      presentApplicationJson(
        await decideApplication(deps, request.actor, request.params.slug, request.params.id, request.body),
      ),
  });
};
