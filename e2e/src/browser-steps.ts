import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { createA11yWatch } from './accessibility.js';
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
 *
 * Every page opened through these steps is checked with axe-core each time the flow arrives
 * somewhere (`goto`, `waitForURL`, …) and at each screenshot; a serious or critical WCAG 2.1 AA
 * violation fails the flow (at the next screenshot, or after the test), and `<flow>-a11y.json`
 * in the artifacts lists every audit and every route visited.
 */
export function browserSteps(flow: string) {
  let activePage: Page | null = null;
  const a11y = createA11yWatch(flow);
  afterEach(async () => {
    const report = { ...a11y.coverage(), audits: a11y.audits };
    await writeFile(path.join(artifactsDir, `${flow}-a11y.json`), JSON.stringify(report, null, 2)).catch(() => {});
    a11y.finish();
  });
  const newPage = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage();
    activePage = page;
    a11y.watch(page);
    return page;
  };
  return {
    /** A new page in `context` whose every view is checked for accessibility. */
    newPage,
    /** Photographs the page, then checks it as it is now (dialogs included) for accessibility. */
    shot: async (page: Page, name: string) => {
      await page.screenshot({ path: path.join(artifactsDir, `${flow}-${name}.png`), fullPage: true });
      await a11y.check(page, name);
    },
    /** Checks the page as it is now, and throws every accessibility finding of the flow so far. */
    checkAccessibility: (page: Page, label: string) => a11y.check(page, label),
    /** The page a failure is photographed from. */
    acting: (page: Page) => {
      activePage = page;
    },
    logIn: async (context: BrowserContext, person: Person): Promise<Page> => {
      const page = await newPage(context);
      await page.goto('/login');
      const form = page.getByRole('form', { name: 'Log in' });
      await form.getByLabel('Email').fill(person.email);
      await form.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
      await form.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
      return page;
    },
    photographFailure: async () => {
      await activePage
        ?.screenshot({ path: path.join(artifactsDir, `${flow}-failure.png`), fullPage: true })
        .catch(() => {});
    },
  };
}
