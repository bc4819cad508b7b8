import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { problemResponses, slug, timestamp, uuid } from '../http/schemas.js';
import { datesToJson } from './dates-to-json.js';
import { getTeamDashboard } from './use-cases/get-team-dashboard.js';
import {
  assignProgramme,
  listAssignments,
  listSeatBudgets,
  listTeams,
  saveTeam,
  setSeatBudget,
} from './use-cases/manage-assignments.js';
import {
  getProgrammeAudience,
  listMyPrivateProgrammes,
  setProgrammeAudience,
} from './use-cases/manage-private-programmes.js';
import { listMySharing, shareWithEmployer, withdrawSharing } from './use-cases/manage-sharing.js';
import { deleteTeam, getTeam, setTeamMembers } from './use-cases/manage-teams.js';
import {
  assignmentSchema,
  dashboardSchema,
  privateProgrammeSchema,
  seatBudgetSchema,
  shareSchema,
  teamDetailSchema,
  teamSchema,
} from './workforce.schemas.js';

/** Consent to share, assignments, sponsored seats, teams, the dashboard and private programmes. */
export const workforceLearningRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Workforce'];

  app.get('/api/v1/me/sharing', {
    schema: {
      tags,
      summary: 'The employers you belong to and what you share with each',
      response: { 200: z.object({ items: z.array(shareSchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: datesToJson(await listMySharing(deps, request.actor)) }),
  });

  app.put('/api/v1/me/sharing/:orgSlug', {
    schema: {
      tags,
      summary: 'Consent to share your credentials with an employer you belong to: all, or the listed ones',
      params: z.object({ orgSlug: slug }),
      body: z.strictObject({ credentials: z.union([z.literal('all'), z.array(uuid).max(1000)]) }),
      response: { 200: shareSchema, ...problemResponses },
    },
    handler: async (request) =>
      datesToJson(await shareWithEmployer(deps, request.actor, request.params.orgSlug, request.body.credentials)),
  });

  app.delete('/api/v1/me/sharing/:orgSlug', {
    schema: {
      tags,
      summary: 'Withdraw consent: the employer sees nothing of yours from now on',
      params: z.object({ orgSlug: slug }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await withdrawSharing(deps, request.actor, request.params.orgSlug);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/me/private-programmes', {
    schema: {
      tags,
      summary: 'Private programmes your employers have from providers (listed only to their members)',
      response: { 200: z.object({ items: z.array(privateProgrammeSchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: await listMyPrivateProgrammes(deps, request.actor) }),
  });

  app.get('/api/v1/orgs/:slug/microcredentials/:id/audience', {
    schema: {
      tags,
      summary: "Who a programme is for: one employer's members (commissioned training) or everyone",
      params: z.object({ slug, id: uuid }),
      response: {
        200: z.object({
          microcredentialId: z.string(),
          audience: z.object({ slug: z.string(), name: z.string() }).nullable(),
          canChange: z.boolean().meta({ description: 'False once published: the audience is set before then' }),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => getProgrammeAudience(deps, request.actor, request.params.slug, request.params.id),
  });

  app.put('/api/v1/orgs/:slug/microcredentials/:id/audience', {
    schema: {
      tags,
      summary: "Make a programme private to one employer's members (before its first publication), or public",
      params: z.object({ slug, id: uuid }),
      body: z.strictObject({ employerSlug: slug.nullable() }),
      response: {
        200: z.object({
          microcredentialId: z.string(),
          audience: z.object({ slug: z.string(), name: z.string() }).nullable(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) =>
      setProgrammeAudience(deps, request.actor, request.params.slug, request.params.id, request.body.employerSlug),
  });

  app.get('/api/v1/orgs/:slug/assignments', {
    schema: {
      tags,
      summary: 'Programmes assigned to members, with where each stands',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(assignmentSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: datesToJson(await listAssignments(deps, request.actor, request.params.slug)),
    }),
  });

  app.post('/api/v1/orgs/:slug/assignments', {
    schema: {
      tags,
      summary: 'Assign a programme to people or a team with a due date, optionally on sponsored seats',
      params: z.object({ slug }),
      body: z
        .strictObject({
          microcredentialId: uuid,
          userIds: z.array(uuid).max(1000).optional(),
          teamId: uuid.optional(),
          roleId: uuid.optional(),
          dueAt: timestamp,
          isSponsored: z.boolean().default(false),
        })
        .refine((b) => (b.userIds?.length ?? 0) > 0 || b.teamId, {
          message: 'Give userIds or a teamId',
          path: ['userIds'],
        }),
      response: {
        201: z.object({
          programme: z.object({ id: z.string(), title: z.string() }),
          assignments: z.array(z.object({ id: z.string(), userId: z.string() })),
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const { dueAt, userIds, teamId, roleId, ...rest } = request.body;
      const result = await assignProgramme(deps, request.actor, request.params.slug, {
        ...rest,
        dueAt: new Date(dueAt),
        ...(userIds ? { userIds } : {}),
        ...(teamId ? { teamId } : {}),
        ...(roleId ? { roleId } : {}),
      });
      return reply.status(201).send(result);
    },
  });

  app.get('/api/v1/orgs/:slug/seat-budgets', {
    schema: {
      tags,
      summary: 'Sponsored seats per programme: budget, used, and who sponsored which seat for whom',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(seatBudgetSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: datesToJson(await listSeatBudgets(deps, request.actor, request.params.slug)),
    }),
  });

  app.put('/api/v1/orgs/:slug/seat-budgets', {
    schema: {
      tags,
      summary: 'Set the number of seats the employer sponsors on a programme',
      params: z.object({ slug }),
      body: z.strictObject({ microcredentialId: uuid, seats: z.number().int().min(0).max(100_000) }),
      response: { 200: z.object({ items: z.array(seatBudgetSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: datesToJson(await setSeatBudget(deps, request.actor, request.params.slug, request.body)),
    }),
  });

  app.get('/api/v1/orgs/:slug/teams', {
    schema: {
      tags,
      summary: 'Teams',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(teamSchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: await listTeams(deps, request.actor, request.params.slug) }),
  });

  app.post('/api/v1/orgs/:slug/teams', {
    schema: {
      tags,
      summary: 'Create a team of members',
      params: z.object({ slug }),
      body: z.strictObject({ name: z.string().trim().min(1).max(200), userIds: z.array(uuid).max(5000) }),
      response: { 201: teamSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await saveTeam(deps, request.actor, request.params.slug, request.body)),
  });

  app.get('/api/v1/orgs/:slug/teams/:teamId', {
    schema: {
      tags,
      summary: 'One team with its members',
      params: z.object({ slug, teamId: uuid }),
      response: { 200: teamDetailSchema, ...problemResponses },
    },
    handler: async (request) => getTeam(deps, request.actor, request.params.slug, request.params.teamId),
  });

  app.put('/api/v1/orgs/:slug/teams/:teamId/members', {
    schema: {
      tags,
      summary: "Set a team's members (add or remove people); each must be a member of the organisation",
      params: z.object({ slug, teamId: uuid }),
      body: z.strictObject({ userIds: z.array(uuid).max(5000) }),
      response: { 200: teamDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      setTeamMembers(deps, request.actor, request.params.slug, request.params.teamId, request.body.userIds),
  });

  app.delete('/api/v1/orgs/:slug/teams/:teamId', {
    schema: {
      tags,
      summary: 'Delete a team (its members stay in the organisation)',
      params: z.object({ slug, teamId: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteTeam(deps, request.actor, request.params.slug, request.params.teamId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/orgs/:slug/workforce-dashboard', {
    schema: {
      tags,
      summary: 'Team dashboard: assignments over time, skills gained, gap closed per role, members at risk',
      params: z.object({ slug }),
      querystring: z.object({ teamId: uuid.optional() }),
      response: { 200: dashboardSchema, ...problemResponses },
    },
    handler: async (request) =>
      getTeamDashboard(
        deps,
        request.actor,
        request.params.slug,
        request.query.teamId ? { teamId: request.query.teamId } : {},
      ),
  });
};
