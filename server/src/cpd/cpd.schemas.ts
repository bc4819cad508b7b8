import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
export const isoDay = z.iso.date('A date, YYYY-MM-DD');
const hours = z.number().min(0).max(1000);
const category = z.enum(['structured', 'self-directed']);

export const schemeSchema = z
  .object({
    preset: z.string().nullable(),
    name: z.string(),
    body: z.string(),
    unit: z.enum(['hours', 'points']),
    target: z.number(),
    periodStartMonth: z.number(),
    caps: z.object({ structured: z.number().nullable(), 'self-directed': z.number().nullable() }),
    carryOverMax: z.number(),
  })
  .meta({ id: 'CpdScheme' });

/** A preset by name, or a scheme of the learner's own (one object, so an unknown field is named). */
export const schemeInput = z
  .strictObject({
    preset: z.string().max(60).optional(),
    name: text(200).min(1, 'Name the scheme').optional(),
    body: text(200).default(''),
    unit: z.enum(['hours', 'points']).default('hours'),
    target: z.number().positive('Set a target above zero').max(10_000).optional(),
    periodStartMonth: z.number().int().min(1).max(12).default(1),
    caps: z
      .strictObject({ structured: hours.nullable().default(null), 'self-directed': hours.nullable().default(null) })
      .default({ structured: null, 'self-directed': null }),
    carryOverMax: hours.default(0),
  })
  .superRefine((v, ctx) => {
    if (v.preset !== undefined) return;
    if (v.name === undefined)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Name the scheme, or choose a preset' });
    if (v.target === undefined)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'Set a target, or choose a preset' });
  });

export const activityInput = z.strictObject({
  date: isoDay,
  title: text(300).min(1, 'Name the activity'),
  hours: z.number().positive('Log more than zero hours').max(1000),
  category: category.default('self-directed'),
  evidenceLink: z
    .url({ protocol: /^https?$/, message: 'Give a web link starting with https://' })
    .max(2000)
    .optional(),
  evidenceFileId: z.uuid().optional(),
  learned: text(5000).min(1, 'Say what you learned'),
  application: text(5000).min(1, 'Say how you will apply it'),
});

export const cpdEntrySchema = z
  .object({
    id: z.string(),
    date: z.string(),
    title: z.string(),
    hours: z.number(),
    category,
    source: z.enum(['credential', 'self']),
    credentialId: z.string().optional(),
    walletCredentialId: z.string().optional(),
    evidenceLink: z.string().nullable(),
    evidenceFileName: z.string().nullable(),
    learned: z.string().nullable(),
    application: z.string().nullable(),
  })
  .meta({ id: 'CpdEntry' });

export const cpdRecordSchema = z
  .object({
    scheme: schemeSchema.nullable(),
    period: z.object({ period: z.number(), from: z.string(), to: z.string(), label: z.string() }),
    unit: z.enum(['hours', 'points']),
    target: z.number(),
    done: z.number(),
    counted: z.number(),
    carriedIn: z.number(),
    isMet: z.boolean(),
    byCategory: z.array(z.object({ category, logged: z.number(), counted: z.number(), cap: z.number().nullable() })),
    entries: z.array(cpdEntrySchema),
  })
  .meta({ id: 'CpdRecord' });
