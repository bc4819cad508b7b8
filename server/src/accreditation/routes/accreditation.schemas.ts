import { z } from 'zod';
import { credentialText, iso, isoOrNull, slug, timestamp, uuid } from '../../http/schemas.js';
import type { AccreditationView } from '../accreditation-view.js';
import type { ApplicationDetail } from '../application-view.js';
import type { SchemeView } from '../scheme-view.js';
import type { PublicSchemeView } from '../use-cases/manage-schemes.js';

const shortText = (max: number) => credentialText({ max });
const list = (max: number) => z.array(shortText(max).min(1)).max(50);

export const scopeSchema = z
  .object({
    fields: list(120),
    eqfLevels: z.array(z.number().int().min(1).max(8)).max(8),
    jurisdictions: list(80),
    credentialTypes: list(80),
  })
  .meta({ id: 'AccreditationScope', description: 'Scope limits; an empty list means any' });

const schemeFields = {
  slug,
  name: shortText(200).min(3),
  summary: shortText(1000),
  criteriaMarkdown: credentialText({ max: 20_000, isMultiline: true }),
  checklist: list(300),
  evidenceItems: list(300),
  validityMonths: z.number().int().min(1).max(120),
  reviewIntervalMonths: z.number().int().min(1).max(120).nullable(),
  scope: scopeSchema,
  feeNote: shortText(1000),
  isOpen: z.boolean(),
};

export const schemeInput = z.strictObject({
  ...schemeFields,
  summary: schemeFields.summary.default(''),
  criteriaMarkdown: schemeFields.criteriaMarkdown.default(''),
  checklist: schemeFields.checklist.default([]),
  evidenceItems: schemeFields.evidenceItems.default([]),
  reviewIntervalMonths: schemeFields.reviewIntervalMonths.default(null),
  scope: scopeSchema.default({ fields: [], eqfLevels: [], jurisdictions: [], credentialTypes: [] }),
  feeNote: schemeFields.feeNote.default(''),
  isOpen: schemeFields.isOpen.default(true),
});

/** A change to a scheme: only the fields sent change. */
export const schemeChanges = z.strictObject(schemeFields).partial();

export const schemeSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    summary: z.string(),
    criteriaMarkdown: z.string(),
    checklist: z.array(z.string()),
    evidenceItems: z.array(z.string()),
    validityMonths: z.number(),
    reviewIntervalMonths: z.number().nullable(),
    scope: scopeSchema,
    feeNote: z.string(),
    isOpen: z.boolean(),
    updatedAt: timestamp,
  })
  .meta({ id: 'AccreditationScheme' });

export const publicSchemeSchema = schemeSchema
  .extend({ accreditor: z.object({ slug: z.string(), name: z.string() }) })
  .meta({ id: 'PublicAccreditationScheme' });

export const presentSchemeJson = (s: SchemeView) => ({ ...s, updatedAt: iso(s.updatedAt) });
export const presentPublicSchemeJson = (s: PublicSchemeView) => ({ ...s, updatedAt: iso(s.updatedAt) });

const status = z.enum(['candidate', 'accredited', 'expired', 'withdrawn', 'suspended', 'refused']);
const subjectType = z.enum(['organization', 'programme']);

export const accreditationSchema = z
  .object({
    id: z.string(),
    subject: z.object({
      type: subjectType,
      id: z.string(),
      name: z.string(),
      providerSlug: z.string(),
      providerName: z.string(),
    }),
    scheme: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    accreditor: z.object({ slug: z.string(), name: z.string() }),
    status,
    statusReason: z.string().nullable(),
    decisionReasons: z.string().nullable(),
    publicReportUrl: z.string().nullable(),
    jurisdiction: z.string().nullable(),
    validFrom: timestamp,
    validUntil: timestamp.nullable(),
    reviewDate: timestamp.nullable(),
    statusChangedAt: timestamp,
    withdrawnAt: timestamp.nullable(),
    credentialId: z.string().nullable(),
    credentialUrl: z.string().nullable(),
    verificationCode: z.string(),
    applicationId: z.string().nullable(),
  })
  .meta({ id: 'Accreditation' });

export function presentAccreditationJson(a: AccreditationView) {
  return {
    ...a,
    validFrom: iso(a.validFrom),
    validUntil: isoOrNull(a.validUntil),
    reviewDate: isoOrNull(a.reviewDate),
    statusChangedAt: iso(a.statusChangedAt),
    withdrawnAt: isoOrNull(a.withdrawnAt),
  };
}

const applicationState = z.enum(['submitted', 'information_requested', 'resubmitted', 'decided']);
const decision = z.enum(['candidate', 'accredited', 'refused']);

export const applicationSchema = z
  .object({
    id: z.string(),
    state: applicationState,
    subjectType,
    statement: z.string(),
    jurisdiction: z.string().nullable(),
    decision: decision.nullable(),
    decisionReasons: z.string().nullable(),
    publicReportUrl: z.string().nullable(),
    decidedAt: timestamp.nullable(),
    renewsId: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    provider: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    accreditor: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    scheme: schemeSchema,
    programmes: z.array(
      z.object({ id: z.string(), slug: z.string(), title: z.string().nullable(), level: z.number().nullable() }),
    ),
    evidence: z.array(
      z.object({
        id: z.string(),
        filename: z.string(),
        mediaType: z.string(),
        size: z.number(),
        evidenceItem: z.string().nullable(),
        createdAt: timestamp,
      }),
    ),
    messages: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['comment', 'information_request', 'answer', 'decision']),
        body: z.string(),
        createdAt: timestamp,
        orgName: z.string(),
        authorName: z.string().nullable(),
      }),
    ),
    checklist: z
      .array(
        z.object({
          criterion: z.string(),
          outcome: z.enum(['met', 'not_met', 'unclear']).nullable(),
          note: z.string(),
        }),
      )
      .nullable(),
    history: z.array(
      z.object({
        id: z.string(),
        state: applicationState,
        decision: decision.nullable(),
        decisionReasons: z.string().nullable(),
        decidedAt: timestamp.nullable(),
        createdAt: timestamp,
      }),
    ),
    accreditations: z.array(accreditationSchema),
  })
  .meta({ id: 'AccreditationApplication' });

export function presentApplicationJson(a: ApplicationDetail) {
  return {
    ...a,
    decidedAt: isoOrNull(a.decidedAt),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    scheme: presentSchemeJson(a.scheme),
    evidence: a.evidence.map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
    messages: a.messages.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
    history: a.history.map((h) => ({ ...h, decidedAt: isoOrNull(h.decidedAt), createdAt: iso(h.createdAt) })),
    accreditations: a.accreditations.map(presentAccreditationJson),
  };
}

export const applicationSummarySchema = z
  .object({
    id: z.string(),
    state: applicationState,
    decision: decision.nullable(),
    subjectType,
    scheme: z.object({ id: z.string(), name: z.string() }),
    provider: z.object({ slug: z.string(), name: z.string() }),
    accreditor: z.object({ slug: z.string(), name: z.string() }),
    isRenewal: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'AccreditationApplicationSummary' });

export const applicationInput = z.strictObject({
  schemeId: uuid,
  subjectType,
  programmeIds: z.array(uuid).max(50).default([]),
  statement: credentialText({ max: 20_000, isMultiline: true }).min(
    10,
    'Say in a sentence or two why you meet the criteria',
  ),
  jurisdiction: shortText(80).min(1).nullable().default(null),
  renewsId: uuid.nullable().default(null),
});

export const messageInput = z.strictObject({
  body: credentialText({ max: 10_000, isMultiline: true }).min(1, 'Write a message'),
});

export const checkInput = z.strictObject({
  criterion: z.string().min(1).max(300),
  outcome: z.enum(['met', 'not_met', 'unclear']),
  note: credentialText({ max: 5000, isMultiline: true }).default(''),
});

export const decisionInput = z.strictObject({
  decision,
  reasons: credentialText({ max: 10_000, isMultiline: true }).min(3, 'Give the reasons for the decision'),
  publicReportUrl: z
    .url({ protocol: /^https?$/, message: 'Give a web link starting with https://' })
    .max(2000)
    .nullable()
    .default(null),
});

export const statusChangeInput = z
  .strictObject({
    action: z.enum(['suspend', 'reinstate', 'withdraw']),
    reason: credentialText({ max: 2000 }).min(3).optional().meta({ description: 'Required to suspend or withdraw' }),
  })
  .superRefine((value, ctx) => {
    if (value.action !== 'reinstate' && !value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `Give the reason to ${value.action}`, input: value });
  });

export const registerEntrySchema = z
  .object({
    subject: z.object({
      type: subjectType,
      id: z.string(),
      name: z.string(),
      providerSlug: z.string(),
      providerName: z.string(),
    }),
    scheme: z.string(),
    schemeSlug: z.string(),
    status,
    validFrom: timestamp,
    validUntil: timestamp.nullable(),
    reviewDate: timestamp.nullable(),
    withdrawnAt: timestamp.nullable(),
    credentialId: z.string().nullable(),
    credentialUrl: z.string().nullable(),
    verificationCode: z.string(),
  })
  .meta({ id: 'RegisterEntry' });
