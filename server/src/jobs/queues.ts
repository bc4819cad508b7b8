/**
 * Every queue Cairn runs, with its retry policy. Queues are created (or updated) at start; each
 * has a dead-letter queue where jobs land after their last retry, for operators to see and
 * retry (`/admin/jobs`).
 */
export type QueueSpec = {
  name: string;
  /** pg-boss policy: `singleton` lets one job of the queue run at a time across the cluster. */
  policy: 'standard' | 'singleton';
  /** Attempts after the first. */
  retryLimit: number;
  /** Seconds before the first retry; doubles each time (with jitter) when `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
  /** Seconds a job may run before it counts as failed (and is retried). */
  expireInSeconds: number;
  /** How often an idle worker looks for work; a send in this process wakes it at once. */
  pollingIntervalSeconds: number;
  /** How many jobs one worker takes at a time (each runs in its own transaction). */
  batchSize: number;
  /** Cron expression (UTC) for queues fed by the cluster-wide scheduler, not by sends. */
  cron?: string;
  description: string;
};

const ON_DEMAND = { policy: 'standard', pollingIntervalSeconds: 1, batchSize: 5 } as const;
const SCHEDULED = {
  policy: 'singleton',
  retryLimit: 3,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 3600,
  pollingIntervalSeconds: 10,
  batchSize: 1,
} as const;

export const QUEUES = {
  /** One job per (domain event, consumer): pathway re-evaluation, catalogue refresh, webhook fan-out. */
  events: {
    ...ON_DEMAND,
    name: 'domain-events',
    retryLimit: 8,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 120,
    description: 'Domain event consumers: pathway awards, catalogue refresh, webhook fan-out',
  },
  mail: {
    ...ON_DEMAND,
    name: 'mail',
    pollingIntervalSeconds: 2,
    retryLimit: 10,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 120,
    description: 'Outgoing mail (the mails table is the outbox; a job sends one mail)',
  },
  /** Each attempt is its own job; a failed attempt schedules the next by the delivery's own timetable. */
  webhooks: {
    ...ON_DEMAND,
    name: 'webhook-deliveries',
    retryLimit: 2,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 60,
    description: 'Webhook delivery attempts',
  },
  /** The safety net behind the event consumers; also the only reader of other issuers' lists for wallet entries. */
  settlePathways: {
    ...SCHEDULED,
    name: 'cron.settle-pathways',
    cron: '17 */6 * * *',
    expireInSeconds: 3 * 3600,
    description:
      'Every 6 hours: re-read wallet credential statuses, settle every pathway, suspend awards whose components expired',
  },
  /** Sent by the `pathways.published` consumer: settling every learner can outlast an event job's time limit. */
  pathwaysPublished: {
    ...ON_DEMAND,
    name: 'pathways.settle-published',
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 1800,
    description: 'After a pathway is published: award learners who already qualify',
  },
  /** Expiry changes no row, so nothing else would notice it: records `credential.expired` once per credential. */
  credentialExpiry: {
    ...SCHEDULED,
    name: 'cron.credential-expiry',
    cron: '*/15 * * * *',
    expireInSeconds: 900,
    description: 'Every 15 minutes: record credential.expired for credentials whose validity has ended',
  },
  /** Credentials waiting for an address joined the account that proved it (not an issuance, so no event). */
  credentialsLinked: {
    ...ON_DEMAND,
    name: 'credentials.linked',
    retryLimit: 8,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 300,
    description:
      'Credentials joined a learner’s account when they confirmed their address: their pathways are re-evaluated',
  },
  /** Mails learners whose goal plan no longer fits their target date (opt-in; once a week per goal). */
  goalNudges: {
    ...SCHEDULED,
    name: 'cron.goal-nudges',
    cron: '0 8 * * 1',
    description: 'Mondays: nudge learners whose goal plan is behind schedule (opt-in, once a week per goal)',
  },
  retention: {
    ...SCHEDULED,
    name: 'cron.retention',
    cron: '43 3 * * *',
    description: 'Daily: drop audit events and webhook deliveries past their retention',
  },
  /** Mentions, replies and direct messages gathered into one mail per person a day. */
  communityDigest: {
    ...SCHEDULED,
    name: 'cron.community-digest',
    cron: '7 7 * * *',
    description: 'Daily: mail each person a digest of new mentions, replies and messages in their cohorts',
  },
  /** Accreditations near expiry: reminders 60 and 14 days before (once each), and lapsed ones marked expired. */
  accreditationRenewals: {
    ...SCHEDULED,
    name: 'cron.accreditation-renewals',
    // Hourly, so a lapsed accreditation leaves the catalogue's "Accredited by" filter within the
    // hour (everywhere else it reads expired from the date at once); reminders stay once each.
    cron: '23 * * * *',
    description:
      'Hourly: remind providers 60 and 14 days before an accreditation expires (once each); mark lapsed ones expired',
  },
  /** One job works through a bulk issuance for up to a minute, then queues its follow-up; progress is in the rows. */
  bulkIssuance: {
    ...ON_DEMAND,
    name: 'issuance-jobs',
    batchSize: 1,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 300,
    description: 'Bulk issuance: issue the rows of an uploaded CSV in batches',
  },
  /** One job verifies a candidate check's uploads for up to a minute, then queues its follow-up; outcomes are in the items. */
  candidateChecks: {
    ...ON_DEMAND,
    name: 'candidate-checks',
    batchSize: 1,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 300,
    description: 'Candidate checks: verify the credentials of an upload',
  },
  /** Sent when a member shares credentials with an employer: verifies them ahead of the first gap report. */
  workforceEvidence: {
    ...ON_DEMAND,
    name: 'workforce.remember-evidence',
    batchSize: 1,
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 600,
    description: 'Workforce: verify the credentials a member shares, so gap reports re-check only their status',
  },
  /** Uploads of candidate checks are kept 30 days. */
  candidateCheckRetention: {
    ...SCHEDULED,
    name: 'cron.candidate-check-retention',
    cron: '23 4 * * *',
    description: 'Daily: delete candidate checks (uploads and results) older than 30 days',
  },
  /** Runs nothing of the product: lets tests and operators check that workers pick up jobs. */
  maintenanceProbe: {
    ...ON_DEMAND,
    name: 'maintenance.probe',
    retryLimit: 1,
    retryDelay: 1,
    retryBackoff: false,
    expireInSeconds: 60,
    description: 'Test jobs: check that workers pick up work',
  },
} as const satisfies Record<string, QueueSpec>;

export type QueueKey = keyof typeof QUEUES;

export function deadLetterName(spec: Pick<QueueSpec, 'name'>): string {
  return `${spec.name}.dead`;
}
