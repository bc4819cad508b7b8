import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';

export type OutgoingMail = { to: string; subject: string; text: string; orgId?: string | null };

/** Writes a mail to the outbox (use `queueMail`, which also queues the job that sends it). */
export async function insertMail(db: Db, mail: OutgoingMail) {
  return db
    .insertInto('mail_outbox')
    .values({ to_address: mail.to, subject: mail.subject, text_body: mail.text, org_id: mail.orgId ?? null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function findMail(db: Db, id: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'sent_at', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records a delivery; false when the mail was already marked sent (another attempt got there first). */
export async function markMailSent(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ sent_at: now, attempts: sql`attempts + 1`, last_error: null })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markMailFailed(db: Db, id: string, error: string) {
  await db
    .updateTable('mail_outbox')
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}

/**
 * Unsent mails no attempt has touched, oldest first: what an outbox written before mail became
 * jobs may still hold. A mail that was tried has a job (retrying or dead-lettered) already.
 */
export function listUntriedMailIds(db: Db, afterId: string | undefined, limit: number) {
  let query = db.selectFrom('mail_outbox').select('id').where('sent_at', 'is', null).where('attempts', '=', 0);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}

export function listMailsTo(db: Db, to: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'subject', 'text_body', 'created_at', 'sent_at'])
    .where(sql<string>`lower(to_address)`, '=', to.toLowerCase())
    .orderBy('created_at', 'desc')
    .execute();
}
