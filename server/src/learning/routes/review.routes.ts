import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { z } from 'zod';
import { iso, problemResponses, slug, timestamp, uuid } from '../../http/schemas.js';
import { getSubmissionForReview, listReviewQueue, readSubmissionFile } from '../use-cases/review-queue.js';
import { reviewSubmission } from '../use-cases/review-submission.js';
import { submissionSchema, rubricView } from './learning.schemas.js';
import { presentSubmission } from './learning-presenters.js';

export const reviewRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const orgTags = ['Assessment'];
  app.get('/api/v1/orgs/:slug/review-queue', {
    schema: {
      tags: orgTags,
      summary: 'Submissions waiting for review, oldest first',
      params: z.object({ slug }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              submittedAt: timestamp,
              attemptNumber: z.number(),
              learner: z.object({ name: z.string() }),
              programme: z.object({ title: z.string() }),
              module: z.object({ id: z.string(), title: z.string() }),
            }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({
      items: (await listReviewQueue(deps, request.actor, request.params.slug)).map((i) => ({
        ...i,
        submittedAt: iso(i.submittedAt),
      })),
    }),
  });

  app.get('/api/v1/orgs/:slug/submissions/:id', {
    schema: {
      tags: orgTags,
      summary: 'A submission with its rubric, for review',
      params: z.object({ slug, id: uuid }),
      response: {
        200: submissionSchema.extend({
          learner: z.object({ name: z.string() }),
          programme: z.object({ title: z.string() }),
          module: z.object({ id: z.string(), title: z.string() }),
          instructions: z.string(),
          rubric: rubricView,
          passPoints: z.number().nullable(),

          maxPoints: z.number(),
          scores: z.record(z.string(), z.string()).nullable(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) =>
      presentSubmission(await getSubmissionForReview(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.get('/api/v1/orgs/:slug/submissions/:id/file', {
    schema: {
      tags: orgTags,
      summary: 'The evidence file of a submission',
      params: z.object({ slug, id: uuid }),
      response: { 200: z.any(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const f = await readSubmissionFile(deps, request.actor, request.params.slug, request.params.id);
      return reply
        .type(f.mediaType)
        .header('content-disposition', `attachment; filename="${f.filename.replace(/[^\w.-]+/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  });

  app.post('/api/v1/orgs/:slug/submissions/:id/review', {
    schema: {
      tags: orgTags,
      summary: 'Score a submission against its rubric; approve or ask for a resubmission',
      params: z.object({ slug, id: uuid }),
      body: z.strictObject({
        scores: z.record(z.string().max(64), z.string().max(64)),
        feedback: z.string().trim().max(10_000).default(''),
        decision: z.enum(['approve', 'resubmit']),
      }),
      response: { 200: submissionSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentSubmission(
        await reviewSubmission(deps, request.actor, request.params.slug, request.params.id, request.body),
      ),
  });
};
