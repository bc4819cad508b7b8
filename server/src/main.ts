import path from 'node:path';
import { buildApp, redactedPaths } from './app.js';
import { warmCatalogIndex } from './catalog/catalog.service.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Deps } from './deps.js';
import { loadOrCreateMasterKey } from './keys/master-key.js';
import { withStartupLock } from './db/startup-lock.js';
import { JobQueue } from './jobs/job-queue.js';
import { registerJobHandlers } from './jobs/job-handlers.js';
import { createMailTransport } from './mail/mail-transport.js';
import { requeueUntriedMail } from './mail/queue-mail.js';
import { resumeIssuanceJobs } from './issuance/bulk/bulk-jobs.service.js';
import { runPendingTrustRecheck } from './pathways/trust-recheck.js';
import { seedDemoWorld } from './seed/demo-world.js';
import { ensureStarterFramework } from './skills/skills.service.js';
import { demoLoginText, loggerOptions } from './terminal-output.js';

const config = loadConfig();
// Before the app's logger exists: startup messages of the job queue go to the console.
const startupLog = {
  info: (o: object, m?: string) => console.log(m ?? '', o),
  warn: (o: object, m?: string) => console.warn(m ?? '', o),
  error: (o: object, m?: string) => console.error(m ?? '', o),
};
const database = await openDatabase(
  config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl }
    : { engine: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
);
const masterKey = await loadOrCreateMasterKey({ configured: config.masterKey, dataDir: config.dataDir });
const jobs = new JobQueue({
  db: database.db,
  ...(database.pglite ? { pglite: database.pglite } : {}),
  log: startupLog,
});
const deps: Deps = {
  db: database.db,
  clock: () => new Date(),
  publicUrl: config.publicUrl,
  masterKey: masterKey.key,
  jobs,
  ...(database.pglite ? { pglite: database.pglite } : {}),
};
// Servers started together on one database take turns preparing it.
const { applied, seeded, mailRequeued } = await withStartupLock(database, async () => {
  const applied = await migrateToLatest(database.db);
  await ensureStarterFramework(database.db);
  await jobs.install();
  // Mail an earlier release left in the outbox for its polling loop: now each mail is a job.
  const mailRequeued = await requeueUntriedMail(deps);
  // Bulk issuances a stopped server left unfinished continue from their pending rows.
  await resumeIssuanceJobs(deps);
  const seeded = config.seed.isEnabled ? await seedDemoWorld(deps, { password: config.seed.demoPassword }) : undefined;
  return { applied, seeded, mailRequeued };
});

const logger = await loggerOptions(config, redactedPaths);

const app = await buildApp({
  deps,
  logger,
  authRateLimit: config.authRateLimit,
  trustProxy: config.trustProxy,
  verifyPool: config.verifyPool,
  bodyLimit: config.bodyLimit,
  webDistDir: config.webDistDir,
  webhooks: config.webhooks,
  operatorEmails: config.operatorEmails,
  ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
});

const transport = createMailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });

app.log.info(
  {
    engine: database.engine,
    migrationsApplied: applied,
    masterKey: masterKey.source,
    mail: transport.describe,
    ...(mailRequeued > 0 ? { mailRequeued } : {}),
  },
  `database ready (${database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
);
if (masterKey.source !== 'environment') {
  app.log.warn(
    'CAIRN_MASTER_KEY is not set: signing keys are encrypted with a key file in the data directory. Set it in production.',
  );
}

// Workers in every server; schedules are cluster-wide (pg-boss sends each once).
registerJobHandlers(jobs, {
  deps,
  log: app.log,
  mailTransport: transport,
  webhooks: config.webhooks,
  auditRetentionDays: config.auditRetentionDays,
});
await jobs.start({ workers: true, schedules: true });
// Once per database: entries and awards made under the old verification rules are re-checked.
void runPendingTrustRecheck(deps, app.log).catch((err: unknown) =>
  app.log.error({ err }, 'trust re-check failed; it runs again at the next start'),
);
// The first catalogue search would otherwise wait for the in-memory search indexes to load.
void warmCatalogIndex(deps).catch((err: unknown) =>
  app.log.warn({ err }, 'catalogue index not preloaded; the first search loads it'),
);

let isShuttingDown = false;
async function shutdown(signal: string) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  app.log.info({ signal }, 'shutting down: finishing requests in flight');
  const force = setTimeout(() => process.exit(1), 15_000).unref();
  try {
    await app.close();
    await jobs.stop();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Cairn is serving ${config.publicUrl.origin} (API docs at /docs)`);
if (seeded) {
  // Printed once, after the serving line so it is the last thing a person sees, on the start
  // that creates the demo world (a generated password is stored nowhere in clear).
  process.stdout.write(
    demoLoginText(
      {
        url: config.publicUrl.origin,
        emails: seeded.emails,
        password: seeded.isPasswordGenerated ? seeded.password : undefined,
      },
      config.logFormat,
    ),
  );
}
