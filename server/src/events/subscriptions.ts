import type { EventType } from './event-types.js';

/**
 * Which consumers each event wakes. Data only, so the code that records events depends on no
 * area; the composition root (`jobs/job-handlers.ts`) maps consumer names to code.
 * Webhook fan-out is not listed: it runs for any organisation event that an enabled endpoint
 * of that organisation subscribes to (checked when the event is recorded).
 */
export const SUBSCRIPTIONS = {
  /** Re-evaluates the recipient's pathways; awards what is now satisfied, suspends what no longer holds. */
  'pathways.credential-changed': [
    'credential.issued',
    'credential.revoked',
    'credential.suspended',
    'credential.reinstated',
    'credential.expired',
  ],
  /** Awards learners who already qualify for a newly published pathway. */
  'pathways.published': ['pathway.published'],
  /** Adds the credential to its recipient's CPD record (once per credential). */
  'cpd.credential-issued': ['credential.issued'],
  /** Refreshes the organisation's name and details in the catalogue index. */
  'catalog.organization-updated': ['organization.updated'],
  /** Refreshes the accredited provider's programmes in the catalogue (its accreditation facet). */
  'catalog.accreditation-changed': ['accreditation.changed'],
} as const satisfies Record<string, readonly EventType[]>;

export type ConsumerName = keyof typeof SUBSCRIPTIONS | 'webhooks.fan-out';

export function consumersOf(type: EventType): (keyof typeof SUBSCRIPTIONS)[] {
  return (Object.keys(SUBSCRIPTIONS) as (keyof typeof SUBSCRIPTIONS)[]).filter((name) =>
    (SUBSCRIPTIONS[name] as readonly EventType[]).includes(type),
  );
}
