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

export const occupationImportBody = z.strictObject({
  frameworkName: z.string().trim().min(1, 'Name the framework').max(200).meta({
    description: 'The framework of this organisation that holds the ESCO skills the relations name',
  }),
  occupationsCsv: z
    .string()
    .optional()
    .meta({ description: 'ESCO occupations_en.csv (conceptUri, preferredLabel, description, code, altLabels, …)' }),
  relationsCsv: z.string().optional().meta({
    description: 'ESCO occupationSkillRelations_en.csv (occupationUri, relationType essential|optional, skillUri)',
  }),
});

export const occupationImportResponse = z
  .object({
    framework: z.object({ id: z.string(), name: z.string(), source: z.enum(['cairn', 'esco', 'onet', 'custom']) }),
    occupations: z.object({ created: z.number().int(), updated: z.number().int(), total: z.number().int() }),
    relations: z.object({ total: z.number().int(), essential: z.number().int(), optional: z.number().int() }),
  })
  .meta({ id: 'OccupationImportResult' });

export const occupationSummarySchema = z
  .object({ id: z.string(), uri: z.string(), title: z.string(), code: z.string() })
  .meta({ id: 'OccupationSummary' });

export const occupationSchema = z
  .object({
    id: z.string(),
    uri: z.string(),
    title: z.string(),
    description: z.string(),
    skills: z.array(z.object({ skillId: z.string(), name: z.string(), relation: z.enum(['essential', 'optional']) })),
  })
  .meta({ id: 'Occupation' });
