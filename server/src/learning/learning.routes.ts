import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.js';
import { MAX_EVIDENCE_BYTES } from './evidence-file.js';
import { assessmentRoutes } from './routes/assessment.routes.js';
import { enrolmentRoutes } from './routes/enrolment.routes.js';
import { learningStatsRoutes } from './routes/learning-stats.routes.js';
import { myCredentialsRoutes } from './routes/my-credentials.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { submissionRoutes } from './routes/submission.routes.js';
import { voucherRoutes } from './routes/voucher.routes.js';

/** The learning area's routes, one plugin per resource; multipart (for evidence files) is registered once for all of them. */
export const learningRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 4, parts: 5 } });
  // Registration order is the order of the paths in the OpenAPI document.
  await app.register(enrolmentRoutes, { deps });
  await app.register(assessmentRoutes, { deps });
  await app.register(submissionRoutes, { deps });
  await app.register(myCredentialsRoutes, { deps });
  await app.register(reviewRoutes, { deps });
  await app.register(voucherRoutes, { deps });
  await app.register(learningStatsRoutes, { deps });
};
