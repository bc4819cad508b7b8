import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';

/** Everything about an endpoint except its secrets. */
const endpointColumns = [
  'id',
  'org_id',
  'url',
  'description',
  'event_types',
  'is_enabled',
  'disabled_reason',
  'disabled_at',
  'failing_since',
  'previous_secret_expires_at',
  'created_at',
  'updated_at',
] as const;

export type EndpointRow = NonNullable<Awaited<ReturnType<typeof findEndpoint>>>;

export function insertEndpoint(
  db: Db,
  endpoint: {
    id: string;
    orgId: string;
    url: string;
    description: string;
    eventTypes: string[];
    secretSealed: string;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('webhook_endpoints')
    .values({
      id: endpoint.id,
      org_id: endpoint.orgId,
      url: endpoint.url,
      description: endpoint.description,
      event_types: endpoint.eventTypes,
      secret_sealed: endpoint.secretSealed,
      created_by: endpoint.createdBy,
    })
    .returning(endpointColumns)
    .executeTakeFirstOrThrow();
}

export function listEndpoints(db: Db, orgId: string) {
  return db
    .selectFrom('webhook_endpoints')
    .select(endpointColumns)
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One endpoint of the organisation (never another's), optionally locked for the rest of the transaction. */
export function findEndpoint(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('webhook_endpoints')
    .select(endpointColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateEndpoint(
  db: Db,
  orgId: string,
  id: string,
  changes: {
    url?: string;
    description?: string;
    eventTypes?: string[];
    isEnabled?: boolean;
    disabledReason?: string | null;
    disabledAt?: Date | null;
    failingSince?: Date | null;
  },
) {
  return db
    .updateTable('webhook_endpoints')
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.eventTypes !== undefined ? { event_types: changes.eventTypes } : {}),
      ...(changes.isEnabled !== undefined ? { is_enabled: changes.isEnabled } : {}),
      ...(changes.disabledReason !== undefined ? { disabled_reason: changes.disabledReason } : {}),
      ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
      ...(changes.failingSince !== undefined ? { failing_since: changes.failingSince } : {}),
      updated_at: sql`now()`,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returning(endpointColumns)
    .executeTakeFirstOrThrow();
}

export async function deleteEndpoint(db: Db, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Replaces the secret; the one it replaces keeps signing until `previousExpiresAt`. */
export async function rotateEndpointSecret(
  db: Db,
  orgId: string,
  id: string,
  secrets: { secretSealed: string; previousSecretSealed: string; previousExpiresAt: Date },
) {
  await db
    .updateTable('webhook_endpoints')
    .set({
      secret_sealed: secrets.secretSealed,
      previous_secret_sealed: secrets.previousSecretSealed,
      previous_secret_expires_at: secrets.previousExpiresAt,
      updated_at: sql`now()`,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The sealed secrets of an endpoint, for signing; only deliveries read them. */
export function findEndpointSecrets(db: Db, id: string) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['secret_sealed', 'previous_secret_sealed', 'previous_secret_expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The enabled endpoints of `orgId` that receive events of `type` (an empty filter means all),
 * or, with `onlyId`, that one endpoint whatever its filter (a test ping).
 */
export function listReceivingEndpoints(db: Db, orgId: string, type: string, options: { onlyId?: string } = {}) {
  let query = db.selectFrom('webhook_endpoints').select(['id']).where('org_id', '=', orgId);
  if (options.onlyId) return query.where('id', '=', options.onlyId).execute();
  query = query
    .where('is_enabled', '=', true)
    .where((eb) => eb.or([sql<boolean>`cardinality(event_types) = 0`, sql<boolean>`${type} = any(event_types)`]));
  return query.orderBy('id').execute();
}

/** Adds the delivery of an event to an endpoint; false when it exists already (a retried fan-out). */
export async function insertDeliveryIfNew(
  db: Db,
  delivery: { id: string; endpointId: string; orgId: string; eventId: string; eventType: string; nextAttemptAt: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('webhook_deliveries')
    .values({
      id: delivery.id,
      endpoint_id: delivery.endpointId,
      org_id: delivery.orgId,
      event_id: delivery.eventId,
      event_type: delivery.eventType,
      status: 'pending',
      next_attempt_at: delivery.nextAttemptAt,
    })
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
  return row !== undefined;
}

const deliveryColumns = [
  'webhook_deliveries.id',
  'webhook_deliveries.endpoint_id',
  'webhook_deliveries.org_id',
  'webhook_deliveries.event_id',
  'webhook_deliveries.event_type',
  'webhook_deliveries.status',
  'webhook_deliveries.attempts',
  'webhook_deliveries.response_code',
  'webhook_deliveries.response_excerpt',
  'webhook_deliveries.last_error',
  'webhook_deliveries.next_attempt_at',
  'webhook_deliveries.created_at',
  'webhook_deliveries.delivered_at',
] as const;

export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

/** One delivery of an endpoint of the organisation, optionally locked. */
export function findDelivery(
  db: Db,
  orgId: string,
  endpointId: string,
  deliveryId: string,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('webhook_deliveries.org_id', '=', orgId)
    .where('webhook_deliveries.endpoint_id', '=', endpointId)
    .where('webhook_deliveries.id', '=', deliveryId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A delivery by id alone, locked: for the job that makes its attempts. */
export function lockDelivery(db: Db, deliveryId: string) {
  return db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('id', '=', deliveryId)
    .forUpdate()
    .executeTakeFirst();
}

/** What an attempt needs: the delivery, its endpoint (URL, state) and its event. */
export function findDeliveryToAttempt(db: Db, deliveryId: string) {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .innerJoin('domain_events', 'domain_events.id', 'webhook_deliveries.event_id')
    .select([
      ...deliveryColumns,
      'webhook_endpoints.url',
      'webhook_endpoints.is_enabled',
      'domain_events.data as event_data',
      'domain_events.occurred_at as event_occurred_at',
    ])
    .where('webhook_deliveries.id', '=', deliveryId)
    .executeTakeFirst();
}

/** Newest first; `before` continues after the last delivery of the previous page. */
export function listDeliveries(
  db: Db,
  orgId: string,
  endpointId: string,
  options: { limit: number; before?: { createdAt: Date; id: string } },
) {
  let query = db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('org_id', '=', orgId)
    .where('endpoint_id', '=', endpointId);
  const before = options.before;
  if (before)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', before.createdAt),
        eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
      ]),
    );
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function recordAttempt(
  db: Db,
  deliveryId: string,
  attempt: {
    attempts: number;
    status: 'pending' | 'succeeded' | 'failed';
    responseCode: number | null;
    responseExcerpt: string | null;
    lastError: string | null;
    nextAttemptAt: Date | null;
    deliveredAt: Date | null;
  },
) {
  await db
    .updateTable('webhook_deliveries')
    .set({
      attempts: attempt.attempts,
      status: attempt.status,
      response_code: attempt.responseCode,
      response_excerpt: attempt.responseExcerpt,
      last_error: attempt.lastError,
      next_attempt_at: attempt.nextAttemptAt,
      ...(attempt.deliveredAt ? { delivered_at: attempt.deliveredAt } : {}),
    })
    .where('id', '=', deliveryId)
    .execute();
}

/** Puts a delivery back in the queue for another attempt at `at` (resend). */
export async function markDeliveryPending(db: Db, deliveryId: string, at: Date) {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: at })
    .where('id', '=', deliveryId)
    .execute();
}

/** Starts (or continues) the endpoint's run of failures; returns when the run began. */
export async function markEndpointFailing(
  db: Db,
  endpointId: string,
  now: Date,
): Promise<{ failingSince: Date; isEnabled: boolean; orgId: string; url: string } | undefined> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: sql<Date>`coalesce(failing_since, ${now})` })
    .where('id', '=', endpointId)
    .returning(['failing_since', 'is_enabled', 'org_id', 'url'])
    .executeTakeFirst();
  return row
    ? { failingSince: row.failing_since!, isEnabled: row.is_enabled, orgId: row.org_id, url: row.url }
    : undefined;
}

export async function clearEndpointFailing(db: Db, endpointId: string) {
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: null })
    .where('id', '=', endpointId)
    .where('failing_since', 'is not', null)
    .execute();
}

/** Disables an enabled endpoint; false when it was disabled already (by someone else meanwhile). */
export async function disableEndpoint(db: Db, endpointId: string, reason: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ is_enabled: false, disabled_reason: reason, disabled_at: now, updated_at: now })
    .where('id', '=', endpointId)
    .where('is_enabled', '=', true)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
