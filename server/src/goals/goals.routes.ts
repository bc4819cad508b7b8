import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { iso, problemResponses, uuid } from '../http/schemas.js';
import { createGoal, deleteGoal, listGoals } from './use-cases/manage-goals.js';
import { planGoal } from './use-cases/plan-goal.js';
import type { GoalRow } from './stores/goals.store.js';

const money = z.object({ amountMinor: z.number(), currency: z.string() });

const goalSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['role', 'pathway', 'skills']),
    ref: z.string(),
    title: z.string(),
    skillIds: z.array(z.string()),
    targetDate: z.string().nullable(),
    weeklyHours: z.number().nullable(),
    wantsNudges: z.boolean(),
    occupationId: z.string().nullable().meta({ description: 'The occupation a skills goal was started from' }),
    createdAt: z.string(),
  })
  .meta({ id: 'LearnerGoal' });

const presentGoal = (g: GoalRow) => ({ ...g, createdAt: iso(g.createdAt) });

const planSchema = z
  .object({
    goal: goalSchema,
    required: z.array(z.object({ id: z.string(), name: z.string(), isHeld: z.boolean() })),
    gap: z.array(z.object({ id: z.string(), name: z.string() })),
    steps: z.array(
      z.object({
        kind: z.enum(['programme', 'pathway']),
        id: z.string(),
        name: z.string(),
        slug: z.string().nullable(),
        providerSlug: z.string().nullable(),
        cost: money.nullable(),
        hours: z.number(),
        cpdHours: z.number(),
        durationWeeks: z.number().nullable(),
        language: z.string().nullable(),
        covers: z.array(z.string()),
        enrolment: z.object({ id: z.string(), status: z.string() }).nullable(),
      }),
    ),
    uncovered: z.array(z.object({ id: z.string(), name: z.string() })),
    totals: z.object({
      cost: z.array(money).meta({ description: 'One total per currency; never summed across currencies' }),
      converted: money.nullable().meta({ description: 'Only with ?currency= and operator-set rates for every step' }),
      rateNote: z.string().nullable(),
      hours: z.number(),
      cpdHours: z.number(),
    }),
    schedule: z.object({
      weeks: z.array(
        z.object({
          week: z.number(),
          startsOn: z.string(),
          items: z.array(z.object({ id: z.string(), name: z.string(), hours: z.number() })),
        }),
      ),
      finishesOn: z.string().nullable(),
      feasible: z.boolean(),
      reason: z.string().nullable(),
      hoursNeededPerWeek: z.number().nullable(),
    }),
    feasible: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'GoalPlan' });

/** A learner's goals and the plan for each. */
export const goalsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Goals'];

  app.post('/api/v1/me/goals', {
    schema: {
      tags,
      summary: 'Set a goal: a role profile open to me, a published pathway, or skills',
      body: z
        .strictObject({
          kind: z.enum(['role', 'pathway', 'skills']),
          ref: z
            .union([z.string().max(64), z.array(uuid).max(100)])
            .optional()
            .meta({ description: 'The role or pathway id; for skills, the array of skill ids' }),
          skillIds: z.array(uuid).max(100).optional(),
          targetDate: z.iso.date().optional(),
          weeklyHours: z.number().positive().max(80).optional(),
          wantsNudges: z.boolean().optional(),
          occupationId: uuid.optional().meta({
            description:
              'Start a skills goal from an occupation (GET /api/v1/skills/occupations): its title names the goal; its essential skills are the goal unless ref lists skills',
          }),
        })
        .meta({ id: 'NewGoal' }),
      response: { 201: z.object({ id: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { ref, skillIds, ...rest } = request.body;
      const created = await createGoal(deps, request.actor, {
        ...rest,
        ref: typeof ref === 'string' ? ref : undefined,
        skillIds: skillIds ?? (Array.isArray(ref) ? ref : undefined),
      });
      return reply.status(201).send(created);
    },
  });

  app.get('/api/v1/me/goals', {
    schema: { tags, summary: 'My goals', response: { 200: z.array(goalSchema), ...problemResponses } },
    handler: async (request) => (await listGoals(deps, request.actor)).map(presentGoal),
  });

  app.delete('/api/v1/me/goals/:id', {
    schema: {
      tags,
      summary: 'Delete a goal',
      params: z.object({ id: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteGoal(deps, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/me/goals/:id/plan', {
    schema: {
      tags,
      summary: 'The plan for a goal: gap from my verified credentials, steps, totals, a week-by-week schedule',
      params: z.object({ id: uuid }),
      querystring: z.object({
        optimise: z.enum(['cost', 'time']).default('cost'),
        language: z
          .string()
          .regex(/^[a-z]{2,3}$/)
          .optional(),
        accreditedOnly: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true'),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
      }),
      response: { 200: planSchema, ...problemResponses },
    },
    handler: async (request) => {
      const plan = await planGoal(deps, request.actor, request.params.id, request.query);
      return { ...plan, goal: presentGoal(plan.goal) };
    },
  });
};
