import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import { QUEUES } from '../jobs/queues.js';
import { signUpUser, useTestApp } from '../testing/test-app.js';
import { findMail, insertMail } from './mail.store.js';
import { queueMail, requeueUntriedMail } from './queue-mail.js';

const t = useTestApp();

async function mailJob(id: string) {
  const { rows } = await sql<{
    state: string;
    isDelayed: boolean;
  }>`select state::text as state, start_after > now() as "isDelayed" from pgboss.job where name = ${QUEUES.mail.name} and id = ${id}::uuid`.execute(
    t.deps.db,
  );
  return rows[0];
}

function sentTo(to: string) {
  return t.mailTransport.sent.filter((m) => m.to === to);
}

describe('mail through the job queue', () => {
  it('a mail queued in a transaction that rolls back is neither written nor sent', async () => {
    let mailId = '';
    await expect(
      transaction(t.deps.db, async (trx) => {
        ({ id: mailId } = await queueMail(t.deps, trx, {
          to: 'rolled-back@example.com',
          subject: 'Never',
          text: 'Never sent',
        }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await findMail(t.deps.db, mailId)).toBeUndefined();
    expect(await mailJob(mailId)).toBeUndefined();
    await t.jobs.drain();
    expect(sentTo('rolled-back@example.com')).toEqual([]);
  });

  it('sends a queued mail once when its job runs, and marks it sent', async () => {
    const { id } = await queueMail(t.deps, t.deps.db, {
      to: 'once@example.com',
      subject: 'Hello',
      text: 'Body with a link',
    });
    expect(sentTo('once@example.com')).toEqual([]);
    await t.jobs.drain();
    expect(sentTo('once@example.com')).toEqual([
      { id, to: 'once@example.com', subject: 'Hello', text: 'Body with a link' },
    ]);
    const mail = await findMail(t.deps.db, id);
    expect(mail?.sent_at).toBeInstanceOf(Date);
    expect(mail?.attempts).toBe(1);
    expect((await mailJob(id))?.state).toBe('completed');

    // Queueing the same mail again (same job id) is ignored; a stray second job finds it sent.
    expect(await t.jobs.send(t.deps.db, 'mail', { mailId: id }, { id })).toBeNull();
    await t.jobs.send(t.deps.db, 'mail', { mailId: id });
    const again = await t.jobs.drain();
    expect(again.failed).toEqual([]);
    expect(sentTo('once@example.com')).toHaveLength(1);
  });

  it('a failing transport leaves the mail unsent with its error, and its job waiting for a retry', async () => {
    t.mailTransport.intercept = async () => {
      throw new Error('421 mail.example.org busy, try later');
    };
    try {
      const { id } = await queueMail(t.deps, t.deps.db, { to: 'busy@example.com', subject: 'Retry me', text: 'Body' });
      const result = await t.jobs.drain();
      expect(result.failed).toEqual([
        expect.objectContaining({ queue: QUEUES.mail.name, id, error: '421 mail.example.org busy, try later' }),
      ]);
      const mail = await findMail(t.deps.db, id);
      expect(mail?.sent_at).toBeNull();
      expect(mail?.attempts).toBe(1);
      const { rows } = await sql<{
        last_error: string | null;
      }>`select last_error from mail_outbox where id = ${id}`.execute(t.deps.db);
      expect(rows[0]?.last_error).toBe('421 mail.example.org busy, try later');
      // Retried later by the queue's backoff, not at once.
      expect(await mailJob(id)).toEqual({ state: 'retry', isDelayed: true });
      expect(sentTo('busy@example.com')).toEqual([]);
    } finally {
      t.mailTransport.intercept = undefined;
    }
  });

  it('holds no transaction and no lock while the transport sends, and marks the mail sent only after', async () => {
    const seen: { isUnsent: boolean; openTransactions: number }[] = [];
    t.mailTransport.intercept = async (mail) => {
      // Row lock NOWAIT fails at once if the job held the mail in a transaction; on PGlite (one
      // connection) a query could not even run while a transaction of the job were open.
      const { rows } = await sql<{
        sent_at: Date | null;
      }>`select sent_at from mail_outbox where id = ${mail.id} for update nowait`.execute(t.deps.db);
      let openTransactions = 0;
      if (t.database.engine === 'postgres') {
        const idle = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`.execute(
          t.deps.db,
        );
        openTransactions = idle.rows[0]!.n;
      }
      seen.push({ isUnsent: rows[0]?.sent_at === null, openTransactions });
    };
    try {
      await queueMail(t.deps, t.deps.db, { to: 'no-transaction@example.com', subject: 'Checked', text: 'Body' });
      const result = await t.jobs.drain();
      expect(result.failed).toEqual([]);
      expect(seen).toEqual([{ isUnsent: true, openTransactions: 0 }]);
      expect(sentTo('no-transaction@example.com')).toHaveLength(1);
    } finally {
      t.mailTransport.intercept = undefined;
    }
  });

  it('queues a job for outbox mail written before mail became jobs, once', async () => {
    const { id } = await insertMail(t.deps.db, {
      to: 'left-over@example.com',
      subject: 'From the old outbox',
      text: 'Body',
    });
    expect(await requeueUntriedMail(t.deps)).toBe(1);
    expect(await requeueUntriedMail(t.deps)).toBe(0);
    await t.jobs.drain();
    expect(sentTo('left-over@example.com').map((m) => m.id)).toEqual([id]);
    expect(await requeueUntriedMail(t.deps)).toBe(0);
  });

  it('a sign-up mails its confirmation link through the queue', async () => {
    const person = await signUpUser(t.app, { isEmailVerified: false });
    await t.jobs.drain();
    const [mail] = sentTo(person.email);
    expect(mail?.subject).toBe('Confirm your email for Cairn');
    expect(mail?.text).toMatch(/\/verify-email\?token=[\w-]+/);
  });
});
