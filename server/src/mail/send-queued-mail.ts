import type { Db } from '../db/transaction.js';
import type { JobLog } from '../jobs/job-queue.js';
import { findMail, markMailFailed, markMailSent } from './mail.store.js';
import type { MailTransport } from './mail-transport.js';

export type SendQueuedMailOptions = {
  db: Db;
  clock: () => Date;
  log: JobLog;
  transport: MailTransport | undefined;
};

export type MailAttempt = { mailId: string; attempt: number; isLastAttempt: boolean };

/**
 * Runs one job of the mail queue: reads the mail, hands it to the transport, then marks it
 * sent. No transaction is open while the transport talks to the mail server (each statement
 * commits on its own), so a slow SMTP server holds no lock and no connection. A failed send
 * records the error on the mail and throws, so the queue retries it with backoff and
 * dead-letters it after the last retry. Delivery is at least once: a crash between the
 * hand-over and the mark sends the mail again.
 */
export async function sendQueuedMail(
  options: SendQueuedMailOptions,
  attempt: MailAttempt,
): Promise<'sent' | 'already-sent' | 'missing'> {
  const { db, log, transport } = options;
  const mail = await findMail(db, attempt.mailId);
  // Gone with its organisation's data, or sent by an earlier attempt whose job did not complete.
  if (!mail) return 'missing';
  if (mail.sent_at) return 'already-sent';
  if (!transport) throw new Error('No mail transport is configured in this process, so the mail cannot be sent.');
  try {
    await transport.send({ id: mail.id, to: mail.to_address, subject: mail.subject, text: mail.text_body });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await markMailFailed(db, mail.id, message);
    // Recipient and subject only: bodies carry links with one-time tokens.
    if (attempt.isLastAttempt)
      log.error(
        { mailId: mail.id, to: mail.to_address, subject: mail.subject, attempt: attempt.attempt, err },
        'mail delivery failed for the last time; the job is in the mail dead-letter queue',
      );
    throw err;
  }
  await markMailSent(db, mail.id, options.clock());
  log.info({ mailId: mail.id, to: mail.to_address, subject: mail.subject, via: transport.describe }, 'mail sent');
  return 'sent';
}
