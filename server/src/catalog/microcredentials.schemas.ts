import { z } from 'zod';
import { credentialText, timestamp, uuid } from '../http/schemas.js';

/** ISO 4217 codes this runtime knows (Node's ICU list). */
const currencies = new Set(Intl.supportedValuesOf('currency'));

export const mcSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/,
    'Use 3-80 lowercase letters, digits and hyphens, starting and ending with a letter or digit',
  )
  .meta({ example: 'data-literacy-foundations' });

export const httpsUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const u = new URL(value);
      return u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Must be an https:// URL without credentials');

export const costSchema = z
  .strictObject({
    amountMinor: z
      .number()
      .int()
      .min(1, 'A paid programme costs at least 1 minor unit; use null for free')
      .max(100_000_000),
    currency: z.string().refine((c) => currencies.has(c), 'Must be an ISO 4217 currency code, like EUR or GBP'),
  })
  .meta({ id: 'Cost', description: 'Price in integer minor units (cents, pence); null means free' });

export const learningFormat = z.enum(['self_paced', 'cohort', 'blended']);
export const bcp47 = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'Must be a BCP 47 language tag, like en or pt-BR');

const text = (max: number) => z.string().trim().max(max);
/** Text copied into the signed Achievement: no hidden or direction-changing characters. */
const line = (max: number) => credentialText({ max });
const prose = (max: number) => credentialText({ max, isMultiline: true });
const feedbackSchema = z.strictObject({ correct: text(2000).optional(), incorrect: text(2000).optional() });
const itemId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Letters, digits, - and _ only')
  .optional();

const choiceOption = z.strictObject({
  id: itemId,
  text: text(1000).min(1, 'Write the option'),
  isCorrect: z.boolean(),
  feedback: text(2000).optional().meta({ description: 'Shown after submission when this option was chosen' }),
});

const choiceQuestion = z
  .strictObject({
    id: itemId,
    kind: z.enum(['single', 'multiple']),
    prompt: text(4000).min(1, 'Write the question'),
    options: z.array(choiceOption).min(2, 'Give at least two options').max(12),
    points: z.number().int().min(1).max(100).default(1),
    feedback: feedbackSchema.optional(),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.isCorrect).length;
    if (q.kind === 'single' && correct !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'A single-choice question needs exactly one correct option',
      });
    if (q.kind === 'multiple' && correct < 1)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Mark at least one option correct' });
  });

const numericQuestion = z.strictObject({
  id: itemId,
  kind: z.literal('numeric'),
  prompt: text(4000).min(1, 'Write the question'),
  answer: z.number().finite(),
  tolerance: z
    .number()
    .finite()
    .min(0)
    .default(0)
    .meta({ description: 'An answer within ± tolerance counts as correct' }),
  unit: text(40).optional(),
  points: z.number().int().min(1).max(100).default(1),
  feedback: feedbackSchema.optional(),
});

export const quizSchema = z
  .strictObject({
    type: z.literal('quiz'),
    passMark: z.number().int().min(0).max(100).meta({ description: 'Percentage of points needed to pass' }),
    attemptsLimit: z.number().int().min(1).max(100).nullable().default(null).meta({ description: 'null: unlimited' }),
    questions: z
      .array(z.union([choiceQuestion, numericQuestion]))
      .min(1, 'A quiz needs at least one question')
      .max(100),
    drawCount: z
      .number()
      .int()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .meta({ description: 'Questions drawn at random from the pool for each attempt; null: all of them' }),
    shuffleOptions: z.boolean().optional().meta({ description: 'Shuffle each question’s options per attempt' }),
    revealAnswers: z
      .enum(['after-pass', 'after-pass-or-last-attempt', 'never'])
      .optional()
      .meta({ description: 'When learners see the right answers (default after a pass or the last attempt)' }),
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().optional(),
    cooldownMinutes: z.number().int().min(1).max(10080).nullable().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.drawCount && q.drawCount > q.questions.length)
      ctx.addIssue({ code: 'custom', path: ['drawCount'], message: 'Draw no more questions than the pool holds' });
  })
  .meta({ id: 'Quiz' });

const rubricLevel = z.strictObject({
  id: itemId,
  title: text(200).min(1),
  description: text(2000).optional(),
  points: z.number().int().min(0).max(1000),
});
const rubricCriterion = z.strictObject({
  id: itemId,
  title: text(200).min(1, 'Name the criterion'),
  description: text(2000).optional(),
  levels: z.array(rubricLevel).min(2, 'A criterion needs at least two levels').max(10),
});

export const evidenceKind = z.enum(['text', 'link', 'file']);
const MAX_EVIDENCE_FILE = 50 * 1024 * 1024;

export const assignmentSchema = z
  .strictObject({
    type: z.literal('assignment'),
    instructions: text(20_000).min(1, 'Write the instructions'),
    rubric: z.strictObject({
      criteria: z.array(rubricCriterion).min(1, 'A rubric needs at least one criterion').max(30),
    }),
    evidence: z
      .strictObject({
        kinds: z.array(evidenceKind).min(1, 'Accept at least one kind of evidence').max(3),
        fileTypes: z
          .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'A media type, like application/pdf'))
          .max(20)
          .default([]),
        maxFileBytes: z.number().int().min(1).max(MAX_EVIDENCE_FILE).nullable().default(null),
      })
      .superRefine((e, ctx) => {
        if (new Set(e.kinds).size !== e.kinds.length)
          ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'List each kind once' });
        if (e.kinds.includes('file') && (e.fileTypes.length === 0 || e.maxFileBytes === null)) {
          ctx.addIssue({
            code: 'custom',
            path: ['fileTypes'],
            message: 'File evidence needs the accepted file types and maxFileBytes',
          });
        }
      }),
    passPoints: z
      .number()
      .int()
      .min(0)
      .nullable()
      .default(null)
      .meta({ description: 'Rubric points needed to pass; null: every criterion above its lowest level' }),
  })
  .meta({ id: 'Assignment' });

export const activitySchema = z.discriminatedUnion('type', [quizSchema, assignmentSchema]);
export type ActivityInput = z.infer<typeof activitySchema>;

export const linkSchema = z.strictObject({
  url: httpsUrl,
  title: text(200).optional(),
  kind: z.enum(['link', 'video']).default('link'),
});

export const moduleInput = z.strictObject({
  title: line(200).min(1, 'Give the module a title'),
  content: text(100_000).default('').meta({ description: 'Markdown' }),
  links: z.array(linkSchema).max(30).default([]),
  estimatedMinutes: z.number().int().min(1).max(10_000),
  activity: activitySchema.nullable().default(null),
});
export const modulePatch = z.strictObject({
  title: line(200).min(1).optional(),
  content: text(100_000).optional(),
  links: z.array(linkSchema).max(30).optional(),
  estimatedMinutes: z.number().int().min(1).max(10_000).optional(),
  activity: activitySchema.nullable().optional(),
});
export type ModuleInput = z.infer<typeof moduleInput>;
export type ModulePatch = z.infer<typeof modulePatch>;

export const versionFields = {
  title: line(200),
  summary: prose(500).meta({ description: 'One or two sentences shown in search results' }),
  description: prose(50_000).meta({ description: 'Markdown' }),
  outcomes: z.array(line(500).min(1)).max(30),
  skillIds: z.array(uuid).max(30),
  level: z.number().int().min(1).max(8).nullable().meta({ description: 'EQF level 1-8' }),
  effortHours: z.number().positive().max(10_000).nullable(),
  durationWeeks: z.number().int().min(1).max(520).nullable(),
  cost: costSchema.nullable(),
  cpdHours: z.number().min(0).max(10_000).nullable(),
  fieldOfStudy: line(120).nullable().meta({
    description:
      'The field of study (OB 3.0 Achievement.fieldOfStudy), e.g. an ISCED-F 2013 field; an accreditation scheme limited to fields checks it. An empty string clears it',
  }),
  format: learningFormat.nullable(),
  language: bcp47.nullable(),
  imageFileId: uuid.nullable().meta({ description: 'An image uploaded to POST /api/v1/orgs/{slug}/images' }),
  partnerOrgIds: z.array(uuid).max(20).meta({ description: 'Organisations with the partner role' }),
  criteriaNarrative: prose(10_000),
  passMark: z.number().int().min(0).max(100).nullable(),
  validityMonths: z
    .number()
    .int()
    .min(1)
    .max(600)
    .nullable()
    .meta({ description: 'null: the credential does not expire' }),
};

export const versionPatch = z.strictObject(
  Object.fromEntries(Object.entries(versionFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof versionFields]: z.ZodOptional<(typeof versionFields)[K]>;
  },
);
export type VersionPatch = z.infer<typeof versionPatch>;

export const createBody = versionPatch.extend({ slug: mcSlug, title: line(200).min(1, 'Give it a title') });

export const linkView = z.object({ url: z.string(), title: z.string().optional(), kind: z.enum(['link', 'video']) });

export const moduleView = z
  .object({
    id: z.string(),
    position: z.number().int(),
    title: z.string(),
    content: z.string(),
    links: z.array(linkView),
    estimatedMinutes: z.number().int(),
    activity: activitySchema
      .nullable()
      .meta({ description: 'The full quiz or assignment, answers included (authors only)' }),
  })
  .meta({ id: 'AuthoringModule' });

export const versionView = z
  .object({
    id: z.string(),
    microcredentialId: z.string(),
    versionNumber: z.number().int(),
    status: z.enum(['draft', 'published']),
    title: z.string(),
    summary: z.string(),
    description: z.string(),
    outcomes: z.array(z.string()),
    skills: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), framework: z.string() })),
    level: z.number().int().nullable(),
    effortHours: z.number().nullable(),
    durationWeeks: z.number().int().nullable(),
    cost: z.object({ amountMinor: z.number().int(), currency: z.string() }).nullable(),
    cpdHours: z.number().nullable(),
    fieldOfStudy: z.string().nullable(),
    format: learningFormat.nullable(),
    language: z.string().nullable(),
    imageFileId: z.string().nullable(),
    imageUrl: z.string().nullable(),
    partners: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
    criteriaNarrative: z.string(),
    passMark: z.number().int().nullable(),
    validityMonths: z.number().int().nullable(),
    modules: z.array(moduleView),
    achievement: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'The frozen OB 3.0 Achievement (published versions)' }),
    publishedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'MicrocredentialVersion' });

export const versionSummaryView = z.object({
  id: z.string(),
  versionNumber: z.number().int(),
  status: z.enum(['draft', 'published']),
  title: z.string(),
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
});

export const microcredentialView = z
  .object({
    id: z.string(),
    slug: z.string(),
    status: z
      .enum(['draft', 'published', 'published_with_draft'])
      .meta({ description: 'published_with_draft: live, with a new draft being edited' }),
    versions: z.array(versionSummaryView),
    current: versionView.meta({ description: 'The draft when there is one, else the latest published version' }),
    catalogUrl: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Microcredential' });

export const microcredentialListItem = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published', 'published_with_draft']),
  latestVersion: versionSummaryView,
  publishedVersion: versionSummaryView.nullable(),
  updatedAt: timestamp,
});

export const imageView = z
  .object({
    id: z.string(),
    url: z.string(),
    mediaType: z.enum(['image/png', 'image/jpeg', 'image/svg+xml']),
    width: z.number().int(),
    height: z.number().int(),
    byteSize: z.number().int(),
  })
  .meta({ id: 'UploadedImage' });
