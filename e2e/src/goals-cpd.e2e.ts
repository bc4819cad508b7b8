import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ApiClient } from './api-client.js';
import { publishReadingProgramme } from './api-setup.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();
const { shot, logIn, acting, photographFailure } = browserSteps('goals-cpd');

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

/** Types into a searchable select and picks the option it offers (options live in a portal). */
async function pickSkill(page: Page, name: string) {
  const input = page.getByRole('dialog').getByRole('textbox', { name: 'Add a skill' });
  await input.fill(name.slice(0, 8));
  await page.getByRole('option', { name, exact: true }).click();
}

describe('goals, plans and the CPD record in Chromium', () => {
  it(
    'a new learner sets a goal, enrols from the cheapest plan, completes a step, sees plan and CPD update, logs a reflection and downloads an audit pack that verifies',
    { timeout: 300_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const owner: Person = { name: 'Gwen Provider', email: `gwen-${stamp}@example.org` };
      const learner: Person = { name: 'Nia Learner', email: `nia-${stamp}@example.org` };
      const orgSlug = `goal-school-${stamp}`;

      // Set-up through the API: a provider with three programmes over two skills.
      const ownerApi = new ApiClient(session.server.url);
      await ownerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...owner, password: PASSWORD });
      await ownerApi.expect(201, 'POST', '/api/v1/orgs', { name: 'Goal School', slug: orgSlug, roles: ['provider'] });
      const skillNamed = async (name: string) => {
        const found = await ownerApi.expect<{ items: { id: string; name: string }[] }>(
          200,
          'GET',
          `/api/v1/skills?q=${encodeURIComponent(name)}&limit=5`,
        );
        return found.items.find((s) => s.name === name)!.id;
      };
      const sql = await skillNamed('SQL querying');
      const cleaning = await skillNamed('Data cleaning');
      await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'sql-starter',
        title: 'SQL Starter',
        skillIds: [sql],
        cpdHours: 6,
      });
      await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'cleaning-data',
        title: 'Cleaning Data',
        skillIds: [cleaning],
        cost: { amountMinor: 2000, currency: 'GBP' },
      });
      await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'data-bootcamp',
        title: 'Data Bootcamp',
        skillIds: [sql, cleaning],
        cost: { amountMinor: 30000, currency: 'GBP' },
      });
      const learnerApi = new ApiClient(session.server.url);
      await learnerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...learner, password: PASSWORD });
      await confirmEmail(session.server, learnerApi, learner.email);

      const context = await newContext(session.browser, session.server.url);
      try {
        const page = await logIn(context, learner);
        acting(page);

        // 1. A goal of two skills; the cheapest plan is the two small programmes, not the bootcamp.
        await page.goto('/me/goals');
        const main = page.getByRole('main');
        await main.getByRole('button', { name: 'Set a goal' }).first().click();
        await pickSkill(page, 'SQL querying');
        await pickSkill(page, 'Data cleaning');
        await shot(page, 'new-goal');
        await page.getByRole('dialog').getByRole('button', { name: 'Set goal' }).click();
        await page.waitForURL(/\/me\/goals\/[0-9a-f-]{36}$/);
        const goalUrl = page.url();
        await visible(main.getByRole('heading', { name: 'Plan: 2 steps' }));
        const steps = main.getByRole('table', { name: 'Plan: 2 steps' });
        await visible(steps.getByRole('link', { name: 'SQL Starter' }));
        await visible(steps.getByRole('link', { name: 'Cleaning Data' }));
        expect(await steps.getByText('Data Bootcamp').count()).toBe(0);
        await visible(main.getByText(/Total: £20\.00/));
        await shot(page, 'plan');

        // 2. Enrol in the free step from the plan and complete it.
        await steps.getByRole('button', { name: 'Enrol in SQL Starter' }).click();
        await page.waitForURL(/\/learn\//);
        await page.getByRole('button', { name: 'Mark as done' }).click();
        await visible(
          page
            .getByRole('main')
            .getByText(/credential/i)
            .first(),
          30_000,
        );

        // 3. The plan re-computes: one skill held, one step left.
        await page.goto(goalUrl);
        await visible(main.getByRole('heading', { name: 'Skills: 1 of 2 held' }));
        await visible(main.getByRole('heading', { name: 'Plan: 1 step' }));
        await shot(page, 'plan-after');

        // 4. The CPD record has the credential (added by the event consumer) and a logged reflection.
        await page.goto('/me/cpd');
        await expect
          .poll(
            async () => {
              await page.reload();
              return main.getByRole('link', { name: 'SQL Starter' }).count();
            },
            { timeout: 60_000, interval: 2_000 },
          )
          .toBe(1);
        await main.getByRole('button', { name: 'Log an activity' }).click();
        const dialog = page.getByRole('dialog');
        await dialog
          .getByRole('textbox', { name: 'Activity', exact: true })
          .fill('Read the PostgreSQL docs on window functions');
        await dialog.getByRole('textbox', { name: 'Hours' }).fill('2');
        await dialog
          .getByRole('textbox', { name: 'What I learned' })
          .fill('How running totals work with window frames');
        await dialog
          .getByRole('textbox', { name: 'How I will apply it' })
          .fill('Rewrite the weekly report query without self-joins');
        await shot(page, 'log-activity');
        await dialog.getByRole('button', { name: 'Log activity' }).click();
        await visible(main.getByText('Read the PostgreSQL docs on window functions'));
        await visible(main.getByText(/Learned: How running totals work/));
        await shot(page, 'cpd');

        // 5. The audit pack: CSV with both entries, and a credential in it that verifies.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          main.getByRole('link', { name: 'Download audit pack' }).click(),
        ]);
        const files = await unzip(await readFile(await download.path()));
        const csv = files.get('entries.csv')!.toString('utf8');
        expect(csv.split('\r\n')[0]).toContain('"learned","application"');
        expect(csv).toContain('"SQL Starter"');
        expect(csv).toContain('"How running totals work with window frames"');
        expect(files.get('summary.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
        const credentialFile = [...files.keys()].find((k) => /^credentials\/.+\.json$/.test(k))!;
        const verifiableCredential = JSON.parse(files.get(credentialFile)!.toString('utf8'));
        expect(verifiableCredential.credentialSubject.cpdHours).toBe(6);
        const result = await learnerApi.expect<{ verified: boolean }>(200, 'POST', '/credentials/verify', {
          verifiableCredential,
        });
        expect(result.verified).toBe(true);
      } catch (error) {
        await photographFailure();
        throw error;
      } finally {
        await context.close();
      }
    },
  );
});
