import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSteps } from './browser-steps.js';
import { artifactsDir, newContext, useServerAndBrowser } from './harness.js';

const session = useServerAndBrowser();

const { newPage, checkAccessibility } = browserSteps('foundation');

async function signUp(page: Page, person: { name: string; email: string }) {
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  // Mantine's PasswordInput also has a show/hide button named after the field.
  await page.locator('input[type="password"]').fill('a-long-e2e-passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
}

describe('foundation flow in Chromium', () => {
  it('a new user signs up, creates a provider organisation and invites a colleague, who accepts', async () => {
    const stamp = Date.now().toString(36);
    const founder = await newContext(session.browser, session.server.url);
    const page = await newPage(founder);
    try {
      await page.goto('/signup');
      await signUp(page, { name: 'Ada Founder', email: `ada-${stamp}@example.org` });
      await page.waitForURL('**/welcome');
      await page.getByRole('button', { name: /Create an organisation/ }).click();
      await page.waitForURL('**/orgs/new');
      await page.getByLabel('Organisation name').fill(`Acme Training ${stamp}`);
      await page.getByRole('checkbox', { name: /Training provider/ }).check();
      await page.getByRole('button', { name: 'Create organisation' }).click();
      await page.waitForURL(/\/o\/acme-training-/);
      const slug = new URL(page.url()).pathname.split('/')[2]!;

      await page.getByRole('link', { name: 'Members' }).click();
      await page.waitForURL(`**/o/${slug}/members`);
      const colleagueEmail = `grace-${stamp}@example.org`;
      const inviteForm = page.getByRole('form', { name: 'Invite a member' });
      await inviteForm.getByLabel('Email').fill(colleagueEmail);
      await page.getByRole('button', { name: 'Send invitation', exact: true }).click();
      const link = (await page.locator('[data-copy-value]').first().textContent())?.trim();
      expect(link).toMatch(new RegExp(`^${session.server.url}/invitations/`));
      await expect.poll(() => page.getByText(colleagueEmail).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(artifactsDir, 'foundation-members.png'), fullPage: true });

      // The colleague opens the link in their own session.browser, signs up and accepts.
      const colleague = await newContext(session.browser, session.server.url);
      const other = await newPage(colleague);
      await other.goto(link!);
      await other.getByRole('main').getByRole('link', { name: 'Sign up' }).click();
      await signUp(other, { name: 'Grace Colleague', email: colleagueEmail });
      await other.waitForURL('**/invitations/**').catch(async (error: unknown) => {
        await other.screenshot({ path: path.join(artifactsDir, 'foundation-colleague-failure.png'), fullPage: true });
        throw error;
      });
      await other.getByRole('button', { name: /Accept and join/ }).click();
      await other.waitForURL(`**/o/${slug}`);
      await other.screenshot({ path: path.join(artifactsDir, 'foundation-colleague-home.png'), fullPage: true });
      await checkAccessibility(other, 'colleague home');
      await colleague.close();

      // Back at the founder: the colleague is now a member.
      await page.reload();
      await expect
        .poll(async () => page.getByRole('table').first().textContent(), { timeout: 10_000 })
        .toContain('Grace Colleague');
      await checkAccessibility(page, 'members');
    } catch (error) {
      await page
        .screenshot({ path: path.join(artifactsDir, 'foundation-failure.png'), fullPage: true })
        .catch(() => {});
      throw new Error(`${(error as Error).message}\n--- server output ---\n${session.server.output().slice(-3000)}`, {
        cause: error,
      });
    } finally {
      await founder.close();
    }
  });
});
