import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';

export type OutgoingMail = { to: string; subject: string; text: string; orgId?: string | null };

export async function insertMail(db: Db, mail: OutgoingMail) {
  return db
    .insertInto('mail_outbox')
    .values({ to_address: mail.to, subject: mail.subject, text_body: mail.text, org_id: mail.orgId ?? null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** Claims due mails for sending; SKIP LOCKED lets several servers share the outbox. */
export function claimDueMails(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'attempts'])
    .where('sent_at', 'is', null)
    .where('send_after', '<=', now)
    .where('attempts', '<', 8)
    .orderBy('send_after')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markMailSent(db: Db, id: string, now: Date) {
  await db.updateTable('mail_outbox').set({ sent_at: now, attempts: sql`attempts + 1`, last_error: null }).where('id', '=', id).execute();
}

export async function markMailFailed(db: Db, id: string, error: string, retryAt: Date) {
  await db
    .updateTable('mail_outbox')
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 1000), send_after: retryAt })
    .where('id', '=', id)
    .execute();
}

export function listMailsTo(db: Db, to: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'subject', 'text_body', 'created_at', 'sent_at'])
    .where(sql<string>`lower(to_address)`, '=', to.toLowerCase())
    .orderBy('created_at', 'desc')
    .execute();
}
