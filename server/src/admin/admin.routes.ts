import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { iso, isoOrNull, problemResponses, timestamp, uuid } from '../http/schemas.js';
import { getJobsOverview, JOB_STATES, listQueueJobs, retryJob, type JobState } from './jobs.service.js';
import type { OperatorPolicy } from './operators.js';

export type AdminRoutesOptions = { deps: Deps; operators: OperatorPolicy };

const jobState = z.enum(JOB_STATES as [JobState, ...JobState[]]);
const counts = z.object(
  Object.fromEntries(JOB_STATES.map((s) => [s, z.number().int()])) as Record<JobState, z.ZodNumber>,
);
const queueName = z.string().min(1).max(120);

const overviewSchema = z
  .object({
    queues: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        counts,
        deadLetters: z
          .number()
          .int()
          .meta({ description: 'Jobs that used every retry and wait in the dead-letter queue for an operator' }),
        schedule: z
          .string()
          .nullable()
          .meta({ description: 'Cron expression (UTC) of a scheduled queue; null for queues fed by the application' }),
      }),
    ),
    recentFailures: z.array(
      z.object({
        queue: z.string(),
        id: z
          .string()
          .meta({ description: 'The dead letter’s id: retry with POST /api/v1/admin/jobs/{queue}/{id}/retry' }),
        deadLetterQueue: z.string(),
        error: z.string().nullable(),
        failedAt: timestamp,
        retryCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'JobsOverview' });

const jobSchema = z
  .object({
    id: z.string(),
    state: jobState,
    createdAt: timestamp,
    startAfter: timestamp,
    startedAt: timestamp.nullable(),
    completedAt: timestamp.nullable(),
    retryCount: z.number().int(),
    retryLimit: z.number().int(),
    error: z.string().nullable(),
    data: z.unknown(),
  })
  .meta({ id: 'Job' });

/** Instance operations: background jobs, for the operators named in CAIRN_OPERATOR_EMAILS. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, { deps, operators }) => {
  const tags = ['Operations'];

  app.get('/api/v1/admin/jobs', {
    schema: {
      tags,
      summary: 'Background job queues, their counts and the failures waiting for an operator',
      description: 'Instance operators only (CAIRN_OPERATOR_EMAILS): 401 without a session, 403 for anyone else.',
      response: { 200: overviewSchema, ...problemResponses },
    },
    handler: async (request) => {
      const overview = await getJobsOverview(deps, operators, request.actor);
      return {
        queues: overview.queues,
        recentFailures: overview.recentFailures.map((f) => ({ ...f, failedAt: iso(f.failedAt) })),
      };
    },
  });

  app.get('/api/v1/admin/jobs/:queue', {
    schema: {
      tags,
      summary: 'The jobs of one queue (or of its dead-letter queue, `<name>.dead`), newest first',
      params: z.object({ queue: queueName }),
      querystring: z.object({
        state: z
          .string()
          .max(100)
          .transform((v) =>
            v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          )
          .pipe(z.array(jobState))
          .optional()
          .meta({ description: 'Comma-separated states: created, retry, active, completed, cancelled, failed' }),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
      }),
      response: {
        200: z.object({ items: z.array(jobSchema), nextCursor: z.string().nullable() }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const { state, limit, before } = request.query;
      const page = await listQueueJobs(deps, operators, request.actor, {
        queue: request.params.queue,
        states: state ?? [],
        limit,
        ...(before !== undefined ? { before } : {}),
      });
      return {
        items: page.items.map((j) => ({
          ...j,
          createdAt: iso(j.createdAt),
          startAfter: iso(j.startAfter),
          startedAt: isoOrNull(j.startedAt),
          completedAt: isoOrNull(j.completedAt),
        })),
        nextCursor: page.nextCursor,
      };
    },
  });

  app.post('/api/v1/admin/jobs/:queue/:id/retry', {
    schema: {
      tags,
      summary: 'Run a failed job again',
      description:
        'A failed job goes back to its queue with one more attempt; a dead letter (its id under `<name>.dead`, or under the job’s own queue as the failures list gives it) is sent again to its queue. The dead letter is withdrawn in the same transaction, so repeating the request runs nothing twice: it answers `isRetried: false`.',
      params: z.object({ queue: queueName, id: uuid }),
      body: z.strictObject({}).optional(),
      response: {
        200: z.object({
          isRetried: z.boolean(),
          job: z.object({ queue: z.string(), id: z.string(), state: jobState }),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) =>
      retryJob(deps, operators, request.actor, { queue: request.params.queue, id: request.params.id }),
  });
};
