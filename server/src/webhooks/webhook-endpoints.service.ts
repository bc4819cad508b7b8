import { randomUUID } from 'node:crypto';
import { encryptSecret } from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { EVENT_TYPES, type EventType } from '../events/event-types.js';
import { eventActorOf, recordEvent } from '../events/record-event.js';
import { AppError } from '../http/app-error.js';
import { authorizeOrg, type OrgAccess } from '../orgs/orgs.service.js';
import { checkWebhookTarget, type WebhookNetwork } from './webhook-network.js';
import { newWebhookSecret } from './webhook-signature.js';
import * as store from './webhooks.store.js';

/** What webhook use cases run with: the app's deps and where webhooks may be sent. */
export type WebhookDeps = Deps & { webhookNetwork: WebhookNetwork };

/** Event types an endpoint may subscribe to (a test ping reaches its endpoint whatever it subscribes to). */
export const SUBSCRIBABLE_EVENT_TYPES = EVENT_TYPES.filter((type) => type !== 'webhook.test');

/** How long the previous secret keeps signing after a rotation, so receivers can switch without losing deliveries. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export type WebhookView = {
  id: string;
  url: string;
  description: string;
  events: string[];
  isEnabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

function toView(row: store.EndpointRow, now: Date): WebhookView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.event_types,
    isEnabled: row.is_enabled,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    failingSince: row.failing_since,
    previousSecretExpiresAt:
      row.previous_secret_expires_at && row.previous_secret_expires_at > now ? row.previous_secret_expires_at : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const notFound = () => new AppError('not_found', 'No webhook with this id in this organisation.');

/** Resolves the organisation and checks the caller may manage its webhooks (outsiders get 404). */
export function authorizeWebhooks(deps: Deps, actor: Actor, slug: string): Promise<OrgAccess> {
  return authorizeOrg(deps, actor, slug, 'webhooks.manage');
}

/** One endpoint of the organisation, or the 404 that outsiders and wrong ids both get. */
export async function requireEndpoint(
  deps: Pick<Deps, 'db'>,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  const row = await store.findEndpoint(deps.db, orgId, id, options);
  if (!row) throw notFound();
  return row;
}

function uniqueEvents(events: readonly string[]): EventType[] {
  return [...new Set(events)] as EventType[];
}

export type CreateWebhookOptions = { url: string; events: readonly string[]; description?: string };

/** Adds an endpoint; its signing secret is returned this once and stored sealed under the master key. */
export async function createWebhook(
  deps: WebhookDeps,
  actor: Actor,
  slug: string,
  options: CreateWebhookOptions,
): Promise<WebhookView & { secret: string }> {
  const access = await authorizeWebhooks(deps, actor, slug);
  await checkWebhookTarget(options.url, deps.webhookNetwork);
  const secret = newWebhookSecret();
  const row = await transaction(deps.db, async (trx) => {
    const inserted = await store.insertEndpoint(trx, {
      id: randomUUID(),
      orgId: access.org.id,
      url: options.url,
      description: options.description?.trim() ?? '',
      eventTypes: uniqueEvents(options.events),
      secretSealed: encryptSecret(secret, deps.masterKey),
      createdBy: access.actor.kind === 'user' ? access.actor.userId : null,
    });
    await recordEvent(deps, trx, {
      type: 'webhook.created',
      orgId: access.org.id,
      actor: eventActorOf(access.actor),
      data: { webhookId: inserted.id, url: inserted.url },
    });
    return inserted;
  });
  return { ...toView(row, deps.clock()), secret };
}

export async function listWebhooks(deps: Deps, actor: Actor, slug: string): Promise<WebhookView[]> {
  const { org } = await authorizeWebhooks(deps, actor, slug);
  const now = deps.clock();
  return (await store.listEndpoints(deps.db, org.id)).map((row) => toView(row, now));
}

export async function getWebhook(deps: Deps, actor: Actor, slug: string, id: string): Promise<WebhookView> {
  const { org } = await authorizeWebhooks(deps, actor, slug);
  return toView(await requireEndpoint(deps, org.id, id), deps.clock());
}

export type UpdateWebhookOptions = {
  url?: string;
  events?: readonly string[];
  description?: string;
  enabled?: boolean;
};

/**
 * Changes an endpoint. A new URL is checked like a new endpoint's. Enabling it again clears
 * why it was disabled and its run of failures, so it gets a fresh five days.
 */
export async function updateWebhook(
  deps: WebhookDeps,
  actor: Actor,
  slug: string,
  id: string,
  options: UpdateWebhookOptions,
): Promise<WebhookView> {
  const access = await authorizeWebhooks(deps, actor, slug);
  if (options.url !== undefined) await checkWebhookTarget(options.url, deps.webhookNetwork);
  const row = await transaction(deps.db, async (trx) => {
    const current = await requireEndpoint({ db: trx }, access.org.id, id, { forUpdate: true });
    const changed: string[] = [];
    if (options.url !== undefined && options.url !== current.url) changed.push('url');
    if (options.description !== undefined && options.description.trim() !== current.description)
      changed.push('description');
    const events = options.events === undefined ? undefined : uniqueEvents(options.events);
    if (
      events !== undefined &&
      (events.length !== current.event_types.length || events.some((e) => !current.event_types.includes(e)))
    )
      changed.push('events');
    if (options.enabled !== undefined && options.enabled !== current.is_enabled) changed.push('enabled');
    if (changed.length === 0) return current;
    const now = deps.clock();
    const updated = await store.updateEndpoint(trx, access.org.id, id, {
      ...(changed.includes('url') ? { url: options.url! } : {}),
      ...(changed.includes('description') ? { description: options.description!.trim() } : {}),
      ...(changed.includes('events') ? { eventTypes: events! } : {}),
      ...(changed.includes('enabled')
        ? options.enabled
          ? { isEnabled: true, disabledReason: null, disabledAt: null, failingSince: null }
          : { isEnabled: false, disabledReason: 'Disabled by an admin.', disabledAt: now }
        : {}),
    });
    await recordEvent(deps, trx, {
      type: 'webhook.updated',
      orgId: access.org.id,
      actor: eventActorOf(access.actor),
      data: { webhookId: id, changed },
    });
    return updated;
  });
  return toView(row, deps.clock());
}

/** Deletes an endpoint with its delivery log; attempts still queued find nothing and stop. */
export async function deleteWebhook(deps: Deps, actor: Actor, slug: string, id: string): Promise<void> {
  const access = await authorizeWebhooks(deps, actor, slug);
  await transaction(deps.db, async (trx) => {
    if (!(await store.deleteEndpoint(trx, access.org.id, id))) throw notFound();
    await recordEvent(deps, trx, {
      type: 'webhook.deleted',
      orgId: access.org.id,
      actor: eventActorOf(access.actor),
      data: { webhookId: id },
    });
  });
}

/**
 * Replaces the signing secret and returns the new one, once. For `ROTATION_OVERLAP_MS` the
 * previous secret signs too (both signatures in `webhook-signature`); a second rotation within
 * that window drops the oldest secret at once.
 */
export async function rotateWebhookSecret(
  deps: Deps,
  actor: Actor,
  slug: string,
  id: string,
): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
  const access = await authorizeWebhooks(deps, actor, slug);
  const secret = newWebhookSecret();
  const previousSecretExpiresAt = new Date(deps.clock().getTime() + ROTATION_OVERLAP_MS);
  await transaction(deps.db, async (trx) => {
    await requireEndpoint({ db: trx }, access.org.id, id, { forUpdate: true });
    const current = await store.findEndpointSecrets(trx, id);
    await store.rotateEndpointSecret(trx, access.org.id, id, {
      secretSealed: encryptSecret(secret, deps.masterKey),
      previousSecretSealed: current!.secret_sealed,
      previousExpiresAt: previousSecretExpiresAt,
    });
    await recordEvent(deps, trx, {
      type: 'webhook.updated',
      orgId: access.org.id,
      actor: eventActorOf(access.actor),
      data: { webhookId: id, changed: ['secret'] },
    });
  });
  return { secret, previousSecretExpiresAt };
}
