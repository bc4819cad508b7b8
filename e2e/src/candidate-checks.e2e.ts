import { readFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../server/src/candidate-checks/zip-test-helpers.js';
import { ApiClient } from './api-client.js';
import { browserSteps, visible } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';

// The demo world: Harbor Logistics' owner checks the demo learner's credentials.
const DEMO_PASSWORD = 'e2e-demo-passphrase';
const session = useServerAndBrowser({ CAIRN_SEED: 'true', CAIRN_DEMO_PASSWORD: DEMO_PASSWORD });
const { shot, newPage, photographFailure } = browserSteps('candidate-checks');

const employer = { email: 'employer@demo.cairn.test', password: DEMO_PASSWORD };
const learnerEmail = 'learner@demo.cairn.test';

describe('candidate checks in Chromium', () => {
  it(
    'an employer checks a ZIP (a valid and a tampered credential) and a URL, downloads the report, then invites two people by CSV',
    { timeout: 300_000 },
    async () => {
      // Setup through the API: two of the demo learner's credentials, as a candidate would send them.
      const learner = new ApiClient(session.server.url);
      await learner.expect(200, 'POST', '/api/v1/auth/login', { email: learnerEmail, password: DEMO_PASSWORD });
      const mine = await learner.expect<{
        items: {
          id: string;
          status: string;
          verifiableCredential: { credentialSubject?: { achievement?: { achievementType?: string } } } | string;
        }[];
      }>(200, 'GET', '/api/v1/me/credentials');
      // A micro-credential's: its achievement aligns to skills.
      const badge = mine.items.find(
        (c) =>
          c.status === 'active' &&
          typeof c.verifiableCredential === 'object' &&
          c.verifiableCredential.credentialSubject?.achievement?.achievementType === 'MicroCredential',
      );
      expect(badge, 'the demo learner holds an active Open Badge').toBeDefined();
      const id = badge!.id;
      const response = await fetch(`${session.server.url}/credentials/${id}`, {
        headers: { accept: 'application/vc+ld+json' },
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      // Changed after signing: the credential's (signed) name.
      const tampered = { ...(JSON.parse(text) as Record<string, unknown>), name: 'Chief Rocket Scientist' };
      const zip = buildZip([
        { name: 'candidate/valid.json', data: text },
        { name: 'candidate/tampered.json', data: JSON.stringify(tampered) },
      ]);
      const stamp = Date.now().toString(36);
      const invitees = [`dana-${stamp}@example.org`, `eli-${stamp}@example.org`];

      const contexts: BrowserContext[] = [];
      try {
        const context = await newContext(session.browser, session.server.url);
        contexts.push(context);
        const page = await newPage(context);
        await page.goto('/login');
        const form = page.getByRole('form', { name: 'Log in' });
        await form.getByLabel('Email').fill(employer.email);
        await form.getByRole('textbox', { name: 'Password' }).fill(employer.password);
        await form.getByRole('button', { name: 'Log in' }).click();
        await page.waitForURL((url) => url.pathname !== '/login');
        await page.goto('/o/harbor-logistics');
        await page.getByRole('navigation').getByRole('link', { name: 'Candidate checks' }).click();
        await page.waitForURL('**/o/harbor-logistics/candidate-checks');
        const main = page.getByRole('main');
        await visible(main.getByRole('heading', { level: 1, name: 'Candidate checks' }));
        await visible(main.getByText('No checks yet'));
        await shot(page, 'empty');

        await main
          .locator('input[type=file]')
          .setInputFiles({ name: 'candidate.zip', mimeType: 'application/zip', buffer: zip });
        await main.getByRole('textbox', { name: 'Credential URLs' }).fill(`${session.server.url}/credentials/${id}`);
        await main.getByRole('textbox', { name: /Candidate's email/ }).fill(learnerEmail);
        await main.getByRole('button', { name: /^Check 2 credentials/ }).click();
        const progress = main.getByRole('progressbar', { name: 'Checking progress' });
        await visible(progress);
        await expect
          .poll(() => progress.getAttribute('aria-valuenow'), { timeout: 120_000, interval: 500 })
          .toBe('100');
        await visible(main.getByText('3 of 3 credentials checked'), 60_000);
        const results = main.getByRole('table', { name: 'Results' });
        const valid = results.getByRole('row', { name: /candidate\/valid\.json/ });
        await visible(valid.getByText('Valid', { exact: true }));
        await visible(results.getByRole('row', { name: /candidate\/tampered\.json/ }).getByText('Signature invalid'));
        // Only the valid credential evidences skills; the tampered one names no holder and no skill.
        expect(await valid.getByRole('cell').last().textContent()).not.toBe('—');
        const tamperedRow = results.getByRole('row', { name: /candidate\/tampered\.json/ });
        expect(await tamperedRow.getByRole('cell').last().textContent()).toBe('—');
        expect(await tamperedRow.textContent()).not.toContain(learnerEmail);
        await visible(
          results.getByRole('row', { name: new RegExp(`/credentials/${id}`) }).getByText('Valid', { exact: true }),
        );
        await shot(page, 'results');

        await main.getByRole('textbox', { name: 'Show' }).click();
        await page.getByRole('option', { name: /Signature invalid/ }).click();
        await expect.poll(() => results.getByRole('row').count()).toBe(2);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          main.getByRole('link', { name: 'Download CSV report' }).click(),
        ]);
        const report = await readFile(await download.path(), 'utf8');
        const lines = report.replace('\uFEFF', '').trim().split('\r\n');
        expect(lines[0]).toBe('"file","holder","issuer","achievement","status","skills evidenced","reason"');
        expect(lines).toHaveLength(4);
        expect(report).toContain(`"candidate/valid.json","${learnerEmail}"`);
        expect(report).toContain('"signature invalid"');

        // Bulk invitations: preview first, then one confirmation.
        await page.getByRole('navigation').getByRole('link', { name: 'Members' }).click();
        await page.waitForURL('**/o/harbor-logistics/members');
        const csv = `email,role,name\n${invitees[0]},viewer,Dana\n${invitees[1]},manager,Eli\n`;
        await main
          .getByRole('region', { name: 'Invite many people from a CSV' })
          .locator('input[type=file]')
          .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        const people = main.getByRole('table', { name: 'People in the file' });
        await visible(people);
        for (const email of invitees) await visible(people.getByRole('row', { name: new RegExp(email) }));
        await expect.poll(() => people.getByText('Will be invited').count()).toBe(2);
        await shot(page, 'invite-preview');
        await main.getByRole('button', { name: 'Send 2 invitations' }).click();
        await visible(main.getByText('Invitations sent'));
        const pendingSection = main.getByRole('region', { name: 'Pending invitations' });
        for (const email of invitees) await visible(pendingSection.getByText(email));
        await shot(page, 'invited');
      } catch (error) {
        await photographFailure();
        throw new Error(`${(error as Error).message}\n--- server output ---\n${session.server.output().slice(-3000)}`, {
          cause: error,
        });
      } finally {
        for (const c of contexts) await c.close();
      }
    },
  );
});
