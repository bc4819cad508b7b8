import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { iso, isoOrNull, problemResponses, slug, uuid } from '../http/schemas.js';
import { readMultipartFiles } from '../skills/read-multipart.js';
import {
  MAX_CANDIDATE_FILE_BYTES,
  MAX_CANDIDATE_ITEMS,
  MAX_CANDIDATE_UPLOAD_BYTES,
  type CandidateUpload,
} from './candidate-upload.js';
import { checkSchema, checkSummarySchema, jsonBody } from './candidate-checks.schemas.js';
import {
  candidateCheckReportCsv,
  getCandidateCheck,
  listCandidateChecks,
  type CandidateCheckView,
} from './use-cases/read-candidate-checks.js';
import { startCandidateCheck } from './use-cases/start-candidate-check.js';

function present<T extends CandidateCheckView>(check: T) {
  return {
    ...check,
    createdAt: iso(check.createdAt),
    finishedAt: isoOrNull(check.finishedAt),
    deleteAfter: iso(check.deleteAfter),
  };
}

function invalid(message: string, field: string): AppError {
  return new AppError('validation_failed', message, { fields: [{ field, message }] });
}

/** `emails` as a JSON object of file name → email. */
function parseEmails(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('“emails” must be a JSON object of file name → email address.', 'emails');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('“emails” must be a JSON object of file name → email address.', 'emails');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.some(([, v]) => typeof v !== 'string'))
    throw invalid('Each value of “emails” must be an email address.', 'emails');
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Files (multipart, any field name) with `urls`, `candidateEmail` and `emails` beside them, or JSON. */
async function readUpload(request: FastifyRequest): Promise<CandidateUpload> {
  if (request.isMultipart()) {
    const { fields, files } = await readMultipartFiles(request, {
      maxFiles: MAX_CANDIDATE_ITEMS,
      maxFileBytes: MAX_CANDIDATE_UPLOAD_BYTES,
      maxTotalBytes: MAX_CANDIDATE_UPLOAD_BYTES,
    });
    const urls = (fields.urls ?? '')
      .split(/\r?\n/)
      .map((u) => u.trim())
      .filter((u) => u !== '')
      .map((url) => ({ url }));
    return { files, urls, candidateEmail: fields.candidateEmail, emails: parseEmails(fields.emails) };
  }
  const parsed = jsonBody.safeParse(request.body ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
    throw new AppError(
      'validation_failed',
      `Check these fields and try again: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`,
      { fields },
    );
  }
  return {
    files: [],
    urls: parsed.data.urls.map((u) => (typeof u === 'string' ? { url: u } : u)),
    candidateEmail: parsed.data.candidateEmail,
  };
}

export const candidateChecksRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart);
  const tags = ['Candidate checks'];
  const params = z.object({ slug });
  const checkParams = z.object({ slug, id: uuid });

  app.post('/api/v1/orgs/:slug/candidate-checks', {
    bodyLimit: MAX_CANDIDATE_UPLOAD_BYTES + 1024 * 1024,
    schema: {
      tags,
      summary: 'Verify up to 1,000 candidates’ credentials at once (a durable job)',
      description: `Owners, admins and managers. Send multipart/form-data with credential files in any file field (JSON, VC-JWT, baked PNG or SVG, a ZIP of those, or a CSV of credential URLs with columns url[,email]), and beside them optional \`urls\` (one per line), \`candidateEmail\` (every credential must name this person) and \`emails\` (JSON: file name or ZIP path → email); browsers add \`X-Cairn-CSRF: 1\`. Or JSON \`{urls: [url | {url, email}], candidateEmail?}\`. At most ${MAX_CANDIDATE_ITEMS} credentials (more: 413, nothing queued), ${MAX_CANDIDATE_FILE_BYTES / 1024 / 1024} MB a credential, ${MAX_CANDIDATE_UPLOAD_BYTES / 1024 / 1024} MB in all; a ZIP may inflate to 64 MB. URLs are fetched only through the SSRF guard (https, public addresses, 5 s); this Cairn's own credential URLs are read directly. Uploads and results are deleted after 30 days.`,
      params,
      response: { 202: z.object({ id: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(202)
        .send(await startCandidateCheck(deps, request.actor, request.params.slug, await readUpload(request))),
  });

  app.get('/api/v1/orgs/:slug/candidate-checks', {
    schema: {
      tags,
      summary: 'Candidate checks of this organisation, newest first (50)',
      params,
      response: { 200: z.object({ items: z.array(checkSummarySchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listCandidateChecks(deps, request.actor, request.params.slug)).map(present),
    }),
  });

  app.get('/api/v1/orgs/:slug/candidate-checks/:id', {
    schema: {
      tags,
      summary: 'One candidate check: progress and each credential’s outcome',
      params: checkParams,
      response: { 200: checkSchema, ...problemResponses },
    },
    handler: async (request) =>
      present(await getCandidateCheck(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.get('/api/v1/orgs/:slug/candidate-checks/:id/report.csv', {
    schema: {
      tags,
      summary: 'The report as CSV: file, holder, issuer, achievement, status, skills evidenced, reason',
      params: checkParams,
      produces: ['text/csv'],
      response: { 200: z.any().meta({ description: 'text/csv' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const csv = await candidateCheckReportCsv(deps, request.actor, request.params.slug, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="candidate-check-${request.params.id}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });
};
