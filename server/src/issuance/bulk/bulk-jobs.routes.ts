import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { iso, isoOrNull, problemResponses, slug, uuid } from '../../http/schemas.js';
import { readMultipart } from '../../skills/read-multipart.js';
import { MAX_BULK_BYTES } from './bulk-input.js';
import { BASE_COLUMNS, resultColumnsOf } from './bulk-rows.js';
import { jobSchema, jsonBody, multipartFields, previewSchema } from './bulk-jobs.schemas.js';
import {
  authorizeJobStream,
  cancelIssuanceJob,
  createIssuanceJob,
  getIssuanceJob,
  issuanceJobErrorsCsv,
  listIssuanceJobs,
  previewIssuanceJob,
  readIssuanceJob,
  type BulkInput,
  type IssuanceJobView,
} from './bulk-jobs.service.js';
import { csvCell } from '../../audit/audit-csv.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';

/** How often an event stream reads the job row: progress made by any server shows within this. */
const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;

function present(job: IssuanceJobView) {
  return {
    ...job,
    createdAt: iso(job.createdAt),
    startedAt: isoOrNull(job.startedAt),
    finishedAt: isoOrNull(job.finishedAt),
  };
}

function invalidBody(issues: z.core.$ZodIssue[]): AppError {
  const fields = issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
  return new AppError(
    'validation_failed',
    `Check these fields and try again: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`,
    { fields },
  );
}

/** The micro-credential and rows from multipart/form-data (`file`, `microcredentialId`) or JSON. */
async function readInput(request: FastifyRequest): Promise<BulkInput> {
  if (request.isMultipart()) {
    const { fields, file } = await readMultipart(request, MAX_BULK_BYTES);
    const parsed = multipartFields.safeParse(fields);
    if (!parsed.success) throw invalidBody(parsed.error.issues);
    if (!file)
      throw new AppError('validation_failed', 'No file was uploaded. Send the CSV in a field named "file".', {
        fields: [{ field: 'file', message: 'Required' }],
      });
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    } catch {
      throw new AppError(
        'validation_failed',
        'The file is not UTF-8 text: save the CSV as “CSV UTF-8” and upload it again.',
        { fields: [{ field: 'file', message: 'Not UTF-8' }] },
      );
    }
    return { microcredentialId: parsed.data.microcredentialId, csv, fileName: file.filename };
  }
  const parsed = jsonBody.safeParse(request.body ?? {});
  if (!parsed.success) throw invalidBody(parsed.error.issues);
  return parsed.data;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const bulkIssuanceRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart);
  const tags = ['Bulk issuance'];
  const params = z.object({ slug });
  const jobParams = z.object({ slug, id: uuid });
  const uploadNote =
    'Send multipart/form-data with the CSV in `file` and `microcredentialId` beside it (browsers add `X-Cairn-CSRF: 1`), or JSON `{microcredentialId, rows: [{email, …}]}`. At most 20 MB and 200,000 rows. Columns: email (required), name, issued_on, expires_on, evidence_url, external_id, score, and the micro-credential’s results by name.';
  // Streams still open when the server stops are ended, so closing does not wait for them.
  const streams = new Set<PassThrough>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  app.post('/api/v1/orgs/:slug/issuance-jobs/preview', {
    bodyLimit: MAX_BULK_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: 'Check a bulk issuance file row by row; creates nothing',
      description: uploadNote,
      params,
      response: { 200: previewSchema, ...problemResponses },
    },
    handler: async (request) => previewIssuanceJob(deps, request.actor, request.params.slug, await readInput(request)),
  });

  app.post('/api/v1/orgs/:slug/issuance-jobs', {
    bodyLimit: MAX_BULK_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: 'Issue a credential for every row of a CSV (a durable job)',
      description: `${uploadNote} A file that cannot be read as a whole is refused with line-numbered errors[] and nothing is queued. Rows with bad values are kept as failed (see errors.csv); the rest are issued. Each row is issued once per micro-credential: by its external_id, else by a hash of the row.`,
      params,
      response: { 202: z.object({ id: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(202)
        .send(await createIssuanceJob(deps, request.actor, request.params.slug, await readInput(request))),
  });

  app.get('/api/v1/orgs/:slug/issuance-jobs', {
    schema: {
      tags,
      summary: 'Bulk issuance jobs of this organisation, newest first (50)',
      params,
      response: { 200: z.object({ items: z.array(jobSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listIssuanceJobs(deps, request.actor, request.params.slug)).map(present),
    }),
  });

  app.get('/api/v1/orgs/:slug/issuance-jobs/template.csv', {
    schema: {
      tags,
      summary: 'A CSV template for a micro-credential: its columns and one example row',
      params,
      querystring: z.object({ microcredentialId: uuid }),
      produces: ['text/csv'],
      response: { 200: z.any().meta({ description: 'text/csv' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const access = await authorizeOrg(deps, request.actor, request.params.slug, 'credentials.read');
      const version = await deps.db
        .selectFrom('microcredential_versions')
        .select('achievement')
        .where('org_id', '=', access.org.id)
        .where('microcredential_id', '=', request.query.microcredentialId)
        .where('status', '=', 'published')
        .orderBy('version_number', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!version?.achievement)
        throw new AppError('not_found', 'No published micro-credential with this id in this organisation.');
      const results = resultColumnsOf(version.achievement as Record<string, unknown>).map((r) => r.name);
      const header = [...BASE_COLUMNS.filter((c) => c !== 'score'), ...results];
      const example = [
        'ada@example.com',
        'Ada Lovelace',
        deps.clock().toISOString().slice(0, 10),
        '',
        '',
        'student-0001',
        ...results.map(() => ''),
      ];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="bulk-issuance-template.csv"')
        .send(`${header.map(csvCell).join(',')}\r\n${example.map(csvCell).join(',')}\r\n`);
    },
  });

  app.get('/api/v1/orgs/:slug/issuance-jobs/:id', {
    schema: {
      tags,
      summary: 'One bulk issuance job and its progress',
      params: jobParams,
      response: { 200: jobSchema, ...problemResponses },
    },
    handler: async (request) =>
      present(await getIssuanceJob(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.post('/api/v1/orgs/:slug/issuance-jobs/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a job: it stops before its next batch (issued rows stay issued)',
      params: jobParams,
      body: z.strictObject({}).optional(),
      response: { 200: jobSchema, ...problemResponses },
    },
    handler: async (request) =>
      present(await cancelIssuanceJob(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.get('/api/v1/orgs/:slug/issuance-jobs/:id/errors.csv', {
    schema: {
      tags,
      summary: 'The rows that were not issued, as CSV: line, email, external_id, error',
      params: jobParams,
      produces: ['text/csv'],
      response: { 200: z.any().meta({ description: 'text/csv' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const csv = await issuanceJobErrorsCsv(deps, request.actor, request.params.slug, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="issuance-${request.params.id}-errors.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });

  app.get('/api/v1/orgs/:slug/issuance-jobs/:id/events', {
    schema: {
      tags,
      summary: 'Progress as server-sent events',
      description:
        'text/event-stream. `progress` events carry the job (issued, failed, total, rate per second, secondsLeft) whenever it changes; a final `done` event carries it finished, then the stream ends. Any server can answer: it reads the job from the database every 500 ms.',
      params: jobParams,
      produces: ['text/event-stream'],
      response: { 200: z.any().meta({ description: 'text/event-stream' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      // Checked before the first byte, so a refusal is still a problem+json answer.
      const { orgId, job } = await authorizeJobStream(deps, request.actor, request.params.slug, request.params.id);
      const stream = new PassThrough();
      streams.add(stream);
      let isOpen = true;
      const stop = () => {
        isOpen = false;
        streams.delete(stream);
      };
      request.raw.on('close', stop);
      stream.on('close', stop);
      const write = (event: string, data: unknown) =>
        stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      void (async () => {
        let last = '';
        let lastWrite = Date.now();
        let current: IssuanceJobView | undefined = job;
        try {
          while (isOpen && current) {
            const text = JSON.stringify(present(current));
            const isFinished = !['queued', 'running'].includes(current.status);
            if (isFinished) {
              write('done', present(current));
              break;
            }
            if (text !== last) {
              write('progress', present(current));
              last = text;
              lastWrite = Date.now();
            } else if (Date.now() - lastWrite > HEARTBEAT_MS) {
              stream.write(': keep-alive\n\n');
              lastWrite = Date.now();
            }
            await sleep(POLL_MS);
            if (isOpen) current = await readIssuanceJob(deps, orgId, request.params.id);
          }
        } catch (error) {
          request.log.warn({ err: error }, 'issuance job event stream stopped');
        } finally {
          stop();
          stream.end();
        }
      })();
      return reply
        .type('text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  });
};
