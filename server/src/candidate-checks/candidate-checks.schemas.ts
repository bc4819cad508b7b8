import { z } from 'zod';
import { timestamp } from '../http/schemas.js';

export const itemStatus = z
  .enum([
    'pending',
    'valid',
    'expired',
    'revoked',
    'suspended',
    'signature_invalid',
    'issuer_unknown',
    'not_addressed_to_candidate',
    'unverifiable',
  ])
  .meta({
    id: 'CandidateItemStatus',
    description:
      'pending until checked. unverifiable: nothing could be read or a check could not be made (unreadable file, URL refused or unreachable, status list unreadable, schema); `reason` says which.',
  });

const checkFields = {
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  total: z.number().int(),
  done: z.number().int(),
  error: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  deleteAfter: timestamp.meta({ description: 'Uploads and results are deleted after this (30 days)' }),
  counts: z.record(z.string(), z.number().int()).meta({ description: 'Items per status (in the detail view)' }),
};

export const checkSummarySchema = z.object(checkFields).meta({ id: 'CandidateCheckSummary' });

export const itemSchema = z
  .object({
    position: z.number().int(),
    name: z.string().meta({ description: 'File name, ZIP entry path or URL' }),
    source: z.enum(['file', 'url']),
    candidateEmail: z.string().nullable(),
    status: itemStatus,
    reason: z.string().nullable(),
    holder: z.string().nullable(),
    issuer: z.string().nullable(),
    achievement: z.string().nullable(),
    skills: z.array(z.object({ name: z.string(), url: z.string().nullable() })),
  })
  .meta({ id: 'CandidateCheckItem' });

export const checkSchema = z.object({ ...checkFields, items: z.array(itemSchema) }).meta({ id: 'CandidateCheck' });

/** JSON body: credential URLs (or `{url, email}`), and the candidate they must name. */
export const jsonBody = z.strictObject({
  urls: z
    .array(
      z.union([
        z.string().max(2000),
        z.strictObject({ url: z.string().max(2000), email: z.string().max(254).optional() }),
      ]),
    )
    .max(10_000),
  candidateEmail: z.string().max(254).optional(),
});
