import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { iso, isoOrNull, problemResponses, timestamp } from '../../http/schemas.js';
import { MAX_SECONDS_PER_REPORT, recordReadingTime } from '../use-cases/record-reading-time.js';
import { startQuizAttempt } from '../use-cases/start-quiz-attempt.js';
import { learnerQuestion, moduleParams } from './learning.schemas.js';

/** Certifying assessment: attempts the server draws and times; time spent reading modules. */
export const assessmentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Learning'];
  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/quiz-attempts/start', {
    schema: {
      tags,
      summary: 'Start (or resume) a quiz attempt: questions drawn from the pool, options shuffled, clock started',
      params: moduleParams,
      body: z.strictObject({}).optional(),
      response: {
        200: z.object({
          attemptId: z.string(),
          attemptNumber: z.number(),
          startedAt: timestamp,
          expiresAt: timestamp.nullable(),
          questions: z.array(learnerQuestion),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const attempt = await startQuizAttempt(deps, request.actor, request.params.id, request.params.moduleId);
      return { ...attempt, startedAt: iso(attempt.startedAt), expiresAt: isoOrNull(attempt.expiresAt) };
    },
  });

  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/time-spent', {
    schema: {
      tags,
      summary: 'Add time spent reading a module (seconds since the last report)',
      params: moduleParams,
      body: z.strictObject({ seconds: z.number().int().min(1).max(MAX_SECONDS_PER_REPORT) }),
      response: { 200: z.object({ moduleId: z.string(), secondsSpent: z.number() }), ...problemResponses },
    },
    handler: async (request) =>
      recordReadingTime(deps, request.actor, request.params.id, request.params.moduleId, request.body.seconds),
  });
};
