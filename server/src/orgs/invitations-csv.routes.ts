import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { iso, memberRole, problemResponses, slug, timestamp } from '../http/schemas.js';
import { readMultipart } from '../skills/read-multipart.js';
import { inviteMembersFromCsv, previewInvitationsCsv } from './use-cases/invite-members-from-csv.js';

const MAX_CSV_BYTES = 1024 * 1024;

const rowError = z.object({ line: z.number().int(), column: z.string().optional(), message: z.string() });
const outcome = z.enum(['invite', 'already_invited', 'already_member']);

const previewSchema = z
  .object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    rows: z.array(
      z.object({ line: z.number().int(), email: z.string(), role: memberRole, name: z.string().nullable(), outcome }),
    ),
    errors: z.array(rowError),
  })
  .meta({ id: 'InvitationCsvPreview' });

const resultSchema = z
  .object({
    invited: z.array(
      z.object({ line: z.number().int(), id: z.string(), email: z.string(), role: memberRole, expiresAt: timestamp }),
    ),
    skipped: z.array(z.object({ line: z.number().int(), email: z.string(), reason: outcome.exclude(['invite']) })),
  })
  .meta({ id: 'InvitationCsvResult' });

/** The CSV text from multipart (`file`) or JSON `{csv}`. */
async function readCsvText(request: FastifyRequest): Promise<string> {
  if (request.isMultipart()) {
    const { file } = await readMultipart(request, MAX_CSV_BYTES);
    if (!file)
      throw new AppError('validation_failed', 'No file was uploaded. Send the CSV in a field named "file".', {
        fields: [{ field: 'file', message: 'Required' }],
      });
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    } catch {
      throw new AppError('validation_failed', 'The file is not UTF-8 text: save the CSV as “CSV UTF-8”.', {
        fields: [{ field: 'file', message: 'Not UTF-8' }],
      });
    }
  }
  const parsed = z.strictObject({ csv: z.string().max(MAX_CSV_BYTES) }).safeParse(request.body ?? {});
  if (!parsed.success)
    throw new AppError('validation_failed', 'Send the CSV as a file (multipart "file") or as JSON {"csv": "…"}.', {
      fields: [{ field: 'csv', message: 'Required' }],
    });
  return parsed.data.csv;
}

export const invitationsCsvRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart);
  const tags = ['Organisations'];
  const params = z.object({ slug });
  const note =
    'A CSV with a header: email (required), role (owner, admin, author, assessor, manager, viewer; default viewer), name. At most 1,000 rows, 1 MB. Multipart `file` (browsers add `X-Cairn-CSRF: 1`) or JSON `{csv}`.';

  app.post('/api/v1/orgs/:slug/invitations/csv/preview', {
    bodyLimit: MAX_CSV_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: 'Check a CSV of people to invite, line by line; sends nothing',
      description: note,
      params,
      response: { 200: previewSchema, ...problemResponses },
    },
    handler: async (request) =>
      previewInvitationsCsv(deps, request.actor, request.params.slug, await readCsvText(request)),
  });

  app.post('/api/v1/orgs/:slug/invitations/csv', {
    bodyLimit: MAX_CSV_BYTES + 64 * 1024,
    schema: {
      tags,
      summary: 'Invite everyone in a CSV (one transaction; refused whole with line numbers if any line is bad)',
      description: `${note} People already members, or already invited with the same role, are skipped, so sending a CSV again invites nobody twice.`,
      params,
      response: { 201: resultSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const result = await inviteMembersFromCsv(deps, request.actor, request.params.slug, await readCsvText(request));
      return reply.status(201).send({
        ...result,
        invited: result.invited.map((i) => ({ ...i, expiresAt: iso(i.expiresAt) })),
      });
    },
  });
};
