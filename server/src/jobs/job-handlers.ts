import type { Deps } from '../deps.js';
import type { StoredEvent } from '../events/event-types.js';
import { findEvent } from '../events/events.store.js';
import type { EventJobData } from '../events/record-event.js';
import type { ConsumerName } from '../events/subscriptions.js';
import type { JobLog, JobQueue } from './job-queue.js';

import type { MailTransport } from '../mail/mail-dispatcher.js';

/** What background work runs with: the app's deps and logger, and how mail leaves. */
export type JobRuntime = { deps: Deps; log: JobLog; mailTransport?: MailTransport };

type Consumer = (runtime: JobRuntime, event: StoredEvent) => Promise<void>;

/**
 * The composition root of background work: which code runs each queue's jobs and each event
 * consumer. Areas export plain functions; only this file knows them all.
 */
const CONSUMERS: Record<ConsumerName, Consumer> = {
  // area: pathways
  'pathways.credential-changed': async () => {},
  'pathways.published': async () => {},
  // area: catalogue
  'catalog.organization-updated': async () => {},
  // area: webhooks
  'webhooks.fan-out': async () => {},
};

export function registerJobHandlers(queue: JobQueue, runtime: JobRuntime): JobQueue {
  queue.useLog(runtime.log);
  queue.handle('events', async (job) => {
    const { consumer, eventId } = job.data as EventJobData;
    const run = CONSUMERS[consumer as ConsumerName] as Consumer | undefined;
    if (!run) throw new Error(`No consumer named ${consumer}`);
    const event = await findEvent(runtime.deps.db, eventId);
    // Deleted with its organisation (or by retention): nothing left to do.
    if (!event) return;
    await run(runtime, event);
  });
  // area: mail
  // area: webhooks (deliveries)
  // area: scheduled work
  return queue;
}
