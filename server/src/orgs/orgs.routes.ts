import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import {
  credentialText,
  email,
  iso,
  isoOrNull,
  memberRole,
  orgRole,
  orgSchema,
  presentOrg,
  problemResponses,
  slug,
  timestamp,
  uuid,
} from '../http/schemas.js';
import * as orgs from './orgs.service.js';

export type OrgRoutesOptions = { deps: Deps };

const slugParams = z.object({ slug });
const memberSchema = z
  .object({ userId: z.string(), name: z.string(), email: z.string(), role: memberRole, joinedAt: timestamp })
  .meta({ id: 'Member' });
const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: memberRole,
    expiresAt: timestamp,
    createdAt: timestamp,
    invitedBy: z.string(),
  })
  .meta({ id: 'Invitation' });
const issuerIdentifier = z.enum(['did:web', 'did:key']).meta({
  description: 'What credentials issued with the key are signed as, unless a request sets options.issuerIdentifier',
});
const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: memberRole,
    prefix: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    issuerIdentifier,
  })
  .meta({ id: 'ApiKey' });
const orgDids = z
  .object({
    web: z.string().meta({ description: 'did:web: resolved from this server; its keys rotate' }),
    key: z
      .string()
      .nullable()
      .meta({ description: 'did:key: one dedicated key, never rotated; null until first used or created' }),
  })
  .meta({ id: 'OrganizationIdentifiers' });
const orgRoles = z.array(orgRole).min(1, 'Pick at least one role').max(4);
/** The organisation's name is the issuer name in every credential it signs. */
const orgName = credentialText({ max: 200 });

function presentMember(m: {
  userId: string;
  name: string;
  email: string;
  role: z.infer<typeof memberRole>;
  joinedAt: Date;
}) {
  return { ...m, joinedAt: iso(m.joinedAt) };
}

export const orgRoutes: FastifyPluginAsyncZod<OrgRoutesOptions> = async (app, { deps }) => {
  const tags = ['Organizations'];

  app.post('/api/v1/orgs', {
    schema: {
      tags,
      summary: 'Create an organisation (you become its owner)',
      body: z.strictObject({ name: orgName.min(1, 'Enter a name'), slug, roles: orgRoles }),
      response: { 201: orgSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const org = await orgs.createOrganization(deps, request.actor, request.body);
      return reply.status(201).send(presentOrg(org));
    },
  });

  app.get('/api/v1/orgs/:slug', {
    schema: {
      tags,
      summary: 'An organisation you belong to, with both its issuer identifiers',
      params: slugParams,
      response: { 200: orgSchema.extend({ myRole: memberRole, dids: orgDids }), ...problemResponses },
    },
    handler: async (request) => {
      const org = await orgs.getOrganization(deps, request.actor, request.params.slug);
      return { ...presentOrg(org), myRole: org.myRole, dids: org.dids };
    },
  });

  app.patch('/api/v1/orgs/:slug', {
    schema: {
      tags,
      summary: 'Rename an organisation or change its roles',
      params: slugParams,
      body: z.strictObject({ name: orgName.min(1, 'Enter a name').optional(), roles: orgRoles.optional() }),
      response: { 200: orgSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentOrg(await orgs.updateOrganizationDetails(deps, request.actor, request.params.slug, request.body)),
  });

  app.get('/api/v1/orgs/:slug/members', {
    schema: {
      tags,
      summary: 'Members of an organisation',
      params: slugParams,
      response: { 200: z.object({ items: z.array(memberSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await orgs.listMembers(deps, request.actor, request.params.slug)).map(presentMember),
    }),
  });

  app.patch('/api/v1/orgs/:slug/members/:userId', {
    schema: {
      tags,
      summary: "Change a member's role",
      params: z.object({ slug, userId: uuid }),
      body: z.strictObject({ role: memberRole }),
      response: { 200: memberSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentMember(
        await orgs.changeMemberRole(deps, request.actor, request.params.slug, request.params.userId, request.body.role),
      ),
  });

  app.delete('/api/v1/orgs/:slug/members/:userId', {
    schema: {
      tags,
      summary: 'Remove a member (or leave)',
      params: z.object({ slug, userId: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await orgs.removeMember(deps, request.actor, request.params.slug, request.params.userId);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/orgs/:slug/invitations', {
    schema: {
      tags,
      summary: 'Invite someone by email',
      params: slugParams,
      body: z.strictObject({ email, role: memberRole }),
      response: {
        201: z.object({
          id: z.string(),
          email: z.string(),
          role: memberRole,
          expiresAt: timestamp,
          acceptUrl: z.string(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const inv = await orgs.inviteMember(deps, request.actor, request.params.slug, request.body);
      return reply.status(201).send({ ...inv, expiresAt: iso(inv.expiresAt) });
    },
  });

  app.get('/api/v1/orgs/:slug/invitations', {
    schema: {
      tags,
      summary: 'Pending invitations',
      params: slugParams,
      response: { 200: z.object({ items: z.array(invitationSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await orgs.listInvitations(deps, request.actor, request.params.slug)).map((i) => ({
        ...i,
        expiresAt: iso(i.expiresAt),
        createdAt: iso(i.createdAt),
      })),
    }),
  });

  app.delete('/api/v1/orgs/:slug/invitations/:id', {
    schema: {
      tags,
      summary: 'Withdraw an invitation',
      params: z.object({ slug, id: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await orgs.withdrawInvitation(deps, request.actor, request.params.slug, request.params.id);
      return reply.status(204).send(null);
    },
  });

  const tokenParams = z.object({ token: z.string().min(10).max(200) });
  app.get('/api/v1/invitations/:token', {
    schema: {
      tags,
      summary: 'What an invitation link offers',
      params: tokenParams,
      response: {
        200: z.object({
          orgName: z.string(),
          orgSlug: z.string(),
          role: memberRole,
          email: z.string(),
          expiresAt: timestamp,
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const inv = await orgs.describeInvitation(deps, request.params.token);
      return { ...inv, expiresAt: iso(inv.expiresAt) };
    },
  });

  app.post('/api/v1/invitations/:token/accept', {
    schema: {
      tags,
      summary: 'Accept an invitation as the signed-in person',
      params: tokenParams,
      body: z.strictObject({}).optional(),
      response: { 200: z.object({ org: orgSchema, role: memberRole }), ...problemResponses },
    },
    handler: async (request) => {
      const m = await orgs.acceptInvitation(deps, request.actor, request.params.token);
      return { org: presentOrg(m.org), role: m.role };
    },
  });

  app.post('/api/v1/orgs/:slug/api-keys', {
    schema: {
      tags,
      summary: 'Create an API key (the token is shown once)',
      params: slugParams,
      body: z.strictObject({
        name: z.string().trim().min(1, 'Name the key after what uses it').max(100),
        role: memberRole.optional(),
        issuerIdentifier: issuerIdentifier.optional(),
      }),
      response: {
        201: z.object({
          id: z.string(),
          name: z.string(),
          role: memberRole,
          prefix: z.string(),
          createdAt: timestamp,
          issuerIdentifier,
          token: z.string(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const key = await orgs.createApiKey(deps, request.actor, request.params.slug, request.body);
      return reply.status(201).send({ ...key, createdAt: iso(key.createdAt) });
    },
  });

  app.get('/api/v1/orgs/:slug/api-keys', {
    schema: {
      tags,
      summary: 'API keys of an organisation',
      params: slugParams,
      response: { 200: z.object({ items: z.array(apiKeySchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await orgs.listApiKeys(deps, request.actor, request.params.slug)).map((k) => ({
        ...k,
        createdAt: iso(k.createdAt),
        lastUsedAt: isoOrNull(k.lastUsedAt),
        revokedAt: isoOrNull(k.revokedAt),
      })),
    }),
  });

  app.delete('/api/v1/orgs/:slug/api-keys/:id', {
    schema: {
      tags,
      summary: 'Revoke an API key',
      params: z.object({ slug, id: uuid }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await orgs.revokeApiKey(deps, request.actor, request.params.slug, request.params.id);
      return reply.status(204).send(null);
    },
  });
};
