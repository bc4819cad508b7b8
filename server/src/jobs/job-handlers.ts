import type { Deps } from '../deps.js';
import type { StoredEvent } from '../events/event-types.js';
import { findEvent } from '../events/events.store.js';
import type { EventJobData } from '../events/record-event.js';
import type { ConsumerName } from '../events/subscriptions.js';
import type { JobLog, JobQueue } from './job-queue.js';
import { applyRetention } from '../audit/retention.js';
import { sendCommunityDigests } from '../community/use-cases/send-digests.js';

import { refreshOrganizationInCatalog } from '../catalog/refresh-organization.js';
import { recordCredentialCpd } from '../cpd/use-cases/record-credential-cpd.js';
import { nudgeGoalsBehindSchedule } from '../goals/use-cases/nudge-goals.js';
import { sendRenewalReminders } from '../accreditation/use-cases/send-renewal-reminders.js';
import type { MailTransport } from '../mail/mail-transport.js';
import type { MailJobData } from '../mail/queue-mail.js';
import { sendQueuedMail } from '../mail/send-queued-mail.js';
import { recordExpiredCredentials } from '../issuance/credential-expiry.js';
import { handleBulkIssuanceJob } from '../issuance/bulk/bulk-job-handler.js';
import { handleCandidateCheckJob } from '../candidate-checks/candidate-check-job.js';
import {
  rememberSharedEvidence,
  type RememberSharedEvidenceJob,
} from '../workforce/use-cases/remember-shared-evidence.js';
import { deleteExpiredCandidateChecks } from '../candidate-checks/use-cases/delete-expired-candidate-checks.js';
import type { CredentialsLinkedJob } from '../issuance/recipient-delivery.js';
import { onCredentialChanged, onCredentialsLinked, onPathwayPublished } from '../pathways/pathway-consumers.js';
import { runScheduledSettlement, settlePublishedPathway } from '../pathways/pathway-settler.js';
import type { DeliveryJobData } from '../webhooks/delivery-jobs.js';
import { deliverWebhook } from '../webhooks/deliver-webhook.js';
import { fanOutWebhooks } from '../webhooks/fan-out-webhooks.js';
import { DEFAULT_WEBHOOK_NETWORK, type WebhookNetwork } from '../webhooks/webhook-network.js';

/** What background work runs with: the app's deps and logger, how mail leaves, where webhooks may go. */
export type JobRuntime = {
  deps: Deps;
  log: JobLog;
  mailTransport?: MailTransport;
  webhooks?: WebhookNetwork;
  /** Days the audit log is kept (CAIRN_AUDIT_RETENTION_DAYS); default 400. */
  auditRetentionDays?: number;
};

type Consumer = (runtime: JobRuntime, event: StoredEvent) => Promise<void>;

/**
 * The composition root of background work: which code runs each queue's jobs and each event
 * consumer. Areas export plain functions; only this file knows them all.
 */
const CONSUMERS: Record<ConsumerName, Consumer> = {
  // area: pathways
  'pathways.credential-changed': (runtime, event) => onCredentialChanged(runtime.deps, event),
  'pathways.published': (runtime, event) => onPathwayPublished(runtime.deps, event),
  // area: CPD
  'cpd.credential-issued': async (runtime, event) => {
    await recordCredentialCpd(runtime.deps, (event as StoredEvent<'credential.issued'>).data.credentialId);
  },
  // area: catalogue
  'catalog.organization-updated': async (runtime, event) => {
    const { organizationId } = (event as StoredEvent<'organization.updated'>).data;
    await refreshOrganizationInCatalog(runtime.deps, organizationId);
  },
  'catalog.accreditation-changed': async (runtime, event) => {
    const { subjectOrgId } = (event as StoredEvent<'accreditation.changed'>).data;
    await refreshOrganizationInCatalog(runtime.deps, subjectOrgId);
  },
  // area: webhooks
  'webhooks.fan-out': async (runtime, event) => {
    await fanOutWebhooks(runtime.deps, event);
  },
};

export function registerJobHandlers(queue: JobQueue, runtime: JobRuntime): JobQueue {
  queue.useLog(runtime.log);
  queue.handle('events', async (job) => {
    const data = job.data as EventJobData;
    const run = CONSUMERS[data.consumer as ConsumerName] as Consumer | undefined;
    if (!run) throw new Error(`No consumer named ${data.consumer}`);
    // Batches (bulk issuance) carry many events: each runs as if alone; a retry reruns them all.
    for (const eventId of 'eventIds' in data ? data.eventIds : [data.eventId]) {
      const event = await findEvent(runtime.deps.db, eventId);
      // Deleted with its organisation (or by retention): nothing left to do.
      if (event) await run(runtime, event);
    }
  });
  // area: mail
  queue.handle('mail', async (job) => {
    const { mailId } = job.data as MailJobData;
    await sendQueuedMail(
      { db: runtime.deps.db, clock: runtime.deps.clock, log: runtime.log, transport: runtime.mailTransport },
      { mailId, attempt: job.retryCount + 1, isLastAttempt: job.retryCount >= job.retryLimit },
    );
  });
  // area: webhooks (deliveries)
  queue.handle('webhooks', async (job) => {
    await deliverWebhook(
      { deps: runtime.deps, network: runtime.webhooks ?? DEFAULT_WEBHOOK_NETWORK, log: runtime.log },
      job.data as DeliveryJobData,
    );
  });
  // area: pathways and credentials (scheduled and follow-up work)
  queue.handle('settlePathways', async () => {
    await runScheduledSettlement(runtime.deps, runtime.log);
  });
  queue.handle('pathwaysPublished', async (job) => {
    await settlePublishedPathway(runtime.deps, (job.data as { pathwayId: string }).pathwayId, runtime.log);
  });
  queue.handle('credentialsLinked', async (job) => {
    await onCredentialsLinked(runtime.deps, (job.data as CredentialsLinkedJob).learnerId);
  });
  queue.handle('credentialExpiry', async () => {
    const scan = await recordExpiredCredentials(runtime.deps);
    if (scan.recorded > 0) runtime.log.info(scan, 'credential expiries recorded');
  });
  // area: issuance (bulk)
  queue.handle('bulkIssuance', async (job) => {
    await handleBulkIssuanceJob(runtime.deps, job);
  });
  // area: workforce
  queue.handle('workforceEvidence', async (job) => {
    await rememberSharedEvidence(runtime.deps, job.data as RememberSharedEvidenceJob);
  });
  // area: candidate checks
  queue.handle('candidateChecks', async (job) => {
    await handleCandidateCheckJob(runtime.deps, job);
  });
  queue.handle('candidateCheckRetention', async () => {
    const deleted = await deleteExpiredCandidateChecks(runtime.deps);
    if (deleted > 0) runtime.log.info({ deleted }, 'candidate checks past 30 days deleted');
  });
  // area: community
  queue.handle('communityDigest', async () => {
    const digest = await sendCommunityDigests(runtime.deps);
    if (digest.mailed > 0) runtime.log.info(digest, 'community digests mailed');
  });
  // area: accreditation
  queue.handle('accreditationRenewals', async () => {
    const scan = await sendRenewalReminders(runtime.deps);
    if (scan.reminded + scan.lapsed > 0)
      runtime.log.info(scan, 'accreditation renewals: reminders sent, lapses recorded');
  });
  // area: goals
  queue.handle('goalNudges', async () => {
    const scan = await nudgeGoalsBehindSchedule(runtime.deps);
    if (scan.nudged > 0) runtime.log.info(scan, 'goal nudges mailed');
  });
  // area: scheduled work
  queue.handle('retention', async () => {
    await applyRetention(runtime.deps, {
      log: runtime.log,
      ...(runtime.auditRetentionDays !== undefined ? { auditRetentionDays: runtime.auditRetentionDays } : {}),
    });
  });
  return queue;
}
