import { z } from 'zod';
import { credentialText, timestamp } from '../http/schemas.js';

export const skillCsvFormat = z.enum(['esco', 'onet', 'cairn']);

export const previewBody = z.strictObject({
  csv: z
    .string()
    .meta({ description: 'The CSV text (ESCO, O*NET or Cairn columns; comma, tab or semicolon separated)' }),
  format: skillCsvFormat.optional().meta({ description: 'Expected shape; detected from the header when omitted' }),
});

export const importBody = previewBody.extend({
  // The framework's name is each alignment's targetFramework in signed Achievements.
  frameworkName: credentialText({ max: 200 }).min(1, 'Name the framework'),
});

export const skillSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    group: z.string().nullable(),
    skillType: z.string().nullable(),
    uri: z.string().nullable(),
    altLabels: z.array(z.string()),
    framework: z.object({ id: z.string(), name: z.string(), source: z.enum(['cairn', 'esco', 'onet', 'custom']) }),
  })
  .meta({ id: 'Skill' });

export const parsedRowSchema = z.object({
  line: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  group: z.string().nullable(),
  altLabels: z.array(z.string()),
  skillType: z.string().nullable(),
  uri: z.string().nullable(),
});

export const previewResponse = z
  .object({
    format: skillCsvFormat.nullable(),
    columns: z.array(z.string()),
    rowCount: z.number().int(),
    rows: z.array(parsedRowSchema).meta({ description: 'The first 500 parsed rows' }),
    isTruncated: z.boolean(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    isValid: z.boolean(),
  })
  .meta({ id: 'SkillImportPreview' });

export const importResponse = z
  .object({
    framework: z.object({ id: z.string(), name: z.string(), source: z.enum(['cairn', 'esco', 'onet', 'custom']) }),
    format: skillCsvFormat,
    created: z.number().int(),
    updated: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'SkillImportResult' });

export const frameworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.enum(['cairn', 'esco', 'onet', 'custom']),
    isStarter: z.boolean(),
    skillCount: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'SkillFramework' });
