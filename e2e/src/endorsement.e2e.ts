import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { browserSteps, visible } from './browser-steps.js';
import { artifactsDir, newContext, useServerAndBrowser } from './harness.js';

// The demo world: Atlas Industry Alliance endorses programmes; Northwind Academy provides them.
const DEMO_PASSWORD = 'e2e-demo-passphrase';
const session = useServerAndBrowser({ CAIRN_SEED: 'true', CAIRN_DEMO_PASSWORD: DEMO_PASSWORD });
const { shot, newPage, photographFailure, acting } = browserSteps('endorsement');

const quiz = {
  type: 'quiz',
  passMark: 50,
  attemptsLimit: 3,
  questions: [
    {
      kind: 'single',
      prompt: 'Which index speeds up a lookup by order number?',
      options: [
        { text: 'An index on the order number', isCorrect: true, feedback: 'Right.' },
        { text: 'An index on the customer’s name', isCorrect: false, feedback: 'That helps other lookups.' },
      ],
    },
  ],
};

async function logIn(page: Page, email: string) {
  await page.goto('/login');
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('Email').fill(email);
  await form.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

async function verifyInBrowser(page: Page, file: string) {
  await page.goto('/verify');
  await page.getByLabel('Credential file').setInputFiles(file);
  await expect.poll(() => page.getByRole('heading', { name: 'Valid credential' }).count(), { timeout: 30_000 }).toBe(1);
  return (await page.getByLabel('Verification result').textContent()) ?? '';
}

describe('industry partner endorsements in Chromium', () => {
  it(
    'a partner endorses a programme; the catalogue filter finds it; a learner’s credential embeds it; the verify page reports it, then its withdrawal while the credential stays valid',
    { timeout: 400_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const title = `Query Tuning ${stamp}`;
      const slug = `query-tuning-${stamp}`;
      // Setup through the API: Northwind Academy publishes a one-quiz programme.
      const provider = new ApiClient(session.server.url);
      await provider.expect(200, 'POST', '/api/v1/auth/login', {
        email: 'provider@demo.cairn.test',
        password: DEMO_PASSWORD,
      });
      const skills = await provider.expect<{ items: { id: string }[] }>(200, 'GET', '/api/v1/skills?q=SQL&limit=1');
      const mc = await provider.expect<{ id: string; current: { id: string } }>(
        201,
        'POST',
        '/api/v1/orgs/northwind-academy/microcredentials',
        {
          slug,
          title,
          summary: 'Make slow queries fast.',
          description: 'Indexes, plans and the habits that keep queries quick.',
          outcomes: ['Read a query plan'],
          skillIds: [skills.items[0]!.id],
          level: 5,
          effortHours: 6,
          durationWeeks: 1,
          cpdHours: 6,
          format: 'self_paced',
          language: 'en',
          criteriaNarrative: 'Pass the quiz.',
          passMark: 50,
          cost: null,
        },
      );
      const base = `/api/v1/orgs/northwind-academy/microcredentials/${mc.id}/versions/${mc.current.id}`;
      await provider.expect(201, 'POST', `${base}/modules`, {
        title: 'Indexes',
        content: 'What an index is for.',
        estimatedMinutes: 20,
        activity: quiz,
      });
      await provider.expect(200, 'POST', `${base}/publish`, {});

      const contexts: BrowserContext[] = [];
      try {
        // The partner endorses it in the browser.
        const partnerContext = await newContext(session.browser, session.server.url);
        contexts.push(partnerContext);
        const partner = await newPage(partnerContext);
        await logIn(partner, 'partner@demo.cairn.test');
        await partner.goto('/o/atlas-industry-alliance');
        await partner.getByRole('navigation').getByRole('link', { name: 'Endorsements' }).click();
        await partner.waitForURL('**/o/atlas-industry-alliance/endorsements');
        const main = partner.getByRole('main');
        await visible(main.getByRole('heading', { level: 1, name: 'Endorsements and co-development' }));
        await main.getByRole('button', { name: 'Endorse a programme' }).click();
        const dialog = partner.getByRole('dialog', { name: 'Endorse a programme' });
        await dialog.getByRole('textbox', { name: 'Programme' }).fill(title);
        await partner.getByRole('option', { name: new RegExp(title) }).click();
        await dialog.getByLabel('Why you endorse it').fill('Exactly the tuning skills our **members** hire for.');
        await dialog.getByRole('button', { name: 'Sign endorsement' }).click();
        await visible(main.getByRole('link', { name: new RegExp(title) }));
        await shot(partner, 'partner-endorsements');

        // Anyone finds it with the catalogue's "Endorsed by" filter.
        const visitorContext = await newContext(session.browser, session.server.url);
        contexts.push(visitorContext);
        const visitor = await newPage(visitorContext);
        // The sidebar's facet checkboxes (the drawer holds a copy for small screens).
        await visitor.goto('/catalog');
        const meridian = visitor.locator('#side-accreditedBy-meridian-accreditation');
        if ((await meridian.count()) > 0) {
          // The accrediting body's demo accreditation (the accreditation flow seeds it).
          await meridian.click();
          await visitor.waitForURL(/accreditedBy=meridian-accreditation/);
          await visible(visitor.locator('main a[href^="/catalog/northwind-academy/"]').first());
          await shot(visitor, 'catalog-accredited-by');
          await visitor.goto('/catalog');
        }
        await visitor.locator('#side-endorsedBy-atlas-industry-alliance').click();
        await visitor.waitForURL(/endorsedBy=atlas-industry-alliance/);
        await visible(visitor.getByRole('link', { name: title }).first());
        await shot(visitor, 'catalog-endorsed-by');
        await visitor.getByRole('link', { name: title }).first().click();
        await visible(visitor.getByRole('link', { name: 'Endorsed by Atlas Industry Alliance' }));
        await shot(visitor, 'programme-recognition');

        // The demo learner completes it (through the API) and opens the credential.
        const learner = new ApiClient(session.server.url);
        await learner.expect(200, 'POST', '/api/v1/auth/login', {
          email: 'learner@demo.cairn.test',
          password: DEMO_PASSWORD,
        });
        const enrolment = await learner.expect<{
          id: string;
          modules: { id: string; activity: { questions: { id: string; options: { id: string }[] }[] } }[];
        }>(201, 'POST', `/api/v1/catalog/northwind-academy/${slug}/enrol`, {});
        const question = enrolment.modules[0]!.activity.questions[0]!;
        await learner.expect(
          201,
          'POST',
          `/api/v1/me/enrolments/${enrolment.id}/modules/${enrolment.modules[0]!.id}/quiz-attempts`,
          { answers: { [question.id]: [question.options[0]!.id] } },
        );
        const done = await learner.expect<{ credentialId: string }>(
          200,
          'GET',
          `/api/v1/me/enrolments/${enrolment.id}`,
        );
        const response = await fetch(`${session.server.url}/credentials/${done.credentialId}`, {
          headers: { accept: 'application/vc+ld+json' },
        });
        const text = await response.text();
        const vc = JSON.parse(text) as {
          credentialSubject: { achievement: { endorsement?: { issuer: { name: string } }[] } };
        };
        expect(vc.credentialSubject.achievement.endorsement?.map((e) => e.issuer.name)).toEqual([
          'Atlas Industry Alliance',
        ]);
        const file = path.join(artifactsDir, `endorsed-credential-${stamp}.json`);
        await writeFile(file, text);

        acting(visitor);
        await visitor.goto(`/credentials/${done.credentialId}`);
        await visible(visitor.getByText('Endorsed by Atlas Industry Alliance at the time of issue'));

        const report = await verifyInBrowser(visitor, file);
        expect(report).toContain('Endorsed by Atlas Industry Alliance — in force at issue and now');
        await shot(visitor, 'verify-in-force');

        // The partner withdraws; the verify page says so while the credential stays valid.
        acting(partner);
        await partner.reload();
        const row = partner.getByRole('row', { name: new RegExp(title) });
        await row.getByRole('button', { name: 'Withdraw' }).click();
        await partner
          .getByRole('dialog', { name: 'Withdraw this endorsement?' })
          .getByRole('button', { name: 'Withdraw' })
          .click();
        await visible(row.getByText(/Withdrawn/));

        acting(visitor);
        const after = await verifyInBrowser(visitor, file);
        expect(after).toMatch(
          /Endorsed by Atlas Industry Alliance — in force at issue; withdrawn on \d{1,2} \w+ \d{4}/,
        );
        expect(after).toContain('Valid credential');
        await shot(visitor, 'verify-withdrawn');
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
