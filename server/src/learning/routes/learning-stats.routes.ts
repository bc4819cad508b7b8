import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { z } from 'zod';
import { problemResponses, slug } from '../../http/schemas.js';
import { getLearningStats } from '../use-cases/get-learning-stats.js';

export const learningStatsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/api/v1/orgs/:slug/learning-stats', {
    schema: {
      tags: ['Learning'],
      summary: 'Enrolment, completion and assessment figures for the provider dashboard',
      params: z.object({ slug }),
      response: {
        200: z.object({
          enrolments: z.number(),
          active: z.number(),
          completed: z.number(),
          withdrawn: z.number(),
          completionRate: z.number().nullable(),
          medianDaysToComplete: z.number().nullable(),
          reviewQueue: z.number(),
          byProgramme: z.array(
            z.object({
              microcredentialId: z.string(),
              title: z.string(),
              enrolments: z.number(),
              completed: z.number(),
            }),
          ),
          quizzes: z.array(
            z.object({
              moduleId: z.string(),
              title: z.string(),
              programme: z.string(),
              attempts: z.number(),
              passRate: z.number(),
            }),
          ),
          enrolmentsByWeek: z.array(z.object({ week: z.string(), enrolments: z.number(), completions: z.number() })),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => getLearningStats(deps, request.actor, request.params.slug),
  });
};
