import { z } from 'zod';
import { timestamp, uuid } from '../../http/schemas.js';

export const jobSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    microcredentialId: z.string(),
    versionId: z.string(),
    fileName: z.string().nullable(),
    total: z.number().int(),
    issued: z.number().int(),
    failed: z.number().int(),
    rate: z.number().nullable().meta({ description: 'Rows per second since the job started' }),
    secondsLeft: z.number().nullable().meta({ description: 'At the current rate; null when unknown or finished' }),
    createdBy: z.object({ kind: z.string(), userId: z.string().nullable(), apiKeyId: z.string().nullable() }),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: 'IssuanceJob' });

const rowError = z
  .object({ line: z.number().int(), column: z.string().optional(), message: z.string() })
  .meta({ id: 'BulkRowError' });

export const previewSchema = z
  .object({
    microcredential: z.object({ id: z.string(), versionId: z.string(), title: z.string() }),
    columns: z
      .array(z.string())
      .meta({ description: 'Result columns this micro-credential accepts, besides the base ones' }),
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    fileErrors: z
      .array(rowError)
      .meta({ description: 'Problems with the file as a whole: creating a job from it is refused' }),
    rows: z.array(
      z.object({
        line: z.number().int(),
        email: z.string(),
        name: z.string().nullable(),
        externalId: z.string().nullable(),
        errors: z.array(rowError),
      }),
    ),
    errors: z.array(rowError).meta({ description: 'Every row problem (at most 1,000)' }),
  })
  .meta({ id: 'IssuanceJobPreview' });

/** JSON body: the micro-credential and the rows as objects of column → value. */
export const jsonBody = z.strictObject({
  microcredentialId: uuid,
  rows: z.array(z.record(z.string().max(200), z.union([z.string().max(5000), z.number(), z.null()]))).max(200_000),
});

export const multipartFields = z.object({ microcredentialId: uuid });
