import type { Deps } from '../deps.js';
import type { Db } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import { queueMail } from '../mail/queue-mail.js';
import { findOrganizationById, listMembers } from '../orgs/orgs.store.js';
import { DISABLE_AFTER_FAILING_MS } from './retry-timetable.js';
import { disableEndpoint } from './webhooks.store.js';

const FAILING_DAYS = DISABLE_AFTER_FAILING_MS / (24 * 3600_000);

/**
 * Disables an endpoint whose deliveries have all failed for `DISABLE_AFTER_FAILING_MS`, records
 * `webhook.disabled` and mails the organisation's owners and admins, all in the caller's
 * transaction. Nothing is sent to it until an admin enables it again.
 */
export async function disableFailingEndpoint(
  deps: Pick<Deps, 'jobs' | 'clock' | 'publicUrl'> & { db: Db },
  endpoint: { id: string; orgId: string; url: string; failingSince: Date; lastError: string },
): Promise<void> {
  const reason = `Every delivery failed for ${FAILING_DAYS} days (since ${endpoint.failingSince.toISOString()}). Last error: ${endpoint.lastError.slice(0, 300)}`;
  if (!(await disableEndpoint(deps.db, endpoint.id, reason, deps.clock()))) return;
  await recordEvent(deps, deps.db, {
    type: 'webhook.disabled',
    orgId: endpoint.orgId,
    actor: { kind: 'system', reason: `webhook deliveries failed for ${FAILING_DAYS} days` },
    data: { webhookId: endpoint.id, reason },
  });
  const org = await findOrganizationById(deps.db, endpoint.orgId);
  if (!org) return;
  const settingsUrl = new URL(`/o/${org.slug}/settings/webhooks/${endpoint.id}`, deps.publicUrl).toString();
  const admins = (await listMembers(deps.db, endpoint.orgId)).filter((m) => m.role === 'owner' || m.role === 'admin');
  for (const admin of admins) {
    await queueMail(deps, deps.db, {
      to: admin.email,
      orgId: endpoint.orgId,
      subject: `A webhook of ${org.name} was disabled after ${FAILING_DAYS} days of failed deliveries`,
      text:
        `Hello ${admin.name},\n\n` +
        `Cairn stopped sending webhooks to ${new URL(endpoint.url).origin} for ${org.name}: every delivery since ${endpoint.failingSince.toUTCString()} failed.\n` +
        `Last error: ${endpoint.lastError.slice(0, 300)}\n\n` +
        `Events from now on are not delivered to it. Once the receiver works again, enable the webhook and resend what it missed:\n\n${settingsUrl}\n`,
    });
  }
}
