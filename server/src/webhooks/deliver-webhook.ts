import { decryptSecret, guardedRequest } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { transaction, type Db } from '../db/transaction.js';
import type { JobLog } from '../jobs/job-queue.js';
import { queueAttempt, type DeliveryJobData } from './delivery-jobs.js';
import { disableFailingEndpoint } from './disable-failing-endpoint.js';
import { MAX_ATTEMPTS, DISABLE_AFTER_FAILING_MS, nextAttemptAt } from './retry-timetable.js';
import { DELIVERY_TIMEOUT_MS, RESPONSE_READ_BYTES, webhookPolicy, type WebhookNetwork } from './webhook-network.js';
import { webhookBody } from './webhook-payload.js';
import { signWebhook } from './webhook-signature.js';
import * as store from './webhooks.store.js';

export type DeliveryRuntime = { deps: Deps; network: WebhookNetwork; log: JobLog };

/** What the receiver did with one attempt. */
type Response = {
  isSuccess: boolean;
  responseCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
};

export type AttemptResult = 'succeeded' | 'failed' | 'retrying' | 'skipped';

/** How much of the receiver's answer the delivery log keeps. */
const EXCERPT_CHARS = 2000;

/**
 * Makes one attempt of a delivery (the webhooks queue's job): signs the body, POSTs it through
 * the SSRF guard (checked again now: DNS may have changed since the endpoint was saved), and
 * records the outcome. A failure schedules the next attempt by the timetable as a new job; the
 * last failure marks the delivery failed. The request is made outside any transaction; a crash
 * between sending and recording repeats the attempt with the same `webhook-id`
 * (at-least-once: receivers dedupe by it).
 */
export async function deliverWebhook(runtime: DeliveryRuntime, job: DeliveryJobData): Promise<AttemptResult> {
  const { deps } = runtime;
  const delivery = await store.findDeliveryToAttempt(deps.db, job.deliveryId);
  // Deleted with its endpoint, or this attempt was made already (a repeated job).
  if (!delivery || delivery.attempts >= job.attempt) return 'skipped';
  if (delivery.status === 'succeeded' && !job.isManual) return 'skipped';
  if (!delivery.is_enabled && !job.isManual) {
    await skipForDisabledEndpoint(deps.db, job);
    return 'skipped';
  }
  const secrets = await signingSecrets(deps, delivery.endpoint_id);
  const sentAt = deps.clock();
  const body = webhookBody({
    id: delivery.event_id,
    type: delivery.event_type,
    orgId: delivery.org_id,
    occurredAt: delivery.event_occurred_at,
    data: delivery.event_data,
  });
  const response = await post(
    runtime.network,
    delivery.url,
    {
      'content-type': 'application/json',
      'user-agent': 'Cairn-Webhooks/1.0',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signWebhook({ id: delivery.id, timestamp: sentAt, body, secrets }),
    },
    body,
  );
  if (!response.isSuccess) {
    runtime.log.info(
      {
        deliveryId: delivery.id,
        endpointId: delivery.endpoint_id,
        host: hostOf(delivery.url),
        attempt: job.attempt,
        responseCode: response.responseCode,
        error: response.error,
      },
      'webhook attempt failed',
    );
  }
  return recordOutcome(deps, { ...job, endpointId: delivery.endpoint_id }, response);
}

async function post(
  network: WebhookNetwork,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<Response> {
  try {
    const res = await guardedRequest(url, {
      ...webhookPolicy(network),
      method: 'POST',
      headers,
      body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      maxBytes: RESPONSE_READ_BYTES,
      onOversize: 'truncate',
    });
    const isSuccess = res.status >= 200 && res.status < 300;
    const excerpt = res.body.toString('utf8').slice(0, EXCERPT_CHARS);
    const error = isSuccess
      ? null
      : res.status >= 300 && res.status < 400
        ? `HTTP ${res.status}: redirects are not followed; point the webhook at the final URL`
        : `HTTP ${res.status}`;
    return { isSuccess, responseCode: res.status, responseExcerpt: excerpt || null, error };
  } catch (err) {
    return {
      isSuccess: false,
      responseCode: null,
      responseExcerpt: null,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

async function recordOutcome(
  deps: Deps,
  job: DeliveryJobData & { endpointId: string },
  response: Response,
): Promise<AttemptResult> {
  return transaction(deps.db, async (trx) => {
    const locked = await store.lockDelivery(trx, job.deliveryId);
    // Deleted meanwhile, or a concurrent run of this attempt recorded first.
    if (!locked || locked.attempts >= job.attempt) return 'skipped';
    const now = deps.clock();
    if (response.isSuccess) {
      await store.recordAttempt(trx, job.deliveryId, {
        attempts: job.attempt,
        status: 'succeeded',
        responseCode: response.responseCode,
        responseExcerpt: response.responseExcerpt,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: now,
      });
      await store.clearEndpointFailing(trx, job.endpointId);
      return 'succeeded';
    }
    const next = job.attempt < MAX_ATTEMPTS ? nextAttemptAt(job.attempt, now) : undefined;
    await store.recordAttempt(trx, job.deliveryId, {
      attempts: job.attempt,
      status: next ? 'pending' : 'failed',
      responseCode: response.responseCode,
      responseExcerpt: response.responseExcerpt,
      lastError: response.error,
      nextAttemptAt: next ?? null,
      deliveredAt: null,
    });
    if (next) await queueAttempt(deps, trx, { deliveryId: job.deliveryId, attempt: job.attempt + 1, at: next });
    const endpoint = await store.markEndpointFailing(trx, job.endpointId, now);
    if (endpoint?.isEnabled && now.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
      await disableFailingEndpoint(
        { ...deps, db: trx },
        {
          id: job.endpointId,
          orgId: endpoint.orgId,
          url: endpoint.url,
          failingSince: endpoint.failingSince,
          lastError: response.error ?? 'unknown error',
        },
      );
    }
    return next ? 'retrying' : 'failed';
  });
}

/** A scheduled attempt found its endpoint disabled: the delivery stops here (an admin may resend it). */
async function skipForDisabledEndpoint(db: Db, job: DeliveryJobData) {
  await transaction(db, async (trx) => {
    const locked = await store.lockDelivery(trx, job.deliveryId);
    if (!locked || locked.attempts >= job.attempt || locked.status !== 'pending') return;
    await store.recordAttempt(trx, job.deliveryId, {
      attempts: locked.attempts,
      status: 'failed',
      responseCode: locked.response_code,
      responseExcerpt: locked.response_excerpt,
      lastError: 'Not sent: the endpoint is disabled. Enable it and resend this delivery.',
      nextAttemptAt: null,
      deliveredAt: null,
    });
  });
}

/** The secrets that sign now: the current one, and the previous one while its overlap lasts. */
async function signingSecrets(deps: Pick<Deps, 'db' | 'masterKey' | 'clock'>, endpointId: string): Promise<string[]> {
  const row = await store.findEndpointSecrets(deps.db, endpointId);
  if (!row) throw new Error(`Webhook endpoint ${endpointId} has no secret`);
  const secrets = [decryptSecret(row.secret_sealed, deps.masterKey)];
  if (row.previous_secret_sealed && row.previous_secret_expires_at && row.previous_secret_expires_at > deps.clock()) {
    secrets.push(decryptSecret(row.previous_secret_sealed, deps.masterKey));
  }
  return secrets;
}

/** The host alone: a webhook URL's path or query may itself be a secret, so logs never show them. */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'invalid URL';
}
