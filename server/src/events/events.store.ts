import type { Db } from '../db/transaction.js';
import type { EventActor, EventType, StoredEvent } from './event-types.js';

type EventRow = {
  id: string;
  type: string;
  org_id: string | null;
  actor_kind: 'user' | 'apiKey' | 'system';
  actor_user_id: string | null;
  actor_session_id: string | null;
  actor_api_key_id: string | null;
  actor_reason: string | null;
  data: unknown;
  occurred_at: Date;
};

const COLUMNS = [
  'id',
  'type',
  'org_id',
  'actor_kind',
  'actor_user_id',
  'actor_session_id',
  'actor_api_key_id',
  'actor_reason',
  'data',
  'occurred_at',
] as const;

export function toStoredEvent(row: EventRow): StoredEvent {
  const actor: EventActor =
    row.actor_kind === 'user'
      ? {
          kind: 'user',
          userId: row.actor_user_id ?? '',
          ...(row.actor_session_id ? { sessionId: row.actor_session_id } : {}),
        }
      : row.actor_kind === 'apiKey'
        ? { kind: 'apiKey', apiKeyId: row.actor_api_key_id ?? '' }
        : { kind: 'system', reason: row.actor_reason ?? '' };
  return {
    id: row.id,
    type: row.type as EventType,
    orgId: row.org_id,
    actor,
    data: row.data as StoredEvent['data'],
    occurredAt: row.occurred_at,
  };
}

export async function findEvent(db: Db, id: string): Promise<StoredEvent | undefined> {
  const row = await db.selectFrom('domain_events').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toStoredEvent(row) : undefined;
}

/** An organisation's events, newest first, for the audit log (keyset pagination on time and id). */
export async function listOrgEvents(
  db: Db,
  orgId: string,
  options: {
    limit: number;
    before?: { occurredAt: Date; id: string };
    types?: readonly string[];
    since?: Date;
    until?: Date;
  },
): Promise<StoredEvent[]> {
  let query = db.selectFrom('domain_events').select(COLUMNS).where('org_id', '=', orgId);
  if (options.types?.length) query = query.where('type', 'in', options.types);
  if (options.since) query = query.where('occurred_at', '>=', options.since);
  if (options.until) query = query.where('occurred_at', '<', options.until);
  const before = options.before;
  if (before)
    query = query.where((eb) =>
      eb.or([
        eb('occurred_at', '<', before.occurredAt),
        eb.and([eb('occurred_at', '=', before.occurredAt), eb('id', '<', before.id)]),
      ]),
    );
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(toStoredEvent);
}
