import { z } from 'zod';
import { credentialText, slug, timestamp } from '../http/schemas.js';

export const endorseBody = z
  .strictObject({
    providerSlug: slug.meta({ description: 'The provider endorsed, or whose programme is endorsed' }),
    programmeSlug: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/, 'A programme slug')
      .optional()
      .meta({ description: 'Leave out to endorse the provider itself (its issuer Profile)' }),
    versionNumber: z.number().int().min(1).optional().meta({ description: 'Default: the newest published version' }),
    comment: credentialText({ max: 4000, isMultiline: true })
      .min(10, 'Say in a sentence or two why you endorse it (at least 10 characters)')
      .meta({ description: 'Markdown; signed into the credential as endorsementComment' }),
  })
  .meta({ id: 'EndorseRequest' });

export const withdrawBody = z.strictObject({
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters)').max(500),
});

export const endorsementSchema = z
  .object({
    id: z.string(),
    endorser: z.object({ slug: z.string(), name: z.string(), did: z.string() }),
    subject: z.discriminatedUnion('type', [
      z.object({ type: z.literal('organization'), slug: z.string(), name: z.string(), id: z.string() }),
      z.object({
        type: z.literal('programme'),
        providerSlug: z.string(),
        providerName: z.string(),
        slug: z.string(),
        title: z.string(),
        versionNumber: z.number().int(),
        id: z.string(),
      }),
    ]),
    comment: z.string(),
    credentialRowId: z.string().meta({ description: 'The credential page is /credentials/{credentialRowId}' }),
    credentialId: z.string().meta({ description: 'The signed EndorsementCredential’s id URL' }),
    validFrom: timestamp,
    withdrawnAt: timestamp.nullable(),
    withdrawalReason: z.string().nullable(),
  })
  .meta({ id: 'Endorsement' });

export const partnerPageSchema = z
  .object({
    organization: z.object({ slug: z.string(), name: z.string(), did: z.string() }),
    endorsements: z.array(endorsementSchema),
  })
  .meta({ id: 'PartnerPage' });

export const inviteBody = z.strictObject({
  microcredentialId: z.uuid('A micro-credential id (UUID)'),
  partnerSlug: slug,
  message: z.string().trim().max(2000).default(''),
});

export const commentBody = z.strictObject({ body: z.string().trim().min(1, 'Write a comment').max(4000) });

export const invitationSchema = z
  .object({
    id: z.string(),
    role: z.enum(['provider', 'partner']).meta({ description: 'The asking organisation’s side' }),
    provider: z.object({ slug: z.string(), name: z.string() }),
    partner: z.object({ slug: z.string(), name: z.string() }),
    programme: z.object({ id: z.string(), slug: z.string() }),
    status: z.enum(['pending', 'approved', 'declined', 'withdrawn']),
    message: z.string(),
    decidedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'CoDevelopmentInvitation' });

export const invitationDetailSchema = invitationSchema
  .extend({
    draft: z
      .object({
        versionNumber: z.number().int(),
        status: z.enum(['draft', 'published']),
        title: z.string(),
        summary: z.string(),
        description: z.string(),
        outcomes: z.array(z.string()),
        modules: z.array(
          z.object({
            id: z.string(),
            position: z.number().int(),
            title: z.string(),
            content: z.string(),
            estimatedMinutes: z.number().int(),
            activityType: z.enum(['quiz', 'assignment']).nullable(),
          }),
        ),
      })
      .nullable(),
    comments: z.array(
      z.object({
        id: z.string(),
        organization: z.object({ slug: z.string(), name: z.string() }),
        authorName: z.string().nullable(),
        body: z.string(),
        createdAt: timestamp,
      }),
    ),
  })
  .meta({ id: 'CoDevelopmentInvitationDetail' });
