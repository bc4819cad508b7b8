import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { createAppMetrics } from './app-metrics.js';

/** `token` absent: metrics are off. */
export type MetricsOptions = { db: Db; token: string | undefined };

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time (of equal-length digests), so the answer's timing tells nothing about the token. */
function isToken(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

/**
 * `GET /metrics` (Prometheus text format) behind a Bearer token, and the request-latency hook.
 * Call on the root instance before the areas' routes, so the hook sees every route. Without a
 * token, nothing is measured and the route answers 404, whatever the request carries.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  if (options.token === undefined) {
    app.get('/metrics', { config: { hasOwnBearerToken: true }, schema: { hide: true } }, async () => {
      throw new AppError('not_found', 'Metrics are off on this server: set CAIRN_METRICS_TOKEN to turn them on.');
    });
    return;
  }
  const metrics = createAppMetrics({ db: options.db, log: app.log });
  const expected = digest(options.token);

  app.addHook('onResponse', async (request, reply) => {
    // The route template (`/api/v1/orgs/:slug`), never the URL: ids would make a series per request.
    metrics.observeRequest({
      method: request.method,
      route: request.routeOptions.url,
      statusCode: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });
  app.addHook('onClose', async () => metrics.close());

  app.get('/metrics', {
    // The route checks its own Bearer token: the request context must not read it as an API key.
    config: { hasOwnBearerToken: true },
    schema: {
      tags: ['Operations'],
      summary: 'Prometheus metrics (Bearer CAIRN_METRICS_TOKEN)',
      description:
        'Request latency, job queue depth and dead letters, issuance and verification counts, process metrics. Exists only when CAIRN_METRICS_TOKEN is set; a missing or wrong token answers 401.',
      security: [],
    },
    handler: async (request, reply) => {
      if (!isToken(request.headers.authorization, expected)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError(
          'unauthenticated',
          'Send the metrics token as "Authorization: Bearer <CAIRN_METRICS_TOKEN>".',
        );
      }
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).header('cache-control', 'no-store').send(body);
    },
  });
}
