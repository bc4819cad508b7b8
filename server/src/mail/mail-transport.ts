import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type OutboundMail = { id: string; to: string; subject: string; text: string };

/** How a mail leaves Cairn. `send` resolves once the mail is handed over, and throws when it was not. */
export type MailTransport = {
  describe: string;
  send(mail: OutboundMail): Promise<void>;
};

/**
 * Limits for one SMTP exchange, well under the mail queue's job expiry (120 s): a send that
 * hangs fails and is retried, rather than being expired and run twice side by side.
 * An operator's own values in the SMTP URL's query win.
 */
const SMTP_TIMEOUTS_MS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 } as const;

/** SMTP when configured; otherwise each mail is written as an .eml file under the data directory. */
export function createMailTransport(options: {
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
}): MailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(withSmtpTimeouts(options.smtpUrl));
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
      const eml = [
        `From: ${options.from}`,
        `To: ${mail.to}`,
        `Subject: ${mail.subject}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        mail.text,
      ].join('\r\n');
      // Named by the mail's id: a retry after a crash rewrites the same file, and servers sharing a directory never collide.
      await writeFile(path.join(dir, `${mail.id}.eml`), eml, { mode: 0o600 });
    },
  };
}

function withSmtpTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [name, ms] of Object.entries(SMTP_TIMEOUTS_MS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  }
  return url.toString();
}

/** A transport that keeps what it sends in memory (tests); `intercept` runs first and may throw to fail a send. */
export type RecordingMailTransport = MailTransport & {
  readonly sent: OutboundMail[];
  intercept: ((mail: OutboundMail) => Promise<void>) | undefined;
};

export function createRecordingMailTransport(): RecordingMailTransport {
  const transport: RecordingMailTransport = {
    describe: 'memory',
    sent: [],
    intercept: undefined,
    async send(mail) {
      if (transport.intercept) await transport.intercept(mail);
      transport.sent.push(mail);
    },
  };
  return transport;
}
