import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { browserSteps, PASSWORD } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';
import { startWebhookReceiver, type TestWebhookReceiver } from './webhook-receiver.js';

const session = useServerAndBrowser();
const { logIn, shot, photographFailure } = browserSteps('webhooks');

let receiver: TestWebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

describe('webhooks in Chromium', () => {
  it('an admin adds a webhook, a credential is issued, the log shows the delivery and the receiver verifies its signature', async () => {
    const stamp = Date.now().toString(36);
    const admin = { name: 'Wen Webhooks', email: `wen-${stamp}@example.org` };
    const api = new ApiClient(session.server.url);
    await api.expect(201, 'POST', '/api/v1/auth/signup', { ...admin, password: PASSWORD });
    const org = await api.expect<{ slug: string; id: string }>(201, 'POST', '/api/v1/orgs', {
      name: `Harbour Hooks ${stamp}`,
      slug: `hooks-${stamp}`,
      roles: ['provider'],
    });
    const { token } = await api.expect<{ token: string }>(201, 'POST', `/api/v1/orgs/${org.slug}/api-keys`, {
      name: 'issuing system',
    });

    const context = await newContext(session.browser, session.server.url);
    try {
      const page = await logIn(context, admin);
      await page.goto(`/o/${org.slug}`);
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.waitForURL(`**/o/${org.slug}/settings/webhooks`);
      await page.getByRole('button', { name: 'Add a webhook' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /Endpoint URL/ }).fill(receiver.url);
      await dialog.getByRole('checkbox', { name: 'credential.issued' }).check();
      await dialog.getByRole('textbox', { name: /Description/ }).fill('e2e receiver');
      await shot(page, 'create');
      await dialog.getByRole('button', { name: 'Add webhook' }).click();

      // The secret, shown once.
      const secret = (await page.getByRole('dialog').locator('[data-copy-value]').textContent())?.trim() ?? '';
      expect(secret).toMatch(/^whsec_/);
      await shot(page, 'secret');
      await page.getByRole('button', { name: 'I have stored it' }).click();
      await page.getByRole('link', { name: receiver.url }).click();
      await page.waitForURL(new RegExp(`/o/${org.slug}/settings/webhooks/[0-9a-f-]{36}$`));
      await page.getByRole('heading', { name: 'No deliveries yet' }).waitFor();

      // A credential is issued by the organisation's system.
      const credential = {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement: {
            id: `${session.server.url}/achievements/dock-safety`,
            type: ['Achievement'],
            name: 'Dock Safety',
            description: 'Works safely on a loading dock.',
            criteria: { narrative: 'Passed the practical.' },
            achievementType: 'MicroCredential',
          },
        },
      };
      const issued = await api.expect<{ verifiableCredential: { id: string } }>(
        201,
        'POST',
        '/credentials/issue',
        { credential, options: { recipientEmail: `dock-${stamp}@example.org` } },
        { authorization: `Bearer ${token}` },
      );

      // The log shows it delivered (it refreshes itself), and the receiver got it, signed.
      const log = page.getByRole('table', { name: 'Delivery log' });
      await expect
        .poll(async () => (await log.count()) > 0 && ((await log.textContent()) ?? ''), { timeout: 60_000 })
        .toMatch(/Delivered.*credential\.issued|credential\.issued.*Delivered/s);
      expect(await log.textContent()).toContain('204');
      await shot(page, 'delivered');
      expect(receiver.received).toHaveLength(1);
      const payload = receiver.verify(receiver.received[0]!, secret);
      expect(payload.type).toBe('credential.issued');
      expect(issued.verifiableCredential.id).toContain(String(payload.data.credentialId));
      expect(payload.data.orgId).toBe(org.id);
      const webhookId = String(receiver.received[0]!.headers['webhook-id']);
      expect(await log.textContent()).toContain(webhookId);

      // A test ping from the page goes the same way.
      await page.getByRole('button', { name: 'Send test' }).click();
      await expect.poll(() => receiver.received.length, { timeout: 60_000 }).toBe(2);
      expect(receiver.verify(receiver.received[1]!, secret).type).toBe('webhook.test');
      await expect.poll(async () => (await log.textContent()) ?? '', { timeout: 30_000 }).toContain('webhook.test');
    } catch (error) {
      await photographFailure();
      throw new Error(`${(error as Error).message}\n--- server output ---\n${session.server.output().slice(-3000)}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  });
});
