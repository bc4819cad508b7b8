import type { Actor, Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { eventActorOf, recordEvent } from '../events/record-event.js';
import { AppError } from '../http/app-error.js';
import { newDeliveryId, queueAttempt } from './delivery-jobs.js';
import { authorizeWebhooks, requireEndpoint } from './webhook-endpoints.service.js';
import * as store from './webhooks.store.js';

export type DeliveryView = {
  id: string;
  event: string;
  eventId: string;
  status: 'pending' | 'succeeded' | 'failed';
  responseCode: number | null;
  responseExcerpt: string | null;
  attempt: number;
  createdAt: Date;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
};

function toView(row: store.DeliveryRow): DeliveryView {
  return {
    id: row.id,
    event: row.event_type,
    eventId: row.event_id,
    status: row.status,
    responseCode: row.response_code,
    responseExcerpt: row.response_excerpt,
    attempt: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    lastError: row.last_error,
  };
}

/** Opaque page cursors: the last delivery's time and id. */
function encodeCursor(row: { created_at: Date; id: string }): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time);
  if (Number.isNaN(createdAt.getTime()) || !id) {
    throw new AppError('validation_failed', 'This page cursor is not one Cairn gave out. Start again without it.', {
      fields: [{ field: 'cursor', message: 'Unknown cursor' }],
    });
  }
  return { createdAt, id };
}

/** An endpoint's delivery log, newest first, a page at a time. */
export async function listWebhookDeliveries(
  deps: Deps,
  actor: Actor,
  slug: string,
  endpointId: string,
  options: { limit: number; cursor?: string },
) {
  const { org } = await authorizeWebhooks(deps, actor, slug);
  await requireEndpoint(deps, org.id, endpointId);
  const before = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await store.listDeliveries(deps.db, org.id, endpointId, {
    limit: options.limit + 1,
    ...(before ? { before } : {}),
  });
  const page = rows.slice(0, options.limit);
  return { items: page.map(toView), nextCursor: rows.length > options.limit ? encodeCursor(page.at(-1)!) : null };
}

/**
 * Sends a delivery again now, with the same `webhook-id` (receivers that saw it dedupe it),
 * also when it succeeded or its endpoint is disabled. If this attempt fails and the delivery has
 * attempts left, the timetable continues from it.
 */
export async function resendWebhookDelivery(
  deps: Deps,
  actor: Actor,
  slug: string,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryView> {
  const { org } = await authorizeWebhooks(deps, actor, slug);
  return transaction(deps.db, async (trx) => {
    await requireEndpoint({ db: trx }, org.id, endpointId);
    const delivery = await store.findDelivery(trx, org.id, endpointId, deliveryId, { forUpdate: true });
    if (!delivery) throw new AppError('not_found', 'No delivery with this id for this webhook.');
    const now = deps.clock();
    await store.markDeliveryPending(trx, delivery.id, now);
    // A second click before the attempt runs queues the same job id, which the queue ignores.
    await queueAttempt(deps, trx, { deliveryId: delivery.id, attempt: delivery.attempts + 1, isManual: true });
    return toView({ ...delivery, status: 'pending', next_attempt_at: now });
  });
}

/**
 * Sends a `webhook.test` ping to one endpoint through the same pipeline as real events
 * (recorded, signed, retried, logged), whatever events it subscribes to and even while it is
 * disabled, so an admin can check a receiver before enabling it again.
 */
export async function sendWebhookTest(
  deps: Deps,
  actor: Actor,
  slug: string,
  endpointId: string,
): Promise<DeliveryView> {
  const access = await authorizeWebhooks(deps, actor, slug);
  return transaction(deps.db, async (trx) => {
    await requireEndpoint({ db: trx }, access.org.id, endpointId);
    const eventId = await recordEvent(deps, trx, {
      type: 'webhook.test',
      orgId: access.org.id,
      actor: eventActorOf(access.actor),
      data: { webhookId: endpointId },
    });
    const id = newDeliveryId();
    const now = deps.clock();
    await store.insertDeliveryIfNew(trx, {
      id,
      endpointId,
      orgId: access.org.id,
      eventId,
      eventType: 'webhook.test',
      nextAttemptAt: now,
    });
    await queueAttempt(deps, trx, { deliveryId: id, attempt: 1, isManual: true });
    const delivery = await store.findDelivery(trx, access.org.id, endpointId, id);
    return toView(delivery!);
  });
}
