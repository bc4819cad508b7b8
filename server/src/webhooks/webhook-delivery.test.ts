import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { transaction } from '../db/transaction.js';
import { findEvent } from '../events/events.store.js';
import { recordEvent } from '../events/record-event.js';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { attemptJobId } from './delivery-jobs.js';
import { fanOutWebhooks } from './fan-out-webhooks.js';
import { DISABLE_AFTER_FAILING_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS } from './retry-timetable.js';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './testing/webhook-receiver.js';
import { createWebhookVia, makeWebhookAttemptsDue, webhookJobs } from './testing/webhook-test-helpers.js';

const t = useTestApp({ webhooks: { allowPrivate: true, requireHttps: false } });
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});
beforeEach(() => {
  receiver.respondWith(204);
  receiver.received.length = 0;
  // An hour ahead of the database's clock, by which pg-boss decides what is due: a retry the
  // code schedules is never due by itself while a test runs, however slow the machine.
  t.clock.now = new Date(Date.now() + 3600_000);
});

type Delivery = {
  id: string;
  event: string;
  status: string;
  responseCode: number | null;
  attempt: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
};

async function setUp(events = ['credential.issued']) {
  const owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner);
  const hook = await createWebhookVia(t.app, owner, org.slug, { url: `${receiver.origin}/hooks/${org.slug}`, events });
  return { owner, org, hook };
}

async function deliveriesOf(owner: TestUser, slug: string, id: string): Promise<Delivery[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/orgs/${slug}/webhooks/${id}/deliveries`,
    headers: { cookie: owner.cookie },
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Delivery[] }>().items;
}

/** Records an event as the code that causes it would: in a transaction of its own. */
function record(orgId: string, credentialId = crypto.randomUUID()) {
  return transaction(t.deps.db, (trx) =>
    recordEvent(t.deps, trx, {
      type: 'credential.issued',
      orgId,
      actor: { kind: 'system', reason: 'test' },
      data: {
        credentialId,
        recipientUserId: null,
        achievementId: null,
        microcredentialId: null,
        pathwayId: null,
        kind: 'direct',
      },
    }),
  );
}

/** Verifies a received request with the reference library, at the time it was signed. */
function verify(secret: string, request: ReceivedWebhook) {
  vi.useFakeTimers({ toFake: ['Date'], now: Number(request.headers['webhook-timestamp']) * 1000 });
  try {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
  } finally {
    vi.useRealTimers();
  }
}

describe('webhook deliveries', () => {
  it('delivers a credential issued through the API, signed per Standard Webhooks', async () => {
    const { owner, org, hook } = await setUp();
    const key = await createApiKey(t.app, owner, org.slug);
    const issued = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${key.token}` },
      payload: { credential: sampleCredential() },
    });
    expect(issued.statusCode).toBe(201);
    await t.jobs.drain();

    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0]!;
    expect(request.path).toBe(`/hooks/${org.slug}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(request.headers['webhook-timestamp']).toBe(String(Math.floor(t.clock.now.getTime() / 1000)));
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = verify(hook.secret, request) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(payload.type).toBe('credential.issued');
    const event = await findEvent(t.deps.db, payload.data.eventId as string);
    expect(event?.type).toBe('credential.issued');
    expect(payload.timestamp).toBe(event!.occurredAt.toISOString());
    expect(payload.data).toMatchObject({ ...event!.data, orgId: org.id, eventId: event!.id });
    expect(() => verify('whsec_' + Buffer.alloc(32, 7).toString('base64'), request)).toThrow(/No matching signature/);

    const [delivery] = await deliveriesOf(owner, org.slug, hook.id);
    expect(delivery).toMatchObject({
      id: request.headers['webhook-id'],
      event: 'credential.issued',
      status: 'succeeded',
      responseCode: 204,
      attempt: 1,
      nextAttemptAt: null,
      lastError: null,
    });
  });

  it('sends each event once per endpoint that subscribes to it, and a retried fan-out adds nothing', async () => {
    const { owner, org, hook } = await setUp(['credential.issued']);
    const other = await createWebhookVia(t.app, owner, org.slug, {
      url: `${receiver.origin}/other`,
      events: ['credential.revoked'],
    });
    const eventId = await record(org.id);
    await t.jobs.drain();
    expect(receiver.received.map((r) => r.path)).toEqual([`/hooks/${org.slug}`]);
    // The consumer runs again (a job retried after its commit): the delivery exists, nothing is queued.
    const event = (await findEvent(t.deps.db, eventId))!;
    expect(await fanOutWebhooks(t.deps, event)).toEqual({ queued: 0 });
    await t.jobs.drain();
    expect(receiver.received).toHaveLength(1);
    expect(await deliveriesOf(owner, org.slug, hook.id)).toHaveLength(1);
    expect(await deliveriesOf(owner, org.slug, other.id)).toHaveLength(0);
  });

  it('retries a failing receiver on the timetable with one job per attempt, then marks the delivery failed', async () => {
    const { owner, org, hook } = await setUp();
    receiver.respondWith(503);
    await record(org.id);
    await t.jobs.drain();
    let [delivery] = await deliveriesOf(owner, org.slug, hook.id);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(delivery).toMatchObject({ status: 'pending', attempt, responseCode: 503, lastError: 'HTTP 503' });
      const due = new Date(t.clock.now.getTime() + RETRY_DELAYS_MS[attempt - 1]!);
      expect(delivery!.nextAttemptAt).toBe(due.toISOString());
      // The next attempt is a job of its own, with an id derived from the delivery and attempt, due then.
      const jobs = await webhookJobs(t.deps.db);
      expect(jobs).toEqual([
        expect.objectContaining({
          id: attemptJobId(delivery!.id, attempt + 1, 'scheduled'),
          data: { deliveryId: delivery!.id, attempt: attempt + 1 },
        }),
      ]);
      expect(jobs[0]!.start_after.getTime()).toBe(due.getTime());
      // Not due yet: draining sends nothing.
      await t.jobs.drain();
      expect(receiver.received).toHaveLength(attempt);
      t.clock.advance(RETRY_DELAYS_MS[attempt - 1]!);
      await makeWebhookAttemptsDue(t.deps.db);
      await t.jobs.drain();
      [delivery] = await deliveriesOf(owner, org.slug, hook.id);
    }
    expect(delivery).toMatchObject({ status: 'failed', attempt: MAX_ATTEMPTS, nextAttemptAt: null, responseCode: 503 });
    expect(await webhookJobs(t.deps.db)).toEqual([]);
    // Every attempt carried the same webhook-id, so a receiver can tell them apart from new events.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery!.id]));
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(71 * 3600_000);
    expect(total).toBeLessThan(72 * 3600_000);
  });

  it('a repeated job does not send its attempt twice', async () => {
    const { owner, org, hook } = await setUp();
    await record(org.id);
    await t.jobs.drain();
    expect(receiver.received).toHaveLength(1);
    // The same attempt again (as when pg-boss runs a job again after a crash between recording and completing it).
    const [delivery] = await deliveriesOf(owner, org.slug, hook.id);
    await t.jobs.send(t.deps.db, 'webhooks', { deliveryId: delivery!.id, attempt: 1 });
    await t.jobs.drain();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(owner, org.slug, hook.id))[0]).toMatchObject({ status: 'succeeded', attempt: 1 });
  });

  it('disables an endpoint whose deliveries failed for five days and mails its admins; a success before clears the run', async () => {
    const { owner, org, hook } = await setUp();
    const base = `/api/v1/orgs/${org.slug}/webhooks/${hook.id}`;
    receiver.respondWith(500);
    await record(org.id);
    await t.jobs.drain();
    const failingSince = (await t.app.inject({ method: 'GET', url: base, headers: { cookie: owner.cookie } })).json()
      .failingSince as string;
    expect(failingSince).toBe(t.clock.now.toISOString());

    // A success ends the run of failures.
    receiver.respondWith(200);
    t.clock.advance(RETRY_DELAYS_MS[0]!);
    await makeWebhookAttemptsDue(t.deps.db);
    await t.jobs.drain();
    expect((await t.app.inject({ method: 'GET', url: base, headers: { cookie: owner.cookie } })).json()).toMatchObject({
      failingSince: null,
      enabled: true,
    });

    // Then five days of nothing but failures.
    receiver.respondWith(500);
    await record(org.id);
    await t.jobs.drain();
    t.clock.advance(DISABLE_AFTER_FAILING_MS - 1000);
    await record(org.id);
    await t.jobs.drain();
    expect((await t.app.inject({ method: 'GET', url: base, headers: { cookie: owner.cookie } })).json().enabled).toBe(
      true,
    );
    t.clock.advance(1000);
    await record(org.id);
    await t.jobs.drain();
    const disabled = (await t.app.inject({ method: 'GET', url: base, headers: { cookie: owner.cookie } })).json();
    expect(disabled).toMatchObject({
      enabled: false,
      disabledReason: expect.stringMatching(/^Every delivery failed for 5 days .*Last error: HTTP 500/),
    });
    const { rows: events } = await sql<{
      data: { webhookId: string };
    }>`select data from domain_events where org_id = ${org.id} and type = 'webhook.disabled'`.execute(t.deps.db);
    expect(events).toEqual([{ data: expect.objectContaining({ webhookId: hook.id }) }]);
    const mail = t.mailTransport.sent.find((m) => m.to === owner.email && /webhook .* was disabled/.test(m.subject));
    expect(mail?.text).toContain(`/o/${org.slug}/settings/webhooks/${hook.id}`);
    expect(mail?.text).not.toContain(`/hooks/${org.slug}`);

    // Disabled: new events are not delivered, and attempts still queued stop.
    const before = receiver.received.length;
    await record(org.id);
    await makeWebhookAttemptsDue(t.deps.db);
    await t.jobs.drain();
    expect(receiver.received).toHaveLength(before);
    expect(await webhookJobs(t.deps.db)).toEqual([]);
    const stopped = (await deliveriesOf(owner, org.slug, hook.id)).filter((d) => d.status === 'failed');
    expect(stopped.some((d) => d.lastError?.startsWith('Not sent: the endpoint is disabled'))).toBe(true);
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    const { owner, org, hook } = await setUp();
    const rotated = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/rotate-secret`,
        headers: { cookie: owner.cookie },
        payload: {},
      })
    ).json<{ secret: string }>();
    await record(org.id);
    await t.jobs.drain();
    const during = receiver.received.at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(hook.secret, during)).toMatchObject({ type: 'credential.issued' });
    expect(verify(rotated.secret, during)).toMatchObject({ type: 'credential.issued' });

    t.clock.advance(24 * 3600_000 + 1000);
    await record(org.id);
    await t.jobs.drain();
    const after = receiver.received.at(-1)!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verify(rotated.secret, after)).toMatchObject({ type: 'credential.issued' });
    expect(() => verify(hook.secret, after)).toThrow(/No matching signature/);
  });

  it('sends a test ping to that endpoint only, and resends a delivery with the same webhook-id', async () => {
    const { owner, org, hook } = await setUp(['credential.revoked']);
    const other = await createWebhookVia(t.app, owner, org.slug, {
      url: `${receiver.origin}/other`,
      events: ['credential.revoked'],
    });
    const ping = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/test`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(ping.statusCode).toBe(202);
    expect(ping.json()).toMatchObject({ event: 'webhook.test', status: 'pending', attempt: 0 });
    await t.jobs.drain();
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0]!;
    expect(first.path).toBe(`/hooks/${org.slug}`);
    expect(verify(hook.secret, first)).toMatchObject({
      type: 'webhook.test',
      data: { webhookId: hook.id, orgId: org.id },
    });
    expect(await deliveriesOf(owner, org.slug, other.id)).toEqual([]);

    const deliveryId = ping.json<{ id: string }>().id;
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/deliveries/${deliveryId}/resend`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(resend.statusCode).toBe(202);
    // A double click queues the same attempt once.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/deliveries/${deliveryId}/resend`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    await t.jobs.drain();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(deliveryId);
    expect((await deliveriesOf(owner, org.slug, hook.id))[0]).toMatchObject({
      id: deliveryId,
      status: 'succeeded',
      attempt: 2,
    });

    // Someone else's delivery id through this endpoint: 404.
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/webhooks/${other.id}/deliveries/${deliveryId}/resend`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
  });

  it('pages through the delivery log, newest first', async () => {
    const { owner, org, hook } = await setUp();
    for (let i = 0; i < 5; i += 1) await record(org.id);
    await t.jobs.drain();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: owner.cookie } });
      const page: { items: Delivery[]; nextCursor: string | null } = res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/webhooks/${hook.id}/deliveries?cursor=nonsense`,
      headers: { cookie: owner.cookie },
    });
    expect(bad.statusCode).toBe(400);
  });
});
