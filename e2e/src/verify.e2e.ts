import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { browserSteps } from './browser-steps.js';
import { artifactsDir, newContext, useServerAndBrowser } from './harness.js';

const session = useServerAndBrowser();

const { newPage, checkAccessibility } = browserSteps('verify');

/** Issues a credential through the VC-API as a new provider and returns its id and baked badge. */
async function issueBadge(api: ApiClient, options: object = {}) {
  const stamp = Date.now().toString(36);
  await api.expect(201, 'POST', '/api/v1/auth/signup', {
    email: `issuer-${stamp}@example.org`,
    password: 'a-long-e2e-passphrase',
    name: 'Iris Issuer',
  });
  const org = await api.expect(201, 'POST', '/api/v1/orgs', {
    name: 'Harbour Skills Academy',
    slug: `harbour-${stamp}`,
    roles: ['provider'],
  });
  const { token } = await api.expect(201, 'POST', `/api/v1/orgs/${org.slug}/api-keys`, { name: 'e2e' });
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: `${session.server.url}/achievements/forklift-safety`,
        type: ['Achievement'],
        name: 'Forklift Safety Essentials',
        description: 'Operates a counterbalance forklift safely in a warehouse.',
        criteria: { narrative: 'Passed the practical and the quiz.' },
        achievementType: 'MicroCredential',
      },
    },
  };
  const issued = await api.expect(
    201,
    'POST',
    '/credentials/issue',
    { credential, options: { recipientEmail: 'lena@example.org', ...options } },
    { authorization: `Bearer ${token}` },
  );
  const vc = issued.verifiableCredential as { id: string };
  const badge = await fetch(`${vc.id}/badge.png`);
  expect(badge.headers.get('content-type')).toBe('image/png');
  return { vc, org, png: Buffer.from(await badge.arrayBuffer()) };
}

describe('verify page in Chromium', () => {
  it('a verifier uploads a baked PNG and sees every check pass; after revocation the page says it is revoked', async () => {
    const api = new ApiClient(session.server.url);
    const { vc, png } = await issueBadge(api);
    const file = path.join(artifactsDir, 'forklift-badge.png');
    await writeFile(file, png);

    const context = await newContext(session.browser, session.server.url);
    const page = await newPage(context);
    try {
      await page.goto('/verify');
      await page.getByLabel('Credential file').setInputFiles(file);
      await expect
        .poll(() => page.getByRole('heading', { name: 'Valid credential' }).count(), { timeout: 20_000 })
        .toBe(1);
      const result = page.getByLabel('Verification result');
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('Forklift Safety Essentials');
      expect(text).toContain('Harbour Skills Academy');
      expect(text).toMatch(/revoked/i);
      await page.screenshot({ path: path.join(artifactsDir, 'verify-valid.png'), fullPage: true });
      await checkAccessibility(page, 'valid');

      await api.expect(200, 'POST', `/api/v1/credentials/${encodeURIComponent(vc.id)}/revoke`, {
        reason: 'Issued to the wrong person',
      });
      await page.reload();
      await page.getByLabel('Credential file').setInputFiles(file);
      await expect.poll(() => page.getByRole('heading', { name: 'Not valid' }).count(), { timeout: 20_000 }).toBe(1);
      expect((await page.getByLabel('Verification result').textContent()) ?? '').toMatch(/revoked/i);
      await page.screenshot({ path: path.join(artifactsDir, 'verify-revoked.png'), fullPage: true });
      await checkAccessibility(page, 'revoked');
    } catch (error) {
      await page.screenshot({ path: path.join(artifactsDir, 'verify-failure.png'), fullPage: true }).catch(() => {});
      throw new Error(`${(error as Error).message}\n--- server output ---\n${session.server.output().slice(-3000)}`, {
        cause: error,
      });
    } finally {
      await context.close();
    }
  });
});
