/** Schemas shared by the learning routes; the named ones (.meta id) are OpenAPI components. */
import { z } from 'zod';
import { timestamp, uuid } from '../../http/schemas.js';

export const programmeSchema = z.object({
  providerSlug: z.string(),
  providerName: z.string(),
  slug: z.string(),
  title: z.string(),
  versionNumber: z.number(),
  imageUrl: z.string().nullable(),
});
export const summarySchema = z
  .object({
    id: z.string(),
    status: z.enum(['active', 'completed', 'withdrawn']),
    programme: programmeSchema,
    enrolledAt: timestamp,
    completedAt: timestamp.nullable(),
    progress: z.object({ done: z.number(), total: z.number(), percent: z.number() }),
    nextModuleId: z.string().nullable(),
    credentialId: z.string().nullable(),
  })
  .meta({ id: 'EnrolmentSummary' });
export const submissionSchema = z
  .object({
    id: z.string(),
    attemptNumber: z.number(),
    status: z.enum(['pending', 'approved', 'resubmit']),
    text: z.string().nullable(),
    link: z.string().nullable(),
    file: z.object({ name: z.string(), mediaType: z.string(), size: z.number() }).nullable(),
    submittedAt: timestamp,
    reviewedAt: timestamp.nullable(),
    feedback: z.string().nullable(),
    points: z.number().nullable(),
    maxPoints: z.number().nullable(),
  })
  .meta({ id: 'Submission' });
export const learnerQuestion = z.object({
  id: z.string(),
  kind: z.enum(['single', 'multiple', 'numeric']),
  prompt: z.string(),
  points: z.number(),
  unit: z.string().optional(),
  options: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
});
export const anyObject = z.record(z.string(), z.unknown());
// An assignment's rubric and accepted evidence as learners and reviewers see them (ids are given on save).
export const rubricLevelView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  points: z.number(),
});
export const rubricView = z.object({
  criteria: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().optional(),
      levels: z.array(rubricLevelView),
    }),
  ),
});
export const evidenceView = z.object({
  kinds: z.array(z.enum(['text', 'link', 'file'])),
  fileTypes: z.array(z.string()),
  maxFileBytes: z.number().nullable(),
});
export const detailSchema = summarySchema
  .extend({
    modules: z.array(
      z.object({
        id: z.string(),
        position: z.number(),
        title: z.string(),
        content: z.string(),
        links: z.array(z.object({ url: z.string(), title: z.string().optional(), kind: z.enum(['link', 'video']) })),
        estimatedMinutes: z.number(),
        state: z.enum(['todo', 'done', 'pending_review', 'resubmit', 'failed']),
        activity: z
          .union([
            z.object({
              type: z.literal('quiz'),
              passMark: z.number(),
              attemptsLimit: z.number().nullable(),
              attemptsUsed: z.number(),
              bestPercent: z.number().nullable(),
              isPassed: z.boolean(),
              questions: z.array(learnerQuestion),
              isStartRequired: z
                .boolean()
                .meta({ description: 'Questions are drawn when an attempt starts (POST …/quiz-attempts/start)' }),
              questionCount: z.number(),
              timeLimitMinutes: z.number().nullable(),
              cooldownMinutes: z.number().nullable(),
              revealAnswers: z.enum(['after-pass', 'after-pass-or-last-attempt', 'never']),
            }),
            z.object({
              type: z.literal('assignment'),
              instructions: z.string(),
              rubric: rubricView,
              evidence: evidenceView,
              submissions: z.array(submissionSchema),
            }),
          ])
          .nullable(),
      }),
    ),
    overall: z.object({ percent: z.number().nullable(), passMark: z.number().nullable() }),
  })
  .meta({ id: 'EnrolmentDetail' });

export const enrolmentParams = z.object({ id: uuid });
export const moduleParams = z.object({ id: uuid, moduleId: uuid });
