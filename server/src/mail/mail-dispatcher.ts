import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/transaction.js';
import { transaction } from '../db/transaction.js';
import { claimDueMails, markMailFailed, markMailSent } from './mail.store.js';

export type MailTransport = {
  describe: string;
  send(mail: { id: string; to: string; subject: string; text: string }): Promise<void>;
};

/** SMTP when configured; otherwise each mail is written as an .eml file under the data directory. */
export function createMailTransport(options: { smtpUrl: string | undefined; from: string; dataDir: string }): MailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      describe: 'SMTP',
      async send(mail) {
        await transporter.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
  const dir = path.join(options.dataDir, 'outbox');
  return {
    describe: `files in ${dir}`,
    async send(mail) {
      await mkdir(dir, { recursive: true });
      const eml = [`From: ${options.from}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, 'Content-Type: text/plain; charset=utf-8', '', mail.text].join('\r\n');
      await writeFile(path.join(dir, `${mail.id}.eml`), eml, { mode: 0o600 });
    },
  };
}

/**
 * Sends what the outbox holds. Mails are written in the same transaction as the change that
 * causes them, so a crash loses none; this loop delivers them at least once, with backoff.
 */
export function startMailDispatcher(options: { db: Db; transport: MailTransport; log: FastifyBaseLogger; intervalMs?: number; clock?: () => Date }) {
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStopped = false;

  async function tick() {
    await transaction(options.db, async (trx) => {
      const due = await claimDueMails(trx, clock(), 20);
      for (const mail of due) {
        try {
          await options.transport.send({ id: mail.id, to: mail.to_address, subject: mail.subject, text: mail.text_body });
          await markMailSent(trx, mail.id, clock());
          // Recipient and subject only: bodies carry links with one-time tokens.
          options.log.info({ mailId: mail.id, to: mail.to_address, subject: mail.subject, via: options.transport.describe }, 'mail sent');
        } catch (err) {
          const retryAt = new Date(clock().getTime() + 2 ** mail.attempts * 30_000);
          await markMailFailed(trx, mail.id, err instanceof Error ? err.message : String(err), retryAt);
          options.log.warn({ mailId: mail.id, err }, 'mail delivery failed; will retry');
        }
      }
    });
  }

  function schedule() {
    if (isStopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => options.log.error({ err }, 'mail dispatcher tick failed'))
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, options.intervalMs ?? 2000);
    timer.unref();
  }
  schedule();

  return {
    /** Sends what is due now (used after a request queues mail, and by tests). */
    flush: () => tick(),
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
