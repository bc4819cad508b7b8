import { randomUUID } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import { afterCommit } from '../db/transaction.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { observeCommittedEvent } from '../metrics/observations.js';
import type { DomainEvent, EventType } from './event-types.js';
import { hasWebhookSubscribers, type EventJobData } from './record-event.js';
import { consumersOf } from './subscriptions.js';

/** Events per consumer job: a job stays well inside the events queue's time limit. */
const EVENTS_PER_JOB = 500;

/**
 * `recordEvent` for many events of one type and organisation (a bulk issuance batch): the
 * events in one insert, and each consumer queued with jobs that carry up to 500 event ids, all
 * with `db`, the transaction that made them happen. Consumers see each event as if it had been
 * recorded alone. Returns the events' ids in order.
 */
export async function recordEvents<T extends EventType>(
  deps: { jobs: JobQueue },
  db: Db,
  type: T,
  orgId: string,
  events: Omit<DomainEvent<T>, 'type' | 'orgId'>[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const ids = events.map(() => randomUUID());
  await db
    .insertInto('domain_events')
    .values(
      events.map(({ actor, data }, i) => ({
        id: ids[i]!,
        type,
        org_id: orgId,
        actor_kind: actor.kind,
        actor_user_id: actor.kind === 'user' ? actor.userId : null,
        actor_session_id: actor.kind === 'user' ? (actor.sessionId ?? null) : null,
        actor_api_key_id: actor.kind === 'apiKey' ? actor.apiKeyId : null,
        actor_reason: actor.kind === 'system' ? actor.reason : null,
        data: JSON.stringify(data),
      })),
    )
    .execute();
  const consumers: string[] = [...consumersOf(type)];
  if (await hasWebhookSubscribers(db, orgId, type)) consumers.push('webhooks.fan-out');
  const jobs: { data: EventJobData }[] = [];
  for (const consumer of consumers) {
    for (let i = 0; i < ids.length; i += EVENTS_PER_JOB)
      jobs.push({ data: { consumer, eventIds: ids.slice(i, i + EVENTS_PER_JOB) } });
  }
  await deps.jobs.sendMany(db, 'events', jobs);
  afterCommit(db, () => {
    for (const event of events) observeCommittedEvent({ type, data: event.data });
  });
  return ids;
}
