import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { problemResponses, slug, uuid } from '../http/schemas.js';
import {
  cohortInput,
  cohortSummary,
  message,
  messageInput,
  mySpace,
  peer,
  peerProfile,
  peerProfileInput,
  postInput,
  reportInput,
  spaceResponse,
  threadInput,
  threadResponse,
} from './community.schemas.js';
import { readSpace, readThread, replyToThread, startThread } from './use-cases/discussions.js';
import { listMySpaces } from './use-cases/list-my-spaces.js';
import { createCohort, listCohorts, removeCohortMember } from './use-cases/manage-cohorts.js';
import { reportContent, setPostHidden, setThreadHidden, setThreadLock } from './use-cases/moderate-discussion.js';
import {
  getMyPeerProfile,
  listPeers,
  readConversation,
  sendDirectMessage,
  updateMyPeerProfile,
} from './use-cases/peers-and-messages.js';

/** Cohorts, discussions, the peer directory and direct messages. */
export const communityRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Community'];
  const idParams = z.object({ id: uuid });

  app.get('/api/v1/me/community', {
    schema: {
      tags,
      summary: 'My discussions: my cohort (placed on first visit when one has room) or the programme-wide one',
      response: { 200: z.object({ items: z.array(mySpace) }), ...problemResponses },
    },
    handler: async (request) => ({ items: await listMySpaces(deps, request.actor) }),
  });

  app.get('/api/v1/me/peer-profile', {
    schema: { tags, summary: 'My peer directory card', response: { 200: peerProfile, ...problemResponses } },
    handler: async (request) => getMyPeerProfile(deps, request.actor),
  });

  app.put('/api/v1/me/peer-profile', {
    schema: {
      tags,
      summary: 'Choose whether and how I appear in my cohorts’ peer directories',
      body: peerProfileInput,
      response: { 200: peerProfile, ...problemResponses },
    },
    handler: async (request) => updateMyPeerProfile(deps, request.actor, request.body),
  });

  app.get('/api/v1/community/spaces/:id', {
    schema: {
      tags,
      summary: 'A discussion (cohort or programme-wide) with its threads',
      params: idParams,
      response: { 200: spaceResponse, ...problemResponses },
    },
    handler: async (request) => readSpace(deps, request.actor, request.params.id),
  });

  app.post('/api/v1/community/spaces/:id/threads', {
    schema: {
      tags,
      summary: 'Start a thread (Markdown; @Full Name mentions someone in the discussion)',
      params: idParams,
      body: threadInput,
      response: { 201: z.object({ id: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await startThread(deps, request.actor, request.params.id, request.body)),
  });

  app.get('/api/v1/community/spaces/:id/peers', {
    schema: {
      tags,
      summary: 'The peer directory of a discussion: people who chose to be listed',
      params: idParams,
      response: { 200: z.object({ items: z.array(peer) }), ...problemResponses },
    },
    handler: async (request) => ({ items: await listPeers(deps, request.actor, request.params.id) }),
  });

  app.get('/api/v1/community/threads/:id', {
    schema: {
      tags,
      summary: 'A thread with its replies',
      params: idParams,
      response: { 200: threadResponse, ...problemResponses },
    },
    handler: async (request) => readThread(deps, request.actor, request.params.id),
  });

  app.post('/api/v1/community/threads/:id/posts', {
    schema: {
      tags,
      summary: 'Reply in a thread',
      params: idParams,
      body: postInput,
      response: { 201: z.object({ id: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await replyToThread(deps, request.actor, request.params.id, request.body)),
  });

  app.post('/api/v1/community/threads/:id/lock', {
    schema: {
      tags,
      summary: 'Lock or unlock a thread (facilitators and moderators)',
      params: idParams,
      body: z.strictObject({ isLocked: z.boolean() }),
      response: { 200: z.object({ isLocked: z.boolean() }), ...problemResponses },
    },
    handler: async (request) => setThreadLock(deps, request.actor, request.params.id, request.body.isLocked),
  });

  app.post('/api/v1/community/threads/:id/hide', {
    schema: {
      tags,
      summary: 'Hide or show a thread (facilitators and moderators)',
      params: idParams,
      body: z.strictObject({ isHidden: z.boolean() }),
      response: { 200: z.object({ isHidden: z.boolean() }), ...problemResponses },
    },
    handler: async (request) => setThreadHidden(deps, request.actor, request.params.id, request.body.isHidden),
  });

  app.post('/api/v1/community/posts/:id/hide', {
    schema: {
      tags,
      summary: 'Hide or show a reply (facilitators and moderators)',
      params: idParams,
      body: z.strictObject({ isHidden: z.boolean() }),
      response: { 200: z.object({ isHidden: z.boolean() }), ...problemResponses },
    },
    handler: async (request) => setPostHidden(deps, request.actor, request.params.id, request.body.isHidden),
  });

  app.post('/api/v1/community/reports', {
    schema: {
      tags,
      summary: 'Report a thread, reply or message to the discussion’s moderators',
      body: reportInput,
      response: { 200: z.object({ reported: z.literal(true) }), ...problemResponses },
    },
    handler: async (request) => {
      const { reason, threadId, postId, messageId } = request.body;
      const target = threadId ? { threadId } : postId ? { postId } : { messageId: messageId! };
      return reportContent(deps, request.actor, target, reason);
    },
  });

  app.get('/api/v1/community/cohorts/:id/messages', {
    schema: {
      tags,
      summary: 'My direct messages with one person of this cohort',
      params: idParams,
      querystring: z.object({ with: uuid }),
      response: { 200: z.object({ items: z.array(message) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: await readConversation(deps, request.actor, request.params.id, request.query.with),
    }),
  });

  app.post('/api/v1/community/cohorts/:id/messages', {
    schema: {
      tags,
      summary: 'Send a direct message to someone in my cohort',
      params: idParams,
      body: messageInput,
      response: { 201: z.object({ id: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await sendDirectMessage(deps, request.actor, request.params.id, request.body)),
  });

  app.post('/api/v1/community/cohorts/:id/members/:userId/remove', {
    schema: {
      tags,
      summary: 'Remove a learner from a cohort (facilitators and moderators)',
      params: z.object({ id: uuid, userId: uuid }),
      body: z.strictObject({}).optional(),
      response: { 200: z.object({ removed: z.literal(true) }), ...problemResponses },
    },
    handler: async (request) => removeCohortMember(deps, request.actor, request.params.id, request.params.userId),
  });

  app.get('/api/v1/orgs/:slug/microcredentials/:id/cohorts', {
    schema: {
      tags,
      summary: 'Cohorts of one of our programmes',
      params: z.object({ slug, id: uuid }),
      response: { 200: z.object({ items: z.array(cohortSummary) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: await listCohorts(deps, request.actor, request.params.slug, request.params.id),
    }),
  });

  app.post('/api/v1/orgs/:slug/microcredentials/:id/cohorts', {
    schema: {
      tags,
      summary: 'Open a cohort of a cohort-format programme (learners waiting for a cohort are placed in it)',
      params: z.object({ slug, id: uuid }),
      body: cohortInput,
      response: {
        201: z.object({
          id: z.string(),
          placed: z.number().int().meta({ description: 'Learners who were waiting for a cohort and now have a place' }),
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await createCohort(deps, request.actor, request.params.slug, {
          ...request.body,
          microcredentialId: request.params.id,
        }),
      ),
  });
};
