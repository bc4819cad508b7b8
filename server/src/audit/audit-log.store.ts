import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import { toStoredEvent } from '../events/events.store.js';
import type { StoredEvent } from '../events/event-types.js';
import type { KeysetPosition } from '../lib/keyset-cursor.js';

/**
 * An organisation's audit log: its domain events with who caused them. Every query here is
 * scoped to one organisation; the names it resolves are those of people and keys that acted
 * in that organisation's own events, never looked up from an id a caller supplied.
 */

export type AuditEvent = StoredEvent & {
  /** `occurred_at` as PostgreSQL prints it (microseconds kept), for exact keyset paging. */
  cursorKey: string;
  actorUser: { name: string; email: string } | null;
  actorApiKey: { name: string } | null;
};

export type AuditQuery = {
  limit: number;
  before?: KeysetPosition;
  types?: readonly string[];
  since?: Date;
  until?: Date;
};

/** One page of the organisation's events, newest first, with the people and keys that caused them. */
export async function listAuditEvents(db: Db, orgId: string, query: AuditQuery): Promise<AuditEvent[]> {
  let q = db
    .selectFrom('domain_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    // A key of this organisation only: an event can name nothing of another tenant.
    .leftJoin('api_keys as k', (join) =>
      join.onRef('k.id', '=', 'e.actor_api_key_id').onRef('k.org_id', '=', 'e.org_id'),
    )
    .select([
      'e.id',
      'e.type',
      'e.org_id',
      'e.actor_kind',
      'e.actor_user_id',
      'e.actor_session_id',
      'e.actor_api_key_id',
      'e.actor_reason',
      'e.data',
      'e.occurred_at',
      sql<string>`e.occurred_at::text`.as('cursor_key'),
      'u.name as user_name',
      'u.email as user_email',
      'k.name as key_name',
    ])
    .where('e.org_id', '=', orgId);
  if (query.types?.length) q = q.where('e.type', 'in', query.types);
  if (query.since) q = q.where('e.occurred_at', '>=', query.since);
  if (query.until) q = q.where('e.occurred_at', '<', query.until);
  const before = query.before;
  if (before) q = q.where(sql<boolean>`(e.occurred_at, e.id) < (${before.at}::timestamptz, ${before.id}::uuid)`);
  const rows = await q.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(query.limit).execute();
  return rows.map((row) => ({
    ...toStoredEvent(row),
    cursorKey: row.cursor_key,
    actorUser:
      row.user_name !== null && row.user_email !== null ? { name: row.user_name, email: row.user_email } : null,
    actorApiKey: row.key_name !== null ? { name: row.key_name } : null,
  }));
}

const MEMBER_EVENTS = ['member.added', 'member.removed', 'member.role-changed'];

/**
 * Names of the people that the organisation's member events (among `eventIds`) are about: each
 * is, or was, a member of it. Ids are read from the events in SQL, scoped to the organisation.
 */
export async function findMemberSubjects(
  db: Db,
  orgId: string,
  eventIds: readonly string[],
): Promise<Map<string, { name: string; email: string }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('domain_events as e')
    .innerJoin('users as u', (join) => join.on(sql<boolean>`u.id::text = e.data->>'userId'`))
    .select(['u.id', 'u.name', 'u.email'])
    .where('e.org_id', '=', orgId)
    .where('e.id', 'in', eventIds)
    .where('e.type', 'in', MEMBER_EVENTS)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/** The organisation's API keys among `ids` (revoked ones too), by id. */
export async function findOrgApiKeyNames(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where(sql<string>`id::text`, 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type CredentialLabel = { achievementName: string | null; recipient: string | null };

/** The organisation's issued credentials among `refs` (row ids or credential id URLs), keyed by each ref. */
export async function findOrgCredentialLabels(
  db: Db,
  orgId: string,
  refs: readonly string[],
): Promise<Map<string, CredentialLabel>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .selectFrom('credentials')
    .select(['id', 'credential_id', 'achievement_name', 'recipient_label'])
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb(sql<string>`id::text`, 'in', refs), eb('credential_id', 'in', refs)]))
    .execute();
  const labels = new Map<string, CredentialLabel>();
  for (const row of rows) {
    const label = { achievementName: row.achievement_name, recipient: row.recipient_label };
    labels.set(row.id, label);
    labels.set(row.credential_id, label);
  }
  return labels;
}

/** The organisation's webhook endpoints among `ids` (deleted ones are gone), by id. */
export async function findOrgWebhookUrls(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(['id', 'url'])
    .where('org_id', '=', orgId)
    .where(sql<string>`id::text`, 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.url]));
}
