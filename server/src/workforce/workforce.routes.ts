import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { problemResponses, slug, timestamp, uuid } from '../http/schemas.js';
import { datesToJson } from './dates-to-json.js';
import { getRoleGaps, gapsCsv } from './use-cases/get-role-gaps.js';
import { createRole, deleteRole, getRole, importRolesCsv, listRoles, updateRole } from './use-cases/manage-roles.js';
import { recommendProgrammes } from './use-cases/recommend-programmes.js';
import { listMySelfAssessments, recordManagerAssessment, recordSelfAssessment } from './use-cases/record-assessment.js';
import {
  gapStatus,
  levelSchema,
  recommendationsSchema,
  roleBody,
  roleDetailSchema,
  roleGapsSchema,
  roleSchema,
} from './workforce.schemas.js';

/** Employer routes: role skill profiles, gaps from verified credentials, recommendations, assessments. */
export const workforceRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Workforce'];
  const roleParams = z.object({ slug, roleId: uuid });
  const gapQuery = z.object({
    userId: uuid.optional(),
    teamId: uuid.optional(),
    status: gapStatus.optional().meta({ description: 'Only members with at least one skill in this status' }),
  });
  const filterOf = (q: z.infer<typeof gapQuery>) => ({
    ...(q.userId ? { userId: q.userId } : {}),
    ...(q.teamId ? { teamId: q.teamId } : {}),
    ...(q.status ? { status: q.status } : {}),
  });

  app.get('/api/v1/orgs/:slug/roles', {
    schema: {
      tags,
      summary: 'Role skill profiles: each role with its required skills (level 1-5, essential or optional)',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(roleSchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: datesToJson(await listRoles(deps, request.actor, request.params.slug)) }),
  });

  app.post('/api/v1/orgs/:slug/roles', {
    schema: {
      tags,
      summary: 'Create a role skill profile',
      params: z.object({ slug }),
      body: roleBody.extend({ escoOccupationUri: z.url().max(500).nullable().optional() }),
      response: { 201: roleDetailSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(datesToJson(await createRole(deps, request.actor, request.params.slug, request.body))),
  });

  app.post('/api/v1/orgs/:slug/roles/import', {
    schema: {
      tags,
      summary: 'Import roles from CSV (role,skill,level,essential); levels on a 1-5, 1-8 or 1-100 scale',
      description:
        'A 1-8 scale maps 1-2→1, 3→2, 4→3, 5-6→4, 7-8→5; a 1-100 scale maps 1-20→1 … 81-100→5. All or nothing.',
      params: z.object({ slug }),
      body: z.strictObject({
        csv: z.string().min(1).max(2_000_000),
        scale: z.enum(['1-5', '1-8', '1-100']).default('1-5'),
      }),
      response: {
        200: z.object({
          created: z.number().int(),
          updated: z.number().int(),
          roles: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => importRolesCsv(deps, request.actor, request.params.slug, request.body),
  });

  app.get('/api/v1/orgs/:slug/roles/:roleId', {
    schema: {
      tags,
      summary: 'One role with its versions',
      params: roleParams,
      response: { 200: roleDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      datesToJson(await getRole(deps, request.actor, request.params.slug, request.params.roleId)),
  });

  app.put('/api/v1/orgs/:slug/roles/:roleId', {
    schema: {
      tags,
      summary: 'Save a new version of a role (name, description, required skills)',
      params: roleParams,
      body: roleBody,
      response: { 200: roleDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      datesToJson(await updateRole(deps, request.actor, request.params.slug, request.params.roleId, request.body)),
  });

  app.delete('/api/v1/orgs/:slug/roles/:roleId', {
    schema: { tags, summary: 'Delete a role', params: roleParams, response: { 204: z.null(), ...problemResponses } },
    handler: async (request, reply) => {
      await deleteRole(deps, request.actor, request.params.slug, request.params.roleId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/orgs/:slug/roles/:roleId/gaps', {
    schema: {
      tags,
      summary: 'Skill gaps against a role, from shared credentials that verify now (members who share only)',
      params: roleParams,
      querystring: gapQuery,
      response: { 200: roleGapsSchema, ...problemResponses },
    },
    handler: async (request) =>
      datesToJson(
        await getRoleGaps(deps, request.actor, request.params.slug, request.params.roleId, filterOf(request.query)),
      ),
  });

  app.get('/api/v1/orgs/:slug/roles/:roleId/gaps.csv', {
    schema: {
      tags,
      summary: 'The gap report as CSV (one row per member and skill)',
      params: roleParams,
      querystring: gapQuery,
      produces: ['text/csv'],
      response: { 200: z.any().meta({ description: 'text/csv' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const gaps = await getRoleGaps(
        deps,
        request.actor,
        request.params.slug,
        request.params.roleId,
        filterOf(request.query),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="gaps-${request.params.roleId}.csv"`)
        .send(gapsCsv(gaps));
    },
  });

  app.get('/api/v1/orgs/:slug/roles/:roleId/recommendations', {
    schema: {
      tags,
      summary: 'The cheapest and the shortest set of programmes that closes the gaps',
      params: roleParams,
      querystring: gapQuery,
      response: { 200: recommendationsSchema, ...problemResponses },
    },
    handler: async (request) =>
      recommendProgrammes(deps, request.actor, request.params.slug, request.params.roleId, filterOf(request.query)),
  });

  app.put('/api/v1/orgs/:slug/members/:userId/assessments', {
    schema: {
      tags,
      summary: "Record a manager's assessment of a member's level (kept apart from verified evidence)",
      params: z.object({ slug, userId: uuid }),
      body: z.strictObject({ skillId: uuid, level: levelSchema }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await recordManagerAssessment(deps, request.actor, request.params.slug, request.params.userId, request.body);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/me/assessments/:orgSlug', {
    schema: {
      tags,
      summary: 'Your own assessments of your skills for an employer you belong to (self-assessed, not verified)',
      params: z.object({ orgSlug: slug }),
      response: {
        200: z.object({
          items: z.array(
            z.object({ skillId: z.string(), name: z.string(), level: z.number().int(), assessedAt: timestamp }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({
      items: datesToJson(await listMySelfAssessments(deps, request.actor, request.params.orgSlug)),
    }),
  });

  app.put('/api/v1/me/assessments/:orgSlug', {
    schema: {
      tags,
      summary: 'Record your own assessment of a skill for an employer you belong to',
      params: z.object({ orgSlug: slug }),
      body: z.strictObject({ skillId: uuid, level: levelSchema }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await recordSelfAssessment(deps, request.actor, request.params.orgSlug, request.body);
      return reply.status(204).send(null);
    },
  });
};
