import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import type { StoredEvent } from '../events/event-types.js';
import { newDeliveryId, queueAttempt } from './delivery-jobs.js';
import { insertDeliveryIfNew, listReceivingEndpoints } from './webhooks.store.js';

/**
 * The `webhooks.fan-out` consumer: one delivery per enabled endpoint of the event's
 * organisation that subscribes to its type, each with the job of its first attempt, in one
 * transaction. A retried fan-out finds its deliveries already there (unique per endpoint and
 * event) and queues nothing again. A test ping goes to its own endpoint only.
 */
export async function fanOutWebhooks(
  deps: Pick<Deps, 'db' | 'jobs' | 'clock'>,
  event: StoredEvent,
): Promise<{ queued: number }> {
  const orgId = event.orgId;
  if (!orgId) return { queued: 0 };
  const onlyId =
    event.type === 'webhook.test' ? (event.data as StoredEvent<'webhook.test'>['data']).webhookId : undefined;
  return transaction(deps.db, async (trx) => {
    const endpoints = await listReceivingEndpoints(trx, orgId, event.type, onlyId ? { onlyId } : {});
    let queued = 0;
    for (const endpoint of endpoints) {
      const deliveryId = newDeliveryId();
      const isNew = await insertDeliveryIfNew(trx, {
        id: deliveryId,
        endpointId: endpoint.id,
        orgId,
        eventId: event.id,
        eventType: event.type,
        nextAttemptAt: deps.clock(),
      });
      if (!isNew) continue;
      await queueAttempt(deps, trx, { deliveryId, attempt: 1, ...(onlyId ? { isManual: true } : {}) });
      queued += 1;
    }
    return { queued };
  });
}
