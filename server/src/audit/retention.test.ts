import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { recordEvent } from '../events/record-event.js';
import { applyRetention } from './retention.js';
import { createOrg, signUpUser, useTestApp } from '../testing/test-app.js';

const t = useTestApp();
const DAY_MS = 24 * 60 * 60 * 1000;

let travelled = 0;
function travel(days: number) {
  t.clock.advance(days * DAY_MS);
  travelled += days * DAY_MS;
}
afterEach(() => {
  t.clock.advance(-travelled);
  travelled = 0;
});

async function exists(table: 'domain_events' | 'webhook_deliveries', id: string) {
  const row = await t.deps.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** An event of the organisation with one webhook delivery of it (written as the webhook fan-out would). */
async function eventWithDelivery(orgId: string) {
  const eventId = await recordEvent(t.deps, t.deps.db, {
    type: 'organization.updated',
    orgId,
    actor: { kind: 'system', reason: 'test' },
    data: { organizationId: orgId, changed: ['name'] },
  });
  const endpointId = randomUUID();
  await t.deps.db
    .insertInto('webhook_endpoints')
    .values({ id: endpointId, org_id: orgId, url: 'https://hooks.example.com/cairn', secret_sealed: 'sealed' })
    .execute();
  const deliveryId = `msg_${randomUUID()}`;
  await t.deps.db
    .insertInto('webhook_deliveries')
    .values({
      id: deliveryId,
      endpoint_id: endpointId,
      org_id: orgId,
      event_id: eventId,
      event_type: 'organization.updated',
      status: 'succeeded',
    })
    .execute();
  return { eventId, deliveryId };
}

async function runRetentionJob() {
  await t.jobs.trigger(t.deps.db, 'retention');
  const result = await t.jobs.drain();
  expect(result.failed).toEqual([]);
}

describe('the retention job', () => {
  it('drops webhook deliveries after 30 days and audit events after 400 (CAIRN_AUDIT_RETENTION_DAYS default)', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const { eventId, deliveryId } = await eventWithDelivery(org.id);

    travel(29);
    await runRetentionJob();
    expect(await exists('webhook_deliveries', deliveryId)).toBe(true);

    travel(2);
    await runRetentionJob();
    expect(await exists('webhook_deliveries', deliveryId)).toBe(false);
    expect(await exists('domain_events', eventId)).toBe(true);

    travel(399 - 31);
    await runRetentionJob();
    expect(await exists('domain_events', eventId)).toBe(true);

    travel(2);
    await runRetentionJob();
    expect(await exists('domain_events', eventId)).toBe(false);
  });

  it('takes the configured retention, and is safe to run again', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    for (let i = 0; i < 3; i += 1) await eventWithDelivery(org.id);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from domain_events where org_id = ${org.id}`.execute(t.deps.db);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(4);

    travel(8);
    const first = await applyRetention(t.deps, { auditRetentionDays: 7 });
    expect(first.eventsDeleted).toBeGreaterThanOrEqual(4);
    expect(await t.deps.db.selectFrom('domain_events').select('id').where('org_id', '=', org.id).execute()).toEqual([]);
    expect(await applyRetention(t.deps, { auditRetentionDays: 7 })).toEqual({ eventsDeleted: 0, deliveriesDeleted: 0 });
  });
});
