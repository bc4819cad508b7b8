import { randomUUID } from 'node:crypto';
import type { Actor } from '../deps.js';
import { afterCommit, type Db } from '../db/transaction.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { observeCommittedEvent } from '../metrics/observations.js';
import type { DomainEvent, EventActor, EventType } from './event-types.js';
import { consumersOf } from './subscriptions.js';

/** A job of the events queue: run `consumer` for the event `eventId`, or for each of `eventIds` (batches). */
export type EventJobData = { consumer: string; eventId: string } | { consumer: string; eventIds: string[] };

/**
 * Records `event` with `db` — the transaction that made it happen — and queues its consumers
 * in the same transaction: the event, its consumers' jobs and the change commit together or
 * not at all. Returns the event's id.
 */
export async function recordEvent<T extends EventType>(
  deps: { jobs: JobQueue },
  db: Db,
  event: DomainEvent<T>,
): Promise<string> {
  const id = randomUUID();
  const actor = event.actor;
  await db
    .insertInto('domain_events')
    .values({
      id,
      type: event.type,
      org_id: event.orgId,
      actor_kind: actor.kind,
      actor_user_id: actor.kind === 'user' ? actor.userId : null,
      actor_session_id: actor.kind === 'user' ? (actor.sessionId ?? null) : null,
      actor_api_key_id: actor.kind === 'apiKey' ? actor.apiKeyId : null,
      actor_reason: actor.kind === 'system' ? actor.reason : null,
      data: JSON.stringify(event.data),
    })
    .execute();
  for (const consumer of consumersOf(event.type)) {
    await deps.jobs.send(db, 'events', { consumer, eventId: id } satisfies EventJobData);
  }
  if (event.orgId && (await hasWebhookSubscribers(db, event.orgId, event.type))) {
    await deps.jobs.send(db, 'events', { consumer: 'webhooks.fan-out', eventId: id } satisfies EventJobData);
  }
  // Counted for /metrics once committed: a rolled-back or retried transaction counts once or not at all.
  afterCommit(db, () => observeCommittedEvent({ type: event.type, data: event.data }));
  return id;
}

// Per transaction, the event types an organisation's enabled endpoints take, read once however
// many events the transaction records (completing a programme records two).
const subscriptionsInTransaction = new WeakMap<object, Map<string, Promise<(type: EventType) => boolean>>>();

export async function hasWebhookSubscribers(db: Db, orgId: string, type: EventType): Promise<boolean> {
  if (!db.isTransaction) return (await readSubscriptions(db, orgId))(type);
  let byOrg = subscriptionsInTransaction.get(db);
  if (!byOrg) {
    byOrg = new Map<string, Promise<(type: EventType) => boolean>>();
    subscriptionsInTransaction.set(db, byOrg);
  }
  let takes = byOrg.get(orgId);
  if (!takes) byOrg.set(orgId, (takes = readSubscriptions(db, orgId)));
  return (await takes)(type);
}

async function readSubscriptions(db: Db, orgId: string): Promise<(type: EventType) => boolean> {
  const endpoints = await db
    .selectFrom('webhook_endpoints')
    .select('event_types')
    .where('org_id', '=', orgId)
    .where('is_enabled', '=', true)
    .execute();
  // An endpoint with no event types takes them all.
  if (endpoints.some((e) => e.event_types.length === 0)) return () => true;
  const types = new Set(endpoints.flatMap((e) => e.event_types));
  return (type) => types.has(type);
}

/** The event actor for a request's actor; anonymous requests act as the system on their behalf. */
export function eventActorOf(actor: Actor, reason = 'anonymous request'): EventActor {
  if (actor.kind === 'user') return { kind: 'user', userId: actor.userId, sessionId: actor.sessionId };
  if (actor.kind === 'apiKey') return { kind: 'apiKey', apiKeyId: actor.apiKeyId };
  return { kind: 'system', reason };
}
