import type { Database } from '../server/src/db/database.js';
import { JobQueue } from '../server/src/jobs/job-queue.js';

/**
 * The job queue a bench gives the app: installed, with no background workers (a bench times the
 * request, not the jobs it queues), logging only errors.
 */
export async function installBenchJobQueue(database: Database): Promise<JobQueue> {
  const jobs = new JobQueue({
    db: database.db,
    ...(database.pglite ? { pglite: database.pglite } : {}),
    log: { info() {}, warn() {}, error: (o: object, m?: string) => console.error(m, o) },
    background: false,
  });
  await jobs.install();
  return jobs;
}
