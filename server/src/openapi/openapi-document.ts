import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { JobQueue } from '../jobs/job-queue.js';

/**
 * The OpenAPI document, from the routes' own schemas: the app is assembled in memory on an
 * empty embedded database that is never migrated or queried (routes only register), so no
 * server has to run. The web app's API types are generated from this document.
 */
export async function buildOpenApiDocument(): Promise<unknown> {
  const database = await openDatabase({ engine: 'pglite' });
  const silent = { info() {}, warn() {}, error() {} };
  const jobs = new JobQueue({ db: database.db, log: silent, background: false });
  const app = await buildApp({
    deps: {
      db: database.db,
      clock: () => new Date(),
      publicUrl: new URL('http://localhost:3000'),
      masterKey: randomBytes(32),
      jobs,
    },
    logger: false,
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await database.close();
  }
}
