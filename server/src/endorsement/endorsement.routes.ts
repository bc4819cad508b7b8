import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { iso, isoOrNull, problemResponses, slug, uuid } from '../http/schemas.js';
import type { EndorsementView } from './endorsements-in-force.js';
import {
  commentBody,
  endorseBody,
  endorsementSchema,
  invitationDetailSchema,
  invitationSchema,
  inviteBody,
  partnerPageSchema,
  withdrawBody,
} from './endorsement.schemas.js';
import { endorseSubject } from './use-cases/endorse-subject.js';
import { getPartnerPage, listOwnEndorsements } from './use-cases/list-endorsements.js';
import {
  commentOnCoDevelopment,
  decideCoDevelopment,
  getCoDevelopment,
  inviteCoDeveloper,
  listCoDevelopment,
  type InvitationView,
} from './use-cases/manage-co-development.js';
import { withdrawEndorsement } from './use-cases/withdraw-endorsement.js';

function presentEndorsement(e: EndorsementView) {
  return { ...e, validFrom: iso(e.validFrom), withdrawnAt: isoOrNull(e.withdrawnAt) };
}

function presentInvitation<T extends InvitationView>(i: T) {
  return { ...i, decidedAt: isoOrNull(i.decidedAt), createdAt: iso(i.createdAt), updatedAt: iso(i.updatedAt) };
}

function presentDetail(d: Awaited<ReturnType<typeof getCoDevelopment>>) {
  return { ...presentInvitation(d), comments: d.comments.map((c) => ({ ...c, createdAt: iso(c.createdAt) })) };
}

/** Industry partners: endorsements (signed, withdrawable), their public page, and co-development invitations. */
export const endorsementRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Endorsements'];
  const orgParams = z.object({ slug });

  app.get('/api/v1/orgs/:slug/endorsements', {
    schema: {
      tags,
      summary: 'Endorsements this organisation gave (withdrawn ones too)',
      params: orgParams,
      response: { 200: z.object({ items: z.array(endorsementSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listOwnEndorsements(deps, request.actor, request.params.slug)).map(presentEndorsement),
    }),
  });

  app.post('/api/v1/orgs/:slug/endorsements', {
    schema: {
      tags,
      summary: 'Endorse a provider or a published programme version (signs an OB 3.0 EndorsementCredential)',
      description:
        'The organisation must be an industry partner; owners and admins sign. It cannot endorse itself (422). A second endorsement of the same subject while one is in force answers 409.',
      params: orgParams,
      body: endorseBody,
      response: { 201: endorsementSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const { providerSlug, programmeSlug, versionNumber, comment } = request.body;
      const e = await endorseSubject(deps, request.actor, request.params.slug, {
        providerSlug,
        comment,
        ...(programmeSlug ? { programmeSlug } : {}),
        ...(versionNumber !== undefined ? { versionNumber } : {}),
      });
      return reply.status(201).send(presentEndorsement(e));
    },
  });

  app.post('/api/v1/orgs/:slug/endorsements/:id/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw an endorsement (revokes its credential; credentials that embed it keep verifying)',
      params: z.object({ slug, id: uuid }),
      body: withdrawBody,
      response: { 200: endorsementSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentEndorsement(
        await withdrawEndorsement(deps, request.actor, request.params.slug, request.params.id, request.body),
      ),
  });

  app.get('/api/v1/partners/:slug', {
    schema: {
      tags,
      summary: 'An industry partner’s public page: what it endorses now',
      security: [],
      params: orgParams,
      response: { 200: partnerPageSchema, ...problemResponses },
    },
    handler: async (request) => {
      const page = await getPartnerPage(deps, request.params.slug);
      return { ...page, endorsements: page.endorsements.map(presentEndorsement) };
    },
  });

  app.get('/api/v1/orgs/:slug/co-development', {
    schema: {
      tags,
      summary: 'Co-development invitations this organisation sent (provider) or received (partner)',
      params: orgParams,
      response: { 200: z.object({ items: z.array(invitationSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listCoDevelopment(deps, request.actor, request.params.slug)).map(presentInvitation),
    }),
  });

  app.post('/api/v1/orgs/:slug/co-development', {
    schema: {
      tags,
      summary: 'Invite an industry partner to co-develop one of this provider’s programmes',
      params: orgParams,
      body: inviteBody,
      response: { 201: invitationSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(presentInvitation(await inviteCoDeveloper(deps, request.actor, request.params.slug, request.body))),
  });

  const invitationParams = z.object({ slug, id: uuid });

  app.get('/api/v1/orgs/:slug/co-development/:id', {
    schema: {
      tags,
      summary: 'A co-development invitation with the programme’s newest draft and the comments',
      params: invitationParams,
      response: { 200: invitationDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentDetail(await getCoDevelopment(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.post('/api/v1/orgs/:slug/co-development/:id/comments', {
    schema: {
      tags,
      summary: 'Comment on the draft (either side)',
      params: invitationParams,
      body: commentBody,
      response: { 200: invitationDetailSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentDetail(
        await commentOnCoDevelopment(deps, request.actor, request.params.slug, request.params.id, request.body.body),
      ),
  });

  for (const decision of ['approve', 'decline'] as const) {
    app.post(`/api/v1/orgs/:slug/co-development/:id/${decision}`, {
      schema: {
        tags,
        summary:
          decision === 'approve'
            ? 'The invited partner approves (named as co-developer on the open draft)'
            : 'The invited partner declines',
        params: invitationParams,
        body: z.strictObject({}).optional(),
        response: { 200: invitationDetailSchema, ...problemResponses },
      },
      handler: async (request) =>
        presentDetail(await decideCoDevelopment(deps, request.actor, request.params.slug, request.params.id, decision)),
    });
  }
};
