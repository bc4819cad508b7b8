import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { EVENT_TYPES } from '../events/event-types.js';
import { AppError } from '../http/app-error.js';
import { iso, problemResponses, slug, timestamp } from '../http/schemas.js';
import { auditCsvLines } from './audit-csv.js';
import { authorizeAuditLog, listAuditLog, readAuditLog, type AuditFilters } from './audit-log.service.js';

export type AuditLogRoutesOptions = { deps: Deps };

const DAY_MS = 24 * 60 * 60 * 1000;

const eventTypes = z
  .string()
  .max(2000)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(EVENT_TYPES)))
  .meta({ description: `Comma-separated event types: ${EVENT_TYPES.join(', ')}` });

/** A date (a whole day, UTC) or a date-time with offset. */
const bound = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

const filtersQuery = z.object({
  type: eventTypes.optional(),
  since: bound.optional().meta({ description: 'From this moment, or from the start of this day (UTC)' }),
  until: bound.optional().meta({ description: 'Before this moment, or up to the end of this day (UTC)' }),
});

const actorSchema = z
  .object({
    kind: z.enum(['user', 'apiKey', 'system']),
    userId: z.string().optional(),
    name: z.string().optional(),
    email: z.string().optional(),
    apiKeyId: z.string().optional(),
    apiKeyName: z.string().optional(),
    reason: z.string().optional().meta({ description: 'Why Cairn itself acted (a job, a schedule)' }),
  })
  .meta({ id: 'AuditActor' });

const entrySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    occurredAt: timestamp,
    actor: actorSchema,
    summary: z.string(),
    data: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function toFilters(query: { type?: z.infer<typeof eventTypes>; since?: string; until?: string }): AuditFilters {
  const since =
    query.since === undefined
      ? undefined
      : new Date(isDateOnly(query.since) ? `${query.since}T00:00:00Z` : query.since);
  // A day given as `until` includes that whole day.
  const until =
    query.until === undefined
      ? undefined
      : isDateOnly(query.until)
        ? new Date(Date.parse(`${query.until}T00:00:00Z`) + DAY_MS)
        : new Date(query.until);
  if (since && until && since >= until) {
    throw new AppError('validation_failed', 'The start of the period must be before its end.', {
      fields: [{ field: 'until', message: 'Before the start (since)' }],
    });
  }
  return {
    ...(query.type?.length ? { types: query.type } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

/** An organisation's audit log, for its owners and admins: as pages of JSON, or all of it as CSV. */
export const auditLogRoutes: FastifyPluginAsyncZod<AuditLogRoutesOptions> = async (app, { deps }) => {
  const tags = ['Audit log'];
  const params = z.object({ slug });

  app.get('/api/v1/orgs/:slug/audit-log', {
    schema: {
      tags,
      summary: 'Who did what in the organisation, and when (owners and admins)',
      description:
        'Newest first, 50 a page by default; pass `nextCursor` as `before` for the next page. Actors are the people (by session), API keys or Cairn itself (jobs, schedules) that caused each event.',
      params,
      querystring: filtersQuery.extend({
        before: z.string().max(300).optional().meta({ description: 'nextCursor of the previous page' }),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: {
        200: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const { before, limit, ...filters } = request.query;
      const page = await listAuditLog(deps, request.actor, request.params.slug, {
        filters: toFilters(filters),
        limit,
        ...(before !== undefined ? { before } : {}),
      });
      return { items: page.items.map((e) => ({ ...e, occurredAt: iso(e.occurredAt) })), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/v1/orgs/:slug/audit-log.csv', {
    schema: {
      tags,
      summary: 'The audit log as CSV (same filters, every matching entry)',
      description:
        'Streamed, newest first. Cells a spreadsheet would run as formulas (starting with = + - @) are prefixed with an apostrophe.',
      params,
      querystring: filtersQuery,
      produces: ['text/csv'],
      response: {
        200: z.any().meta({ description: 'text/csv; a header row, then one row per entry' }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const filters = toFilters(request.query);
      // Checked before the first byte, so a refusal is still a problem+json answer.
      const org = await authorizeAuditLog(deps, request.actor, request.params.slug);
      const day = deps.clock().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${org.slug}-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(auditCsvLines(readAuditLog(deps.db, org.id, filters))));
    },
  });
};
