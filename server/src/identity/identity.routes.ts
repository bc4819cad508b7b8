import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { clearSessionCookie, setSessionCookie } from '../http/request-context.js';
import {
  email,
  orgSchema,
  memberRole,
  presentOrg,
  presentUser,
  problemResponses,
  userSchema,
} from '../http/schemas.js';
import { isOperatorUser, operatorPolicy, type OperatorPolicy } from '../admin/operators.js';
import { listMyMemberships } from '../orgs/orgs.service.js';
import { createAuthLimits } from './rate-limit.js';
import {
  confirmPasswordReset,
  getUser,
  logIn,
  logOut,
  requestPasswordReset,
  resendEmailVerification,
  signUp,
  verifyEmail,
} from './identity.service.js';

/** `operators`: who may operate the instance (the session says so, for the web app's navigation). */
export type IdentityRoutesOptions = { deps: Deps; authRateLimit: number; operators?: OperatorPolicy };

const password = z.string().min(1, 'Enter a password').max(256);

export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (
  app,
  { deps, authRateLimit, operators = operatorPolicy() },
) => {
  const isSecure = deps.publicUrl.protocol === 'https:';
  const limits = createAuthLimits({ db: deps.db, perMinute: authRateLimit });
  const tags = ['Identity'];

  app.post('/api/v1/auth/signup', {
    ...limits.hooks('signup'),
    schema: {
      tags,
      summary: 'Create an account and sign in',
      body: z.strictObject({ email, password, name: z.string().trim().min(1, 'Enter your name').max(200) }),
      response: { 201: z.object({ user: userSchema }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { user, session } = await signUp(deps, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, session.token, { isSecure });
      return reply.status(201).send({ user: presentUser(user) });
    },
  });

  app.post('/api/v1/auth/login', {
    ...limits.hooks('login'),
    schema: {
      tags,
      summary: 'Sign in with email and password',
      body: z.strictObject({ email: z.string().max(254), password }),
      response: { 200: z.object({ user: userSchema }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { user, session } = await limits.guardLogIn(request.body.email, () =>
        logIn(deps, { ...request.body, userAgent: request.headers['user-agent'] ?? null }),
      );
      setSessionCookie(reply, session.token, { isSecure });
      return { user: presentUser(user) };
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: {
      tags,
      summary: 'End this session',
      body: z.strictObject({}).optional(),
      response: { 204: z.null(), ...problemResponses },
    },
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
      description:
        'Always 200: without a session (or with an expired one, or an API key) `user` is null, so asking "who is signed in?" is never an error.',
      response: {
        200: z.object({
          user: userSchema.nullable(),
          memberships: z.array(z.object({ org: orgSchema, role: memberRole })),
          isOperator: z.boolean().meta({
            description:
              'Operates this Cairn instance (CAIRN_OPERATOR_EMAILS, verified email): may see and retry background jobs',
          }),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      if (request.actor.kind !== 'user') return { user: null, memberships: [], isOperator: false };
      const [user, memberships] = await Promise.all([
        getUser(deps, request.actor.userId),
        listMyMemberships(deps, request.actor.userId),
      ]);
      return {
        user: presentUser(user),
        memberships: memberships.map((m) => ({ org: presentOrg(m.org), role: m.role })),
        isOperator: isOperatorUser(operators, user),
      };
    },
  });

  app.post('/api/v1/auth/verify-email', {
    ...limits.hooks('verify-email'),
    schema: {
      tags,
      summary: 'Confirm an email from the link mailed to it',
      description:
        'Marks the account verified and adds to it every credential already issued to that address. Needs no session: the token is the proof. A link works once and for 24 hours; an invalid, expired or used one answers 400.',
      body: z.strictObject({ token: z.string().min(1).max(200) }),
      response: {
        200: z.object({
          email: z.string(),
          wasVerified: z.boolean().meta({ description: 'The address was already confirmed before this link' }),
          claimedCredentials: z
            .number()
            .int()
            .meta({ description: 'Credentials issued to the address that are now in My credentials' }),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => verifyEmail(deps, request.body),
  });

  app.post('/api/v1/auth/verify-email/resend', {
    ...limits.hooks('verify-email-resend'),
    schema: {
      tags,
      summary: 'Mail a new confirmation link to the signed-in person',
      description:
        'At most one a minute and five an hour per account (429 with Retry-After); 409 when the email is already confirmed.',
      body: z.strictObject({}).optional(),
      response: { 202: z.object({ status: z.literal('queued'), email: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) => {
      if (request.actor.kind !== 'user')
        throw new AppError('unauthenticated', 'Log in to ask for a new confirmation link.');
      const { email: to } = await resendEmailVerification(deps, { userId: request.actor.userId });
      return reply.status(202).send({ status: 'queued' as const, email: to });
    },
  });

  app.post('/api/v1/auth/password-reset', {
    ...limits.hooks('password-reset'),
    schema: {
      tags,
      summary: 'Mail a password reset link',
      description: 'Always answers 202, whether or not the email has an account.',
      body: z.strictObject({ email }),
      response: { 202: z.object({ status: z.literal('queued') }), ...problemResponses },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(deps, request.body);
      return reply.status(202).send({ status: 'queued' as const });
    },
  });

  app.post('/api/v1/auth/password-reset/confirm', {
    ...limits.hooks('password-reset-confirm'),
    schema: {
      tags,
      summary: 'Set a new password from a reset link',
      body: z.strictObject({ token: z.string().min(1).max(200), password }),
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { email: resetEmail } = await confirmPasswordReset(deps, request.body);
      if (resetEmail) await limits.clearLogInBackoff(resetEmail);
      return reply.status(204).send(null);
    },
  });
};
