import type { Deps } from '../deps.js';
import type { Db } from '../db/transaction.js';
import type { OutgoingMail } from './mail.store.js';
import type { MailJobData } from './queue-mail.js';

/**
 * `queueMail` for a batch: the outbox rows in one insert and their send jobs in another, with
 * `db` (the transaction of the change that causes them). Each mail still has its own job, whose
 * id is the mail's, so the mail queue's retries and dead letters work per mail.
 */
export async function queueMails(deps: Pick<Deps, 'jobs'>, db: Db, mails: OutgoingMail[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = await db
    .insertInto('mail_outbox')
    .values(mails.map((m) => ({ to_address: m.to, subject: m.subject, text_body: m.text, org_id: m.orgId ?? null })))
    .returning(['id'])
    .execute();
  await deps.jobs.sendMany(
    db,
    'mail',
    rows.map(({ id }) => ({ id, data: { mailId: id } satisfies MailJobData })),
  );
  return rows.map((r) => r.id);
}
