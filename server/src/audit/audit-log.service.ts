import type { Actor, Deps } from '../deps.js';
import type { Db } from '../db/transaction.js';
import type { EventType } from '../events/event-types.js';
import { decodeKeysetCursor, encodeKeysetCursor, type KeysetPosition } from '../lib/keyset-cursor.js';
import { authorizeOrg } from '../orgs/orgs.service.js';
import * as store from './audit-log.store.js';
import type { AuditEvent } from './audit-log.store.js';
import { summariseEvent } from './event-summary.js';

export type AuditFilters = { types?: readonly EventType[]; since?: Date; until?: Date };

/** Who caused an entry, with the names this organisation knows them by. */
export type AuditActor = {
  kind: 'user' | 'apiKey' | 'system';
  userId?: string;
  name?: string;
  email?: string;
  apiKeyId?: string;
  apiKeyName?: string;
  reason?: string;
};

export type AuditEntry = {
  id: string;
  type: string;
  occurredAt: Date;
  actor: AuditActor;
  summary: string;
  data: unknown;
};

export type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

/** The organisation whose audit log `actor` may read (owners and admins); others get 403, outsiders 404. */
export async function authorizeAuditLog(deps: Deps, actor: Actor, slug: string) {
  const access = await authorizeOrg(deps, actor, slug, 'audit.read');
  return access.org;
}

/** One page of an organisation's audit log, newest first. */
export async function listAuditLog(
  deps: Deps,
  actor: Actor,
  slug: string,
  options: { filters: AuditFilters; limit: number; before?: string },
): Promise<AuditPage> {
  const org = await authorizeAuditLog(deps, actor, slug);
  const before = options.before === undefined ? undefined : decodeKeysetCursor(options.before);
  const events = await store.listAuditEvents(deps.db, org.id, {
    ...toQuery(options.filters),
    limit: options.limit + 1,
    ...(before ? { before } : {}),
  });
  const page = events.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: await presentEntries(deps.db, org.id, page),
    nextCursor: events.length > options.limit && last ? encodeKeysetCursor({ at: last.cursorKey, id: last.id }) : null,
  };
}

/**
 * Every entry matching `filters`, newest first, read a page at a time (for the CSV export, so a
 * long log is never held in memory). Authorise with `authorizeAuditLog` first.
 */
export async function* readAuditLog(
  db: Db,
  orgId: string,
  filters: AuditFilters,
  pageSize = 500,
): AsyncGenerator<AuditEntry> {
  let before: KeysetPosition | undefined;
  for (;;) {
    const events = await store.listAuditEvents(db, orgId, {
      ...toQuery(filters),
      limit: pageSize,
      ...(before ? { before } : {}),
    });
    for (const entry of await presentEntries(db, orgId, events)) yield entry;
    const last = events.at(-1);
    if (events.length < pageSize || !last) return;
    before = { at: last.cursorKey, id: last.id };
  }
}

function toQuery(filters: AuditFilters): Omit<store.AuditQuery, 'limit' | 'before'> {
  return {
    ...(filters.types?.length ? { types: filters.types } : {}),
    ...(filters.since ? { since: filters.since } : {}),
    ...(filters.until ? { until: filters.until } : {}),
  };
}

const idsIn = (events: AuditEvent[], types: readonly string[], key: string) => [
  ...new Set(
    events
      .filter((e) => types.includes(e.type))
      .map((e) => (e.data as Record<string, unknown> | null)?.[key])
      .filter((v): v is string => typeof v === 'string'),
  ),
];

/** Resolves the names a page's summaries mention (members, keys, credentials, webhooks of this organisation only). */
async function presentEntries(db: Db, orgId: string, events: AuditEvent[]): Promise<AuditEntry[]> {
  if (events.length === 0) return [];
  const keyIds = new Set(idsIn(events, ['api-key.created', 'api-key.revoked'], 'apiKeyId'));
  const [members, keys, credentials, webhooks] = await Promise.all([
    store.findMemberSubjects(
      db,
      orgId,
      events.map((e) => e.id),
    ),
    store.findOrgApiKeyNames(db, orgId, [...keyIds]),
    store.findOrgCredentialLabels(
      db,
      orgId,
      idsIn(
        events,
        [
          'credential.issued',
          'credential.revoked',
          'credential.suspended',
          'credential.reinstated',
          'credential.expired',
        ],
        'credentialId',
      ),
    ),
    store.findOrgWebhookUrls(
      db,
      orgId,
      idsIn(events, ['webhook.updated', 'webhook.deleted', 'webhook.disabled', 'webhook.test'], 'webhookId'),
    ),
  ]);
  return events.map((event) => {
    const actor = actorOf(event);
    const summary = summariseEvent(event, {
      actor: actorLabel(actor),
      ...(actor.userId !== undefined ? { actorUserId: actor.userId } : {}),
      member: (id) => members.get(id)?.name,
      apiKey: (id) => keys.get(id),
      credential: (ref) => credentials.get(ref),
      webhook: (id) => webhooks.get(id),
    });
    return { id: event.id, type: event.type, occurredAt: event.occurredAt, actor, summary, data: event.data };
  });
}

function actorOf(event: AuditEvent): AuditActor {
  const a = event.actor;
  if (a.kind === 'user')
    return {
      kind: 'user',
      userId: a.userId,
      ...(event.actorUser ? { name: event.actorUser.name, email: event.actorUser.email } : {}),
    };
  if (a.kind === 'apiKey')
    return {
      kind: 'apiKey',
      apiKeyId: a.apiKeyId,
      ...(event.actorApiKey ? { apiKeyName: event.actorApiKey.name } : {}),
    };
  return { kind: 'system', reason: a.reason };
}

/** How a summary names the actor. */
export function actorLabel(actor: AuditActor): string {
  if (actor.kind === 'user') return actor.name ?? 'A deleted user';
  if (actor.kind === 'apiKey') return actor.apiKeyName ? `API key “${actor.apiKeyName}”` : 'An API key';
  return 'Cairn';
}
