import type { Db } from '../db/transaction.js';

/**
 * Deletes up to `batch` domain events that occurred before `cutoff`; their webhook deliveries
 * go with them (foreign key). Returns how many were deleted.
 */
export async function deleteEventsBefore(db: Db, cutoff: Date, batch: number): Promise<number> {
  const result = await db
    .deleteFrom('domain_events')
    .where('id', 'in', (eb) =>
      eb.selectFrom('domain_events').select('id').where('occurred_at', '<', cutoff).limit(batch),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes up to `batch` webhook delivery records created before `cutoff`. */
export async function deleteWebhookDeliveriesBefore(db: Db, cutoff: Date, batch: number): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('id', 'in', (eb) =>
      eb.selectFrom('webhook_deliveries').select('id').where('created_at', '<', cutoff).limit(batch),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
