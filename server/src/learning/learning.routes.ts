import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { iso, isoOrNull, problemResponses, slug, timestamp, uuid } from '../http/schemas.js';
import { MAX_EVIDENCE_BYTES } from './evidence-file.js';
import { completeModule } from './use-cases/complete-module.js';
import { enrolLearner } from './use-cases/enrol-learner.js';
import { getEnrolment } from './use-cases/get-enrolment.js';
import { getLearningStats } from './use-cases/get-learning-stats.js';
import { listMyCredentials } from './use-cases/list-my-credentials.js';
import { listMyLearning } from './use-cases/list-my-learning.js';
import { createVoucher, listVouchers } from './use-cases/manage-vouchers.js';
import { getSubmissionForReview, listReviewQueue, readSubmissionFile } from './use-cases/review-queue.js';
import { reviewSubmission } from './use-cases/review-submission.js';
import { submitAssignment, type SubmissionInput } from './use-cases/submit-assignment.js';
import { submitQuizAttempt } from './use-cases/submit-quiz-attempt.js';
import { withdrawEnrolment } from './use-cases/withdraw-enrolment.js';

type Dated = { enrolledAt: Date; completedAt: Date | null };
function presentSummary<T extends Dated>(e: T) {
  return { ...e, enrolledAt: iso(e.enrolledAt), completedAt: isoOrNull(e.completedAt) };
}
type SubmissionDates = { submittedAt: Date; reviewedAt: Date | null };
function presentSubmission<T extends SubmissionDates>(s: T) {
  return { ...s, submittedAt: iso(s.submittedAt), reviewedAt: isoOrNull(s.reviewedAt) };
}
function presentDetail(d: Awaited<ReturnType<typeof getEnrolment>>) {
  return {
    ...presentSummary(d),
    modules: d.modules.map((m) => ({
      ...m,
      activity:
        m.activity?.type === 'assignment'
          ? { ...m.activity, submissions: m.activity.submissions.map(presentSubmission) }
          : m.activity,
    })),
  };
}

const programmeSchema = z.object({
  providerSlug: z.string(),
  providerName: z.string(),
  slug: z.string(),
  title: z.string(),
  versionNumber: z.number(),
  imageUrl: z.string().nullable(),
});
const summarySchema = z
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
const submissionSchema = z
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
const learnerQuestion = z.object({
  id: z.string(),
  kind: z.enum(['single', 'multiple', 'numeric']),
  prompt: z.string(),
  points: z.number(),
  unit: z.string().optional(),
  options: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
});
const anyObject = z.record(z.string(), z.unknown());
// An assignment's rubric and accepted evidence as learners and reviewers see them (ids are given on save).
const rubricLevelView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  points: z.number(),
});
const rubricView = z.object({
  criteria: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().optional(),
      levels: z.array(rubricLevelView),
    }),
  ),
});
const evidenceView = z.object({
  kinds: z.array(z.enum(['text', 'link', 'file'])),
  fileTypes: z.array(z.string()),
  maxFileBytes: z.number().nullable(),
});
const detailSchema = summarySchema
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

const enrolmentParams = z.object({ id: uuid });
const moduleParams = z.object({ id: uuid, moduleId: uuid });

export const learningRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 4, parts: 5 } });
  const tags = ['Learning'];

  app.post('/api/v1/catalog/:providerSlug/:slug/enrol', {
    schema: {
      tags,
      summary: 'Enrol in a published programme (free at once; paid with a voucher)',
      params: z.object({ providerSlug: slug, slug: z.string().min(3).max(80) }),
      body: z.strictObject({ voucherCode: z.string().trim().min(4).max(40).optional() }).optional(),
      response: { 201: detailSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const detail = await enrolLearner(deps, request.actor, {
        ...request.params,
        ...(request.body?.voucherCode ? { voucherCode: request.body.voucherCode } : {}),
      });
      return reply.status(201).send(presentDetail(detail));
    },
  });

  app.get('/api/v1/me/learning', {
    schema: {
      tags,
      summary: 'My enrolments: active, completed, withdrawn',
      response: { 200: z.object({ items: z.array(summarySchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: (await listMyLearning(deps, request.actor)).map(presentSummary) }),
  });

  app.get('/api/v1/me/enrolments/:id', {
    schema: {
      tags,
      summary: 'One of my enrolments with its modules and progress',
      params: enrolmentParams,
      response: { 200: detailSchema, ...problemResponses },
    },
    handler: async (request) => presentDetail(await getEnrolment(deps, request.actor, request.params.id)),
  });

  app.post('/api/v1/me/enrolments/:id/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw from a programme',
      params: enrolmentParams,
      body: z.strictObject({}).optional(),
      response: { 200: summarySchema, ...problemResponses },
    },
    handler: async (request) => presentSummary(await withdrawEnrolment(deps, request.actor, request.params.id)),
  });

  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/complete', {
    schema: {
      tags,
      summary: 'Mark a module without an activity as done',
      params: moduleParams,
      body: z.strictObject({}).optional(),
      response: { 200: detailSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentDetail(await completeModule(deps, request.actor, request.params.id, request.params.moduleId)),
  });

  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/quiz-attempts', {
    schema: {
      tags,
      summary: 'Submit a quiz attempt; graded on the server',
      params: moduleParams,
      body: z.strictObject({
        answers: z.record(z.string().max(64), z.union([z.array(z.string().max(64)).max(20), z.number().finite()])),
      }),
      response: {
        201: z.object({
          attemptNumber: z.number(),
          percent: z.number(),
          isPassed: z.boolean(),
          attemptsLeft: z.number().nullable(),
          questions: z.array(z.object({ id: z.string(), isCorrect: z.boolean(), feedback: z.string().optional() })),
          enrolment: detailSchema,
        }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const result = await submitQuizAttempt(
        deps,
        request.actor,
        request.params.id,
        request.params.moduleId,
        request.body.answers,
      );
      return reply.status(201).send({ ...result, enrolment: presentDetail(result.enrolment) });
    },
  });

  app.post('/api/v1/me/enrolments/:id/modules/:moduleId/submissions', {
    schema: {
      tags,
      summary: 'Submit evidence for an assignment (JSON, or multipart with a file)',
      description:
        'JSON `{text?, link?}`, or multipart/form-data with `file` and optional `text` and `link` fields (browsers send `X-Cairn-CSRF: 1`).',
      params: moduleParams,
      response: { 201: submissionSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const input: SubmissionInput = {};
      const linkSchema = z.url({ protocol: /^https?$/, message: 'Give a web link starting with https://' }).max(2000);
      const take = (field: 'text' | 'link', value: unknown) => {
        if (typeof value !== 'string' || value.trim() === '') return;
        if (field === 'text') input.text = value.trim().slice(0, 20_000);
        else {
          const parsed = linkSchema.safeParse(value.trim());
          if (!parsed.success)
            throw new AppError('validation_failed', 'The link is not a web address.', {
              fields: [{ field: 'link', message: parsed.error.issues[0]?.message ?? 'Invalid link' }],
            });
          input.link = parsed.data;
        }
      };
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file')
              throw new AppError('validation_failed', 'Send the file in a field named "file".', {
                fields: [{ field: part.fieldname, message: 'Unexpected file field' }],
              });
            let bytes: Buffer;
            try {
              bytes = await part.toBuffer();
            } catch {
              throw new AppError(
                'payload_too_large',
                `The file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB, the most any assignment accepts.`,
              );
            }
            input.file = { filename: part.filename || 'evidence', bytes };
          } else if (part.fieldname === 'text' || part.fieldname === 'link') {
            take(part.fieldname, part.value);
          }
        }
      } else {
        const parsed = z
          .strictObject({ text: z.string().max(20_000).optional(), link: z.string().max(2000).optional() })
          .safeParse(request.body ?? {});
        if (!parsed.success) {
          throw new AppError('validation_failed', 'Send text and/or link.', {
            fields: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
          });
        }
        take('text', parsed.data.text);
        take('link', parsed.data.link);
      }
      const submission = await submitAssignment(deps, request.actor, request.params.id, request.params.moduleId, input);
      return reply.status(201).send(presentSubmission(submission));
    },
  });

  app.get('/api/v1/me/credentials', {
    schema: {
      tags,
      summary: 'Credentials I hold',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              achievementName: z.string().nullable(),
              issuedAt: timestamp,
              status: z.enum(['active', 'revoked', 'suspended', 'expired']),
              verifiableCredential: z.union([anyObject, z.string()]),
              issuer: z.object({ name: z.string(), did: z.string() }),
              credentialUrl: z.string(),
            }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({
      items: (await listMyCredentials(deps, request.actor)).map((c) => ({ ...c, issuedAt: iso(c.issuedAt) })),
    }),
  });

  const orgTags = ['Assessment'];
  app.get('/api/v1/orgs/:slug/review-queue', {
    schema: {
      tags: orgTags,
      summary: 'Submissions waiting for review, oldest first',
      params: z.object({ slug }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              submittedAt: timestamp,
              attemptNumber: z.number(),
              learner: z.object({ name: z.string() }),
              programme: z.object({ title: z.string() }),
              module: z.object({ id: z.string(), title: z.string() }),
            }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({
      items: (await listReviewQueue(deps, request.actor, request.params.slug)).map((i) => ({
        ...i,
        submittedAt: iso(i.submittedAt),
      })),
    }),
  });

  app.get('/api/v1/orgs/:slug/submissions/:id', {
    schema: {
      tags: orgTags,
      summary: 'A submission with its rubric, for review',
      params: z.object({ slug, id: uuid }),
      response: {
        200: submissionSchema.extend({
          learner: z.object({ name: z.string() }),
          programme: z.object({ title: z.string() }),
          module: z.object({ id: z.string(), title: z.string() }),
          instructions: z.string(),
          rubric: rubricView,
          passPoints: z.number().nullable(),

          maxPoints: z.number(),
          scores: z.record(z.string(), z.string()).nullable(),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) =>
      presentSubmission(await getSubmissionForReview(deps, request.actor, request.params.slug, request.params.id)),
  });

  app.get('/api/v1/orgs/:slug/submissions/:id/file', {
    schema: {
      tags: orgTags,
      summary: 'The evidence file of a submission',
      params: z.object({ slug, id: uuid }),
      response: { 200: z.any(), ...problemResponses },
    },
    handler: async (request, reply) => {
      const f = await readSubmissionFile(deps, request.actor, request.params.slug, request.params.id);
      return reply
        .type(f.mediaType)
        .header('content-disposition', `attachment; filename="${f.filename.replace(/[^\w.-]+/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  });

  app.post('/api/v1/orgs/:slug/submissions/:id/review', {
    schema: {
      tags: orgTags,
      summary: 'Score a submission against its rubric; approve or ask for a resubmission',
      params: z.object({ slug, id: uuid }),
      body: z.strictObject({
        scores: z.record(z.string().max(64), z.string().max(64)),
        feedback: z.string().trim().max(10_000).default(''),
        decision: z.enum(['approve', 'resubmit']),
      }),
      response: { 200: submissionSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentSubmission(
        await reviewSubmission(deps, request.actor, request.params.slug, request.params.id, request.body),
      ),
  });

  const voucherSchema = z
    .object({
      id: z.string(),
      code: z.string(),
      microcredentialId: z.string().nullable(),
      maxRedemptions: z.number(),
      redeemed: z.number(),
      expiresAt: timestamp.nullable(),
    })
    .meta({ id: 'Voucher' });
  app.get('/api/v1/orgs/:slug/vouchers', {
    schema: {
      tags: ['Learning'],
      summary: 'Voucher codes for paid programmes',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(voucherSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await listVouchers(deps, request.actor, request.params.slug)).map((v) => ({
        ...v,
        expiresAt: isoOrNull(v.expiresAt),
      })),
    }),
  });
  app.post('/api/v1/orgs/:slug/vouchers', {
    schema: {
      tags: ['Learning'],
      summary: 'Create a voucher code',
      params: z.object({ slug }),
      body: z.strictObject({
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9-]{4,40}$/, 'Use 4-40 letters, digits and hyphens')
          .optional(),
        microcredentialId: uuid.optional(),
        maxRedemptions: z.number().int().min(1).max(100_000),
        expiresAt: timestamp.optional(),
      }),
      response: { 201: voucherSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const v = await createVoucher(deps, request.actor, request.params.slug, {
        ...rest,
        ...(expiresAt ? { expiresAt: new Date(expiresAt) } : {}),
      });
      return reply.status(201).send({ ...v, expiresAt: isoOrNull(v.expiresAt) });
    },
  });

  app.get('/api/v1/orgs/:slug/learning-stats', {
    schema: {
      tags: ['Learning'],
      summary: 'Enrolment, completion and assessment figures for the provider dashboard',
      params: z.object({ slug }),
      response: {
        200: z.object({
          enrolments: z.number(),
          active: z.number(),
          completed: z.number(),
          withdrawn: z.number(),
          completionRate: z.number().nullable(),
          medianDaysToComplete: z.number().nullable(),
          reviewQueue: z.number(),
          byProgramme: z.array(
            z.object({
              microcredentialId: z.string(),
              title: z.string(),
              enrolments: z.number(),
              completed: z.number(),
            }),
          ),
          quizzes: z.array(
            z.object({
              moduleId: z.string(),
              title: z.string(),
              programme: z.string(),
              attempts: z.number(),
              passRate: z.number(),
            }),
          ),
          enrolmentsByWeek: z.array(z.object({ week: z.string(), enrolments: z.number(), completions: z.number() })),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => getLearningStats(deps, request.actor, request.params.slug),
  });
};
