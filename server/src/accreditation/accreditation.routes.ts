import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.js';
import { applicationRoutes } from './routes/application.routes.js';
import { registerRoutes } from './routes/register.routes.js';
import { schemeRoutes } from './routes/scheme.routes.js';
import { MAX_APPLICATION_EVIDENCE_BYTES } from './use-cases/submit-application.js';

/** The accreditation area's routes: schemes, applications and their review, granted accreditations, public registers. */
export const accreditationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart, {
    limits: { fileSize: MAX_APPLICATION_EVIDENCE_BYTES, files: 1, fields: 2, parts: 3 },
  });
  await app.register(schemeRoutes, { deps });
  await app.register(applicationRoutes, { deps });
  await app.register(registerRoutes, { deps });
};
