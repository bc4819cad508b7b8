import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import { OneLineRequestLog } from './http/request-log.js';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from './deps.js';
import { AppError } from './http/app-error.js';
import {
  registerParamGuard,
  registerProblemHandler,
  routingErrorHandler,
  sendProblem,
  toProblem,
} from './http/problem.js';
import { registerRequestContext } from './http/request-context.js';
import { identityRoutes } from './identity/identity.routes.js';
import { orgRoutes } from './orgs/orgs.routes.js';
import { issuanceRoutes } from './issuance/issuance.routes.js';
import { bulkIssuanceRoutes } from './issuance/bulk/bulk-jobs.routes.js';
import { candidateChecksRoutes } from './candidate-checks/candidate-checks.routes.js';
import { invitationsCsvRoutes } from './orgs/invitations-csv.routes.js';
import { publicationRoutes } from './publication/publication.routes.js';
import { verificationRoutes } from './verification/verification.routes.js';
import type { VerifyPoolOptions } from './verification/verify-pool.js';
import { learningRoutes } from './learning/learning.routes.js';
import { cpdRoutes } from './cpd/cpd.routes.js';
import { goalsRoutes } from './goals/goals.routes.js';
import { skillsRoutes } from './skills/skills.routes.js';
import { catalogRoutes } from './catalog/catalog.routes.js';
import { endorsementRoutes } from './endorsement/endorsement.routes.js';
import { providerPageRoutes } from './providers/provider-page.routes.js';
import { microcredentialsRoutes } from './catalog/microcredentials.routes.js';
import { pathwaysRoutes } from './pathways/pathways.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { backupRoutes } from './backup/backup.routes.js';
import { operatorPolicy } from './admin/operators.js';
import { auditLogRoutes } from './audit/audit-log.routes.js';
import { registerMetrics } from './metrics/metrics.routes.js';
import { webhooksRoutes } from './webhooks/webhooks.routes.js';
import { accreditationRoutes } from './accreditation/accreditation.routes.js';
import { workforceRoutes } from './workforce/workforce.routes.js';
import { workforceLearningRoutes } from './workforce/workforce-learning.routes.js';
import { communityRoutes } from './community/community.routes.js';
import { ratingsRoutes } from './ratings/ratings.routes.js';
import { orgSettingsRoutes } from './orgs/org-settings.routes.js';
import { showcaseRoutes } from './showcase/showcase.routes.js';
import { pageWithMeta } from './showcase/page-meta.js';
import { profilesRoutes } from './profiles/profiles.routes.js';
import { exchangesRoutes } from './exchanges/exchanges.routes.js';
import type { WebhookNetwork } from './webhooks/webhook-network.js';

export type BuildAppOptions = {
  deps: Deps;
  logger?: FastifyServerOptions['logger'];
  authRateLimit?: number;
  /**
   * Proxy addresses or CIDR ranges whose X-Forwarded-For is believed (CAIRN_TRUST_PROXY).
   * Empty or omitted: the client address is the TCP peer, so a header cannot choose it.
   */
  trustProxy?: string[];
  bodyLimit?: number;
  /** Built single-page app to serve; omitted in API-only tests. */
  webDistDir?: string;
  /** Worker threads and work budget of the verify pool (CAIRN_VERIFY_WORKERS, CAIRN_VERIFY_BUDGET_MS); closed with the app. */
  verifyPool?: VerifyPoolOptions;
  /** Verified emails of the instance operators (CAIRN_OPERATOR_EMAILS): they see and retry background jobs. */
  operatorEmails?: readonly string[];
  /** Bearer token of `GET /metrics` (CAIRN_METRICS_TOKEN); omitted, metrics are off and the route answers 404. */
  metricsToken?: string;
  /** Where webhooks may be sent (CAIRN_WEBHOOKS_ALLOW_PRIVATE, NODE_ENV); omitted: public addresses only. */
  webhooks?: WebhookNetwork;
};

/** Longest path parameter, in URL-encoded characters; the routes' own schemas bound them further. */
export const MAX_PARAM_LENGTH = 1024;

/** Headers, cookies and fields that must never reach the logs. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
];

/** Assembles the HTTP application from its areas. Tests call this with a test database. */
export async function buildApp(options: BuildAppOptions) {
  const { deps } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLineRequestLog(),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    // A list or nothing: `true` would let any client pick its address, and with it a fresh rate-limit count.
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    // Longer than any id, slug or token (an id URL, URL-encoded, fits); longer answers 404 problem+json.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: routingErrorHandler,
    return503OnClosing: true,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Built once and run as a hook: @fastify/helmet builds the middleware (parsing the CSP) again on
  // every request, which cost more than some whole API answers.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only means something over https; on a plain-http dev server it would only confuse.
    hsts: deps.publicUrl.protocol === 'https:',
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cairn API',
        version: '0.1.0',
        description:
          'Micro-credentials as Open Badges 3.0. Errors are RFC 9457 problem+json. Browsers authenticate with the session cookie; machines with `Authorization: Bearer <API key>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cairn_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation API key (cairn_…)' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  registerProblemHandler(app);
  registerParamGuard(app);
  registerRequestContext(app, deps);
  // Before the areas' routes, so its latency hook sees all of them.
  registerMetrics(app, { db: deps.db, token: options.metricsToken });
  const operators = operatorPolicy(options.operatorEmails);

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get('/health', {
    schema: {
      tags: ['Operations'],
      summary: 'Liveness and database check',
      response: {
        200: z.object({ status: z.literal('ok') }),
        503: z.object({ status: z.literal('unavailable'), detail: z.string() }),
      },
    },
    handler: async (request, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const };
      } catch (err) {
        request.log.error({ err }, 'health check: database does not answer');
        return reply.status(503).send({ status: 'unavailable' as const, detail: 'The database does not answer.' });
      }
    },
  });

  await app.register(identityRoutes, { deps, authRateLimit: options.authRateLimit ?? 30, operators });
  await app.register(orgRoutes, { deps });
  await app.register(orgSettingsRoutes, { deps });
  await app.register(showcaseRoutes, { deps });
  await app.register(profilesRoutes, { deps });
  await app.register(issuanceRoutes, { deps });
  await app.register(bulkIssuanceRoutes, { deps });
  await app.register(candidateChecksRoutes, { deps });
  await app.register(invitationsCsvRoutes, { deps });
  await app.register(publicationRoutes, { deps });
  await app.register(verificationRoutes, { deps, ...(options.verifyPool ? { verifyPool: options.verifyPool } : {}) });
  await app.register(skillsRoutes, { deps });
  await app.register(microcredentialsRoutes, { deps });
  await app.register(catalogRoutes, { deps });
  await app.register(endorsementRoutes, { deps });
  await app.register(providerPageRoutes, { deps });
  await app.register(learningRoutes, { deps });
  await app.register(cpdRoutes, { deps });
  await app.register(goalsRoutes, { deps });
  await app.register(pathwaysRoutes, { deps });
  await app.register(adminRoutes, { deps, operators });
  await app.register(backupRoutes, { deps, operators });
  await app.register(auditLogRoutes, { deps });
  await app.register(webhooksRoutes, { deps, ...(options.webhooks ? { network: options.webhooks } : {}) });
  await app.register(accreditationRoutes, { deps });
  await app.register(workforceRoutes, { deps });
  await app.register(workforceLearningRoutes, { deps });
  await app.register(ratingsRoutes, { deps });
  await app.register(communityRoutes, { deps });
  await app.register(exchangesRoutes, { deps });

  const webDist = options.webDistDir;
  const hasWeb = webDist !== undefined && existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (hasWeb && isPage) {
      // Credential and profile pages carry link-preview (Open Graph) tags for crawlers.
      const withMeta = await pageWithMeta(deps, webDist, request.url);
      if (withMeta !== null) return reply.header('cache-control', 'no-cache').type('text/html').send(withMeta);
      // Client-side routes: the single-page app decides what to show.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(
      reply,
      toProblem(new AppError('not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`), request.url),
    );
  });

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
