import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiClient } from './api-client.js';
import type { RunningServer } from './harness.js';

/**
 * Mails the test server sent to `to`, read from the .eml files its file transport writes under
 * DATA_DIR/outbox (no SMTP in the browser tests).
 */
async function mailsTo(server: RunningServer, to: string): Promise<string[]> {
  const dir = path.join(server.dataDir, 'outbox');
  const names = await readdir(dir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names.filter((n) => n.endsWith('.eml')).map((n) => readFile(path.join(dir, n), 'utf8')),
  );
  return mails.filter((m) => m.split('\r\n').some((line) => line.toLowerCase() === `to: ${to.toLowerCase()}`));
}

/**
 * Confirms a person's email the way they would: takes the link from the sign-up mail and sends
 * its token. Waits for the mail job (any server may run it) up to a generous bound, not a fixed delay.
 */
export async function confirmEmail(server: RunningServer, api: ApiClient, email: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const token = (await mailsTo(server, email))
      .map((m) => /\/verify-email\?token=([\w-]+)/.exec(m)?.[1])
      .find((t) => t !== undefined);
    if (token) {
      await api.expect(200, 'POST', '/api/v1/auth/verify-email', { token });
      return;
    }
    if (Date.now() > deadline)
      throw new Error(`no confirmation mail to ${email} in ${path.join(server.dataDir, 'outbox')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
