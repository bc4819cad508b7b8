import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { z } from 'zod';
import { problemResponses, slug } from '../../http/schemas.js';
import { completeModule } from '../use-cases/complete-module.js';
import { enrolLearner } from '../use-cases/enrol-learner.js';
import { getEnrolment } from '../use-cases/get-enrolment.js';
import { listMyLearning } from '../use-cases/list-my-learning.js';
import { submitQuizAttempt } from '../use-cases/submit-quiz-attempt.js';
import { withdrawEnrolment } from '../use-cases/withdraw-enrolment.js';
import { summarySchema, detailSchema, enrolmentParams, moduleParams } from './learning.schemas.js';
import { presentSummary, presentDetail } from './learning-presenters.js';

export const enrolmentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Learning'];
  app.post('/api/v1/catalog/:providerSlug/:slug/enrol', {
    schema: {
      tags,
      summary: 'Enrol in a published programme (free at once; paid with a voucher)',
      params: z.object({ providerSlug: slug, slug: z.string().min(3).max(80) }),
      body: z.strictObject({ voucherCode: z.string().trim().min(4).max(40).optional() }).optional(),
      response: {
        201: detailSchema.extend({
          cohort: z
            .object({ state: z.enum(['placed', 'waiting', 'removed']), cohortId: z.string().nullable() })
            .nullable()
            .meta({
              description:
                'For a cohort-format programme: the cohort you were placed in, or "waiting" for the next cohort with room (you are placed when one opens). Null for other formats.',
            }),
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const { cohort, ...detail } = await enrolLearner(deps, request.actor, {
        ...request.params,
        ...(request.body?.voucherCode ? { voucherCode: request.body.voucherCode } : {}),
      });
      return reply.status(201).send({ ...presentDetail(detail), cohort });
    },
  });

  app.get('/api/v1/me/learning', {
    schema: {
      tags,
      summary: 'My enrolments: active, completed, withdrawn',
      response: { 200: z.object({ items: z.array(summarySchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: (await listMyLearning(deps, request.actor)).map(presentSummary) }),
  });

  app.get('/api/v1/me/enrolments/:id', {
    schema: {
      tags,
      summary: 'One of my enrolments with its modules and progress',
      params: enrolmentParams,
      response: { 200: detailSchema, ...problemResponses },
    },
    handler: async (request) => presentDetail(await getEnrolment(deps, request.actor, request.params.id)),
  });

  app.post('/api/v1/me/enrolments/:id/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw from a programme',
      params: enrolmentParams,
      body: z.strictObject({}).optional(),
      response: { 200: summarySchema, ...problemResponses },
    },
    handler: async (request) => presentSummary(await withdrawEnrolment(deps, request.actor, request.params.id)),
  });

  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/complete', {
    schema: {
      tags,
      summary: 'Mark a module without an activity as done',
      params: moduleParams,
      body: z.strictObject({}).optional(),
      response: { 200: detailSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentDetail(await completeModule(deps, request.actor, request.params.id, request.params.moduleId)),
  });

  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/quiz-attempts', {
    schema: {
      tags,
      summary: 'Submit a quiz attempt; graded on the server',
      params: moduleParams,
      body: z.strictObject({
        answers: z.record(z.string().max(64), z.union([z.array(z.string().max(64)).max(20), z.number().finite()])),
      }),
      response: {
        201: z.object({
          attemptNumber: z.number(),
          percent: z.number(),
          isPassed: z.boolean(),
          attemptsLeft: z.number().nullable(),
          isLate: z.boolean().meta({ description: 'Submitted after the time limit: scored zero' }),
          answersRevealed: z
            .boolean()
            .meta({ description: 'false: the quiz keeps its answers until a pass or the last attempt' }),
          questions: z.array(
            z.object({
              id: z.string(),
              isCorrect: z.boolean(),
              feedback: z.string().optional(),
              correctOptionIds: z.array(z.string()).optional(),
              answer: z.number().optional(),
            }),
          ),
          enrolment: detailSchema,
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const result = await submitQuizAttempt(
        deps,
        request.actor,
        request.params.id,
        request.params.moduleId,
        request.body.answers,
      );
      return reply.status(201).send({ ...result, enrolment: presentDetail(result.enrolment) });
    },
  });
};
