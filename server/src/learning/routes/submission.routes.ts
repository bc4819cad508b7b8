import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import { problemResponses } from '../../http/schemas.js';
import { MAX_EVIDENCE_BYTES } from '../evidence-file.js';
import { submitAssignment, type SubmissionInput } from '../use-cases/submit-assignment.js';
import { submissionSchema, moduleParams } from './learning.schemas.js';
import { presentSubmission } from './learning-presenters.js';

export const submissionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Learning'];
  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/submissions', {
    schema: {
      tags,
      summary: 'Submit evidence for an assignment (JSON, or multipart with a file)',
      description:
        'JSON `{text?, link?}`, or multipart/form-data with `file` and optional `text` and `link` fields (browsers send `X-Cairn-CSRF: 1`).',
      params: moduleParams,
      response: { 201: submissionSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const input: SubmissionInput = {};
      const linkSchema = z.url({ protocol: /^https?$/, message: 'Give a web link starting with https://' }).max(2000);
      const take = (field: 'text' | 'link', value: unknown) => {
        if (typeof value !== 'string' || value.trim() === '') return;
        if (field === 'text') input.text = value.trim().slice(0, 20_000);
        else {
          const parsed = linkSchema.safeParse(value.trim());
          if (!parsed.success)
            throw new AppError('validation_failed', 'The link is not a web address.', {
              fields: [{ field: 'link', message: parsed.error.issues[0]?.message ?? 'Invalid link' }],
            });
          input.link = parsed.data;
        }
      };
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file')
              throw new AppError('validation_failed', 'Send the file in a field named "file".', {
                fields: [{ field: part.fieldname, message: 'Unexpected file field' }],
              });
            let bytes: Buffer;
            try {
              bytes = await part.toBuffer();
            } catch {
              throw new AppError(
                'payload_too_large',
                `The file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB, the most any assignment accepts.`,
              );
            }
            input.file = { filename: part.filename || 'evidence', bytes };
          } else if (part.fieldname === 'text' || part.fieldname === 'link') {
            take(part.fieldname, part.value);
          }
        }
      } else {
        const parsed = z
          .strictObject({ text: z.string().max(20_000).optional(), link: z.string().max(2000).optional() })
          .safeParse(request.body ?? {});
        if (!parsed.success) {
          throw new AppError('validation_failed', 'Send text and/or link.', {
            fields: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
          });
        }
        take('text', parsed.data.text);
        take('link', parsed.data.link);
      }
      const submission = await submitAssignment(deps, request.actor, request.params.id, request.params.moduleId, input);
      return reply.status(201).send(presentSubmission(submission));
    },
  });
};
