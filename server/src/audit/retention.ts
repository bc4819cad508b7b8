import type { Deps } from '../deps.js';
import type { JobLog } from '../jobs/job-queue.js';
import { deleteEventsBefore, deleteWebhookDeliveriesBefore } from './retention.store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Audit events are kept this many days unless CAIRN_AUDIT_RETENTION_DAYS says otherwise. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 400;
/** Webhook delivery logs are for debugging receivers: a month is plenty. */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

// Small batches, each its own statement: no long transaction or lock on tables in use.
const BATCH = 1000;

export type RetentionResult = { eventsDeleted: number; deliveriesDeleted: number };

/**
 * The daily `retention` job: drops domain events (the audit log) older than the retention and
 * webhook delivery records older than 30 days. Safe to run again or in parallel: it only
 * deletes what is past its cutoff.
 */
export async function applyRetention(
  deps: Pick<Deps, 'db' | 'clock'>,
  options: { auditRetentionDays?: number; log?: JobLog } = {},
): Promise<RetentionResult> {
  const now = deps.clock().getTime();
  const eventCutoff = new Date(now - (options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS) * DAY_MS);
  const deliveryCutoff = new Date(now - WEBHOOK_DELIVERY_RETENTION_DAYS * DAY_MS);
  const result: RetentionResult = { eventsDeleted: 0, deliveriesDeleted: 0 };
  for (let n = BATCH; n === BATCH;) {
    n = await deleteWebhookDeliveriesBefore(deps.db, deliveryCutoff, BATCH);
    result.deliveriesDeleted += n;
  }
  for (let n = BATCH; n === BATCH;) {
    n = await deleteEventsBefore(deps.db, eventCutoff, BATCH);
    result.eventsDeleted += n;
  }
  options.log?.info(
    { ...result, eventCutoff, deliveryCutoff },
    'retention: dropped audit events and webhook deliveries past their retention',
  );
  return result;
}
