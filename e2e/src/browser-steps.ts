import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { artifactsDir } from './harness.js';

/** Every person a flow signs up uses this password. */
export const PASSWORD = 'a-long-e2e-passphrase';

export type Person = { name: string; email: string };

/** Waits until a locator is visible (Playwright's auto-wait, with a readable failure). */
export async function visible(locator: Locator, timeout = 15_000) {
  await locator.waitFor({ state: 'visible', timeout });
}

/**
 * Steps shared by the browser flows of one test file: screenshots named after the flow, logging
 * in, and a photograph of whoever acted last when the flow fails.
 */
export function browserSteps(flow: string) {
  let activePage: Page | null = null;
  return {
    shot: async (page: Page, name: string) => {
      await page.screenshot({ path: path.join(artifactsDir, `${flow}-${name}.png`), fullPage: true });
    },
    /** The page a failure is photographed from. */
    acting: (page: Page) => {
      activePage = page;
    },
    logIn: async (context: BrowserContext, person: Person): Promise<Page> => {
      const page = await context.newPage();
      activePage = page;
      await page.goto('/login');
      const form = page.getByRole('form', { name: 'Log in' });
      await form.getByLabel('Email').fill(person.email);
      await form.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
      await form.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
      return page;
    },
    photographFailure: async () => {
      await activePage?.screenshot({ path: path.join(artifactsDir, `${flow}-failure.png`), fullPage: true }).catch(() => {});
    },
  };
}
