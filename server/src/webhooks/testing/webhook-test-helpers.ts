import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';
import { QUEUES } from '../../jobs/queues.js';
import type { App } from '../../app.js';
import type { TestUser } from '../../testing/test-app.js';

export type CreatedWebhook = { id: string; url: string; events: string[]; secret: string; enabled: boolean };

/** Adds a webhook through the API as `admin`; fails the test on anything but 201. */
export async function createWebhookVia(
  app: App,
  admin: TestUser,
  slug: string,
  body: { url: string; events: string[]; description?: string },
): Promise<CreatedWebhook> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/webhooks`,
    headers: { cookie: admin.cookie },
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`create webhook failed: ${res.statusCode} ${res.body}`);
  return res.json<CreatedWebhook>();
}

/** The queued attempts of webhook deliveries (pg-boss jobs), oldest first. */
export async function webhookJobs(db: Db, state = 'created') {
  const { rows } = await sql<{
    id: string;
    data: { deliveryId: string; attempt: number; isManual?: boolean };
    start_after: Date;
  }>`
    select id, data, start_after from pgboss.job where name = ${QUEUES.webhooks.name} and state::text = ${state} order by created_on, id`.execute(
    db,
  );
  return rows;
}

/**
 * Makes the waiting attempts due now, as if their time had come: pg-boss compares
 * `start_after` with the database clock, which the test clock does not move.
 */
export async function makeWebhookAttemptsDue(db: Db) {
  await sql`update pgboss.job set start_after = now() where name = ${QUEUES.webhooks.name} and state = 'created'`.execute(
    db,
  );
}
