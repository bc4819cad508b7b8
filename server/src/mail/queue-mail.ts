import type { Deps } from '../deps.js';
import { transaction, type Db } from '../db/transaction.js';
import { insertMail, listUntriedMailIds, type OutgoingMail } from './mail.store.js';

/** A job of the mail queue: send the outbox row `mailId`. */
export type MailJobData = { mailId: string };

/**
 * Writes `mail` to the outbox and queues the job that sends it, both with `db`: pass the
 * transaction of the change that causes the mail, so the mail exists exactly when the change
 * committed. The job's id is the mail's id, so queueing it again is a no-op.
 */
export async function queueMail(deps: Pick<Deps, 'jobs'>, db: Db, mail: OutgoingMail): Promise<{ id: string }> {
  return transaction(db, async (trx) => {
    const { id } = await insertMail(trx, mail);
    // The id is new, so only a missing queue makes pg-boss write nothing: fail rather than lose the mail.
    if (!(await deps.jobs.send(trx, 'mail', { mailId: id } satisfies MailJobData, { id })))
      throw new Error('The mail queue does not exist: start the server once to create it.');
    return { id };
  });
}

/**
 * Queues a job for every outbox mail no attempt has touched (mail written before mail became
 * jobs, by a release that polled the outbox). Idempotent: a mail that has its job keeps it.
 * Run at start, under the startup lock.
 */
export async function requeueUntriedMail(deps: Pick<Deps, 'db' | 'jobs'>): Promise<number> {
  let queued = 0;
  let afterId: string | undefined;
  for (;;) {
    const rows = await listUntriedMailIds(deps.db, afterId, 500);
    if (rows.length === 0) return queued;
    for (const { id } of rows) {
      if (await deps.jobs.send(deps.db, 'mail', { mailId: id } satisfies MailJobData, { id })) queued += 1;
    }
    afterId = rows.at(-1)!.id;
  }
}
