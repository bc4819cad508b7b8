import { z } from 'zod';
import { timestamp } from '../http/schemas.js';
import { bcp47, learningFormat } from './microcredentials.schemas.js';

/** A query value that may be given once or repeated (`?skill=a&skill=b`); commas also separate. */
const many = <T extends z.ZodType<unknown, string>>(item: T): z.ZodType<z.output<T>[], string | string[] | undefined> =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? []
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .pipe(z.array(item).max(50));

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `?id=…&id=…`: micro-credential ids to look up (at most 50). */
export const catalogIdsQuery = z.object({ id: many(z.uuid('Each id must be a micro-credential id (UUID)')) });

export const catalogQuery = z.object({
  q: z.string().trim().max(200).optional(),
  skill: many(z.uuid('Each skill must be a skill id')),
  provider: many(z.string().regex(/^[a-z0-9-]{1,40}$/, 'A provider slug')),
  partner: many(z.string().regex(/^[a-z0-9-]{1,40}$/, 'A partner slug')),
  accreditedBy: many(z.string().regex(/^[a-z0-9-]{1,40}$/, 'An accrediting body’s slug')).meta({
    description: 'Programmes with a signed accreditation in force (of the programme or its provider) by any of these',
  }),
  endorsedBy: many(z.string().regex(/^[a-z0-9-]{1,40}$/, 'An endorsing organisation’s slug')).meta({
    description: 'Programmes with a signed endorsement in force by any of these',
  }),
  level: many(
    z
      .string()
      .regex(/^[1-8]$/, 'An EQF level, 1-8')
      .transform(Number),
  ),
  format: many(learningFormat),
  language: many(bcp47),
  minCost: z.coerce.number().min(0).optional().meta({ description: 'In major units of each programme’s currency' }),
  maxCost: z.coerce.number().min(0).optional().meta({ description: 'In major units (0 lists free programmes)' }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A currency code, like GBP')
    .optional()
    .meta({ description: 'The currency minCost/maxCost are in: paid programmes priced in another are left out' }),
  maxHours: z.coerce.number().positive().optional().meta({ description: 'Most effort in hours' }),
  minCpd: z.coerce.number().min(0).optional(),
  maxWeeks: z.coerce.number().int().positive().optional(),
  free: flag.optional(),
  sort: z.enum(['relevance', 'newest', 'shortest', 'cheapest']).default('relevance'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
const cost = z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable();

export const catalogItem = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    provider: z.object({ slug: z.string(), name: z.string() }),
    skills: z.array(z.object({ id: z.string(), name: z.string() })),
    cost,
    effortHours: z.number(),
    cpdHours: z.number(),
    fieldOfStudy: z.string().nullable().meta({ description: 'The field of study the programme declares' }),
    level: z.number().int().nullable(),
    format: learningFormat,
    language: z.string(),
    durationWeeks: z.number().int(),
    imageUrl: z.string().nullable(),
    partners: z.array(z.object({ slug: z.string(), name: z.string() })),
    accreditedBy: z
      .array(z.string())
      .meta({ description: 'Slugs of accrediting bodies whose signed accreditation is in force' }),
    endorsedBy: z
      .array(z.string())
      .meta({ description: 'Slugs of organisations whose signed endorsement is in force' }),
    publishedAt: timestamp,
  })
  .meta({ id: 'CatalogItem' });

export const catalogResponse = z
  .object({
    items: z.array(catalogItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    facets: z.object({
      skill: z.array(facetValue),
      provider: z.array(facetValue),
      level: z.array(facetValue),
      format: z.array(facetValue),
      language: z.array(facetValue),
      partner: z.array(facetValue),
      accreditedBy: z.array(facetValue),
      endorsedBy: z.array(facetValue),
    }),
  })
  .meta({ id: 'CatalogSearchResult' });

const quizOutline = z.object({
  type: z.literal('quiz'),
  questionCount: z.number().int(),
  passMark: z.number().int(),
  attemptsLimit: z.number().int().nullable(),
});
const assignmentOutline = z.object({
  type: z.literal('assignment'),
  criteria: z.array(z.string()),
  evidenceKinds: z.array(z.string()),
  maxPoints: z.number().int(),
});

export const programmeResponse = z
  .object({
    id: z.string(),
    slug: z.string(),
    versionId: z.string(),
    versionNumber: z.number().int(),
    title: z.string(),
    summary: z.string(),
    description: z.string(),
    outcomes: z.array(z.string()),
    skills: z.array(
      z.object({ id: z.string(), code: z.string(), name: z.string(), description: z.string(), framework: z.string() }),
    ),
    level: z.number().int().nullable(),
    effortHours: z.number(),
    durationWeeks: z.number().int(),
    cost,
    cpdHours: z.number(),
    fieldOfStudy: z.string().nullable().meta({ description: 'The field of study (OB 3.0 Achievement.fieldOfStudy)' }),
    format: learningFormat,
    language: z.string(),
    imageUrl: z.string().nullable(),
    provider: z.object({ slug: z.string(), name: z.string(), did: z.string(), profileUrl: z.string() }),
    partners: z.array(z.object({ slug: z.string(), name: z.string() })),
    criteriaNarrative: z.string(),
    validityMonths: z.number().int().nullable(),
    modules: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        title: z.string(),
        estimatedMinutes: z.number().int(),
        activity: z.union([quizOutline, assignmentOutline]).nullable(),
      }),
    ),
    totalMinutes: z.number().int(),
    assessment: z.object({
      passMark: z.number().int(),
      quizCount: z.number().int(),
      assignmentCount: z.number().int(),
      summary: z.string(),
    }),
    publishedAt: timestamp,
    accreditations: z
      .array(
        z.object({
          accreditor: z.object({ slug: z.string(), name: z.string() }),
          scheme: z.string(),
          subject: z.enum(['organization', 'programme']),
          validUntil: timestamp.nullable(),
          credentialUrl: z.string().meta({ description: 'The signed accreditation credential' }),
        }),
      )
      .meta({ description: 'Accreditations in force now, of the programme or of its provider (signed)' }),
    achievement: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The OB 3.0 Achievement a learner earns (the badge preview)' }),
  })
  .meta({ id: 'Programme' });
