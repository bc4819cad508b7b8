import { readFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { publishReadingProgramme } from './api-setup.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';

const session = useServerAndBrowser();
const { shot, logIn, photographFailure } = browserSteps('bulk-issuance');

describe('bulk issuance in Chromium', () => {
  it(
    'a provider uploads a CSV with one bad row, checks it, watches the progress bar reach the end and downloads the errors',
    { timeout: 300_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const owner: Person = { name: 'Bea Bulk', email: `bea-${stamp}@example.org` };
      const orgSlug = `bulk-school-${stamp}`;
      const title = 'Spreadsheet Basics';

      // Setup through the API: the provider and a published micro-credential (not the subject).
      const api = new ApiClient(session.server.url);
      await api.expect(201, 'POST', '/api/v1/auth/signup', { ...owner, password: PASSWORD });
      await api.expect(201, 'POST', '/api/v1/orgs', { name: 'Bulk School', slug: orgSlug, roles: ['provider'] });
      const skills = await api.expect<{ items: { id: string }[] }>(200, 'GET', '/api/v1/skills?q=data&limit=1');
      await publishReadingProgramme(api, orgSlug, {
        slug: 'spreadsheet-basics',
        title,
        summary: 'Formulas and charts.',
        description: 'Hands-on.',
        outcomes: ['Write a formula'],
        skillIds: skills.items.map((s) => s.id),
        level: 3,
      });
      const rows = [
        'email,name,external_id,score',
        ...Array.from({ length: 12 }, (_, i) => `learner${i}-${stamp}@example.org,Learner ${i},s-${i},${60 + i}`),
        `not-an-address,Broken Row,s-bad,70`,
      ];
      const csv = `${rows.join('\n')}\n`;

      const contexts: BrowserContext[] = [];
      try {
        const context = await newContext(session.browser, session.server.url);
        contexts.push(context);
        const page = await logIn(context, owner);
        await page.waitForURL(`**/o/${orgSlug}`);
        await page.getByRole('navigation').getByRole('link', { name: 'Issue in bulk' }).click();
        await page.waitForURL(`**/o/${orgSlug}/issue/bulk`);
        const main = page.getByRole('main');
        await visible(main.getByRole('heading', { level: 1, name: 'Issue in bulk' }));
        await visible(main.getByText('No bulk issuance yet.'));
        await shot(page, 'empty');

        await main.getByRole('textbox', { name: 'Micro-credential' }).click();
        await page.getByRole('option', { name: title }).click();
        await visible(main.getByRole('link', { name: /template CSV/ }));
        await main
          .locator('input[type=file]')
          .setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await main.getByRole('button', { name: 'Check the file' }).click();
        const problems = main.getByRole('table', { name: 'Rows with problems' });
        await visible(problems);
        await visible(problems.getByRole('cell', { name: '14', exact: true }));
        await visible(main.getByText(/12 ready/));
        await shot(page, 'preview');

        await main.getByRole('button', { name: 'Issue 12 credentials' }).click();
        const progress = main.getByRole('progressbar', { name: 'Issuing progress' });
        await visible(progress);
        await expect
          .poll(() => progress.getAttribute('aria-valuenow'), { timeout: 120_000, interval: 500 })
          .toBe('100');
        await visible(main.getByText(/12 issued · 1 failed/), 60_000);
        await visible(main.getByText('succeeded').first(), 60_000);
        await shot(page, 'finished');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          main.getByRole('link', { name: 'Download errors (1)' }).click(),
        ]);
        const text = await readFile(await download.path(), 'utf8');
        expect(text.replace('\uFEFF', '').split('\r\n')[0]).toBe('"line","email","external_id","error"');
        expect(text).toContain('"14","not-an-address","s-bad"');
        await visible(main.getByRole('table', { name: 'Bulk issuance jobs' }).getByText('cohort.csv'));
        await shot(page, 'jobs');
      } catch (error) {
        await photographFailure();
        throw error;
      } finally {
        for (const c of contexts) await c.close();
      }
    },
  );
});
