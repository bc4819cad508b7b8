import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { clearSessionCookie, setSessionCookie } from '../http/request-context.js';
import { email, orgSchema, memberRole, presentOrg, presentUser, problemResponses, userSchema } from '../http/schemas.js';
import { listMyMemberships } from '../orgs/orgs.service.js';
import { confirmPasswordReset, getUser, logIn, logOut, requestPasswordReset, signUp } from './identity.service.js';

export type IdentityRoutesOptions = { deps: Deps; authRateLimit: number; onMailQueued: () => void };

const password = z.string().min(1, 'Enter a password').max(256);

export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (app, { deps, authRateLimit, onMailQueued }) => {
  const isSecure = deps.publicUrl.protocol === 'https:';
  const rateLimit = { max: authRateLimit, timeWindow: '1 minute' };
  const tags = ['Identity'];

  app.post('/api/v1/auth/signup', {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Create an account and sign in',
      body: z.strictObject({ email, password, name: z.string().trim().min(1, 'Enter your name').max(200) }),
      response: { 201: z.object({ user: userSchema }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { user, session } = await signUp(deps, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, session.token, { isSecure });
      return reply.status(201).send({ user: presentUser(user) });
    },
  });

  app.post('/api/v1/auth/login', {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Sign in with email and password',
      body: z.strictObject({ email: z.string().max(254), password }),
      response: { 200: z.object({ user: userSchema }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { user, session } = await logIn(deps, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, session.token, { isSecure });
      return { user: presentUser(user) };
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'End this session', response: { 204: z.null(), ...problemResponses } },
    handler: async (request, reply) => {
      if (request.actor.kind === 'user') await logOut(deps, request.actor.sessionId);
      clearSessionCookie(reply, { isSecure });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/auth/session', {
    schema: {
      tags,
      summary: 'The signed-in person and their organisations',
      response: {
        200: z.object({ user: userSchema, memberships: z.array(z.object({ org: orgSchema, role: memberRole })) }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      if (request.actor.kind !== 'user') throw new AppError('unauthenticated', 'You are not signed in.');
      const [user, memberships] = await Promise.all([getUser(deps, request.actor.userId), listMyMemberships(deps, request.actor.userId)]);
      return { user: presentUser(user), memberships: memberships.map((m) => ({ org: presentOrg(m.org), role: m.role })) };
    },
  });

  app.post('/api/v1/auth/password-reset', {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Mail a password reset link',
      description: 'Always answers 202, whether or not the email has an account.',
      body: z.strictObject({ email }),
      response: { 202: z.object({ status: z.literal('queued') }), ...problemResponses },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(deps, request.body);
      onMailQueued();
      return reply.status(202).send({ status: 'queued' as const });
    },
  });

  app.post('/api/v1/auth/password-reset/confirm', {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Set a new password from a reset link',
      body: z.strictObject({ token: z.string().min(1).max(200), password }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await confirmPasswordReset(deps, request.body);
      return reply.status(204).send(null);
    },
  });
};
