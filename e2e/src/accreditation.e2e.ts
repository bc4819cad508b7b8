import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { earnReadingProgramme, publishReadingProgramme } from './api-setup.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { artifactsDir, newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();
const { shot, logIn, newPage, acting, photographFailure } = browserSteps('accreditation');

/** Verifies a credential file on the public verify page; the text of its result. */
async function verifyInBrowser(page: Page, file: string) {
  await page.goto('/verify');
  await page.getByLabel('Credential file').setInputFiles(file);
  await expect.poll(() => page.getByRole('heading', { name: 'Valid credential' }).count(), { timeout: 30_000 }).toBe(1);
  return (await page.getByLabel('Verification result').textContent()) ?? '';
}

describe('accreditation in Chromium', () => {
  it(
    'a provider applies with evidence, the accreditor asks for more, the provider answers, the accreditor accredits, the register shows it, the accreditor withdraws',
    { timeout: 300_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const assessor: Person = { name: 'Ada Accreditor', email: `ada-${stamp}@example.org` };
      const owner: Person = { name: 'Pia Provider', email: `pia-${stamp}@example.org` };
      const accreditorSlug = `council-${stamp}`;
      const providerSlug = `academy-${stamp}`;
      const title = 'Spreadsheets at Work';

      // Setup through the API: the accrediting body with its scheme, the provider with a published programme.
      const accreditorApi = new ApiClient(session.server.url);
      await accreditorApi.expect(201, 'POST', '/api/v1/auth/signup', { ...assessor, password: PASSWORD });
      await accreditorApi.expect(201, 'POST', '/api/v1/orgs', {
        name: 'Test Council',
        slug: accreditorSlug,
        roles: ['accreditor'],
      });
      await accreditorApi.expect(201, 'POST', `/api/v1/orgs/${accreditorSlug}/accreditation/schemes`, {
        slug: 'digital-skills',
        name: 'Digital Skills Quality',
        criteriaMarkdown: 'Every outcome is assessed.',
        checklist: ['Outcomes are assessed'],
        evidenceItems: ['Assessment policy'],
        validityMonths: 24,
        scope: {
          fields: ['Information and Communication Technologies'],
          eqfLevels: [4, 5],
          jurisdictions: [],
          credentialTypes: [],
        },
      });
      const providerApi = new ApiClient(session.server.url);
      await providerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...owner, password: PASSWORD });
      await providerApi.expect(201, 'POST', '/api/v1/orgs', {
        name: 'Test Academy',
        slug: providerSlug,
        roles: ['provider'],
      });
      const skills = await providerApi.expect<{ items: { id: string }[] }>(200, 'GET', '/api/v1/skills?q=data&limit=1');
      await publishReadingProgramme(providerApi, providerSlug, {
        slug: 'spreadsheets-at-work',
        title,
        skillIds: skills.items.map((s) => s.id),
        level: 4,
        // The scheme covers only this field: a programme that declares none could not apply.
        fieldOfStudy: 'Information and Communication Technologies',
      });

      const contexts: BrowserContext[] = [];
      try {
        // The provider applies with evidence.
        const providerContext = await newContext(session.browser, session.server.url);
        contexts.push(providerContext);
        const provider = await logIn(providerContext, owner);
        await provider.goto(`/o/${providerSlug}/accreditation`);
        const pmain = provider.getByRole('main');
        await visible(pmain.getByRole('heading', { level: 1, name: 'Accreditation' }));
        await pmain.getByRole('button', { name: 'Apply' }).click();
        const apply = provider.getByRole('dialog');
        await apply.getByRole('textbox', { name: 'Scheme' }).click();
        await provider.getByRole('option', { name: /Digital Skills Quality/ }).click();
        // The pills wrapper sits over the input and takes the click: aim at the input itself.
        await apply.getByRole('textbox', { name: 'Programmes' }).click({ force: true });
        await provider.getByRole('option', { name: title }).click();
        await apply
          .getByRole('textbox', { name: 'Statement' })
          .fill('Every outcome is assessed by a graded assignment.');
        await shot(provider, 'apply');
        await apply.getByRole('button', { name: 'Send application' }).click();
        await provider.waitForURL(`**/o/${providerSlug}/accreditation/applications/**`);
        const applicationPath = new URL(provider.url()).pathname.replace(`/o/${providerSlug}/`, '');
        await visible(pmain.getByText('Submitted', { exact: true }));
        await pmain
          .locator('input[type=file]')
          .setInputFiles({ name: 'policy.txt', mimeType: 'text/plain', buffer: Buffer.from('Our assessment policy.') });
        await pmain.getByRole('button', { name: 'Upload' }).click();
        await visible(pmain.getByRole('link', { name: 'policy.txt' }));
        await shot(provider, 'applied');

        // The accreditor asks for more information.
        const accreditorContext = await newContext(session.browser, session.server.url);
        contexts.push(accreditorContext);
        const accreditor = await logIn(accreditorContext, assessor);
        acting(accreditor);
        await accreditor.goto(`/o/${accreditorSlug}/accreditation`);
        const amain = accreditor.getByRole('main');
        // First it edits its scheme's fee note (the application under review is unaffected).
        await amain.getByRole('tab', { name: 'Schemes' }).click();
        await amain.getByRole('button', { name: 'Edit Digital Skills Quality' }).click();
        const schemeDialog = accreditor.getByRole('dialog', { name: 'Edit Digital Skills Quality' });
        await schemeDialog.getByRole('textbox', { name: 'Fee note' }).fill('EUR 950 per programme');
        await shot(accreditor, 'edit-scheme');
        await schemeDialog.getByRole('button', { name: 'Save changes' }).click();
        await schemeDialog.waitFor({ state: 'hidden' });
        const edited = await accreditorApi.expect<{ feeNote: string }>(
          200,
          'GET',
          `/api/v1/accreditation/${accreditorSlug}/schemes/digital-skills`,
        );
        expect(edited.feeNote).toBe('EUR 950 per programme');
        await amain.getByRole('tab', { name: 'Applications received' }).click();
        await amain.getByRole('link', { name: 'Test Academy' }).click();
        await accreditor.waitForURL(`**/o/${accreditorSlug}/${applicationPath}`);
        await visible(amain.getByRole('link', { name: 'policy.txt' }));
        await amain
          .getByRole('textbox', { name: 'Ask for more information' })
          .fill('Please send your moderation records.');
        await amain.getByRole('button', { name: 'Request information' }).click();
        await visible(amain.getByText('Information requested', { exact: true }).first());
        await shot(accreditor, 'information-requested');

        // The provider answers.
        acting(provider);
        await provider.reload();
        await visible(pmain.getByText('Please send your moderation records.'));
        await pmain
          .getByRole('textbox', { name: 'Your answer' })
          .fill('Moderation records are in the policy, section 4.');
        await pmain.getByRole('button', { name: 'Send answer' }).click();
        await visible(pmain.getByText('Answered, waiting for review'));

        // The accreditor accredits.
        acting(accreditor);
        await accreditor.reload();
        await visible(amain.getByText('Moderation records are in the policy, section 4.'));
        await amain.getByRole('textbox', { name: 'Outcome for Outcomes are assessed' }).click();
        await accreditor.getByRole('option', { name: 'Met', exact: true }).click();
        const decision = amain.getByRole('form', { name: 'Decision' });
        await decision.getByRole('textbox', { name: 'Decision' }).click();
        await accreditor.getByRole('option', { name: 'Accredit' }).click();
        await decision.getByRole('textbox', { name: 'Reasons' }).fill('All criteria are met.');
        await decision.getByRole('button', { name: 'Record decision' }).click();
        await visible(amain.getByRole('link', { name: 'Signed credential' }), 60_000);
        await shot(accreditor, 'accredited');

        // The public register shows it.
        const visitorContext = await newContext(session.browser, session.server.url);
        contexts.push(visitorContext);
        const visitor = await newPage(visitorContext);
        acting(visitor);
        await visitor.goto(`/registers/${accreditorSlug}`);
        const register = visitor.getByRole('table', { name: 'Register of Test Council' });
        await visible(register);
        const row = register.getByRole('row', { name: new RegExp(title) });
        await visible(row.getByText('Accredited', { exact: true }));
        await visible(row.getByText(/^ACC-/));
        await shot(visitor, 'register');

        // A learner completes the accredited programme; the verify page reports the accreditation.
        const learner: Person = { name: 'Lea Learner', email: `lea-${stamp}@example.org` };
        const learnerApi = new ApiClient(session.server.url);
        await learnerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...learner, password: PASSWORD });
        await confirmEmail(session.server, learnerApi, learner.email);
        const credentialRowId = await earnReadingProgramme(learnerApi, providerSlug, 'spreadsheets-at-work');
        const response = await fetch(`${session.server.url}/credentials/${credentialRowId}`, {
          headers: { accept: 'application/vc+ld+json' },
        });
        const file = path.join(artifactsDir, `accredited-credential-${stamp}.json`);
        await writeFile(file, await response.text());
        const inForce = await verifyInBrowser(visitor, file);
        expect(inForce).toContain('Accredited by Test Council — in force at issue and now');
        await shot(visitor, 'verify-accredited');

        // The provider's public page links the programme.
        await visitor.goto(`/providers/${providerSlug}`);
        await visible(visitor.getByRole('heading', { level: 1, name: 'Test Academy' }));
        await visible(visitor.getByRole('link', { name: title }));
        await visitor.goto(`/registers/${accreditorSlug}`);

        // The accreditor withdraws.
        acting(accreditor);
        await accreditor.goto(`/o/${accreditorSlug}/accreditation`);
        await amain.getByRole('tab', { name: 'Granted' }).click();
        await amain.getByRole('button', { name: `Change the status of ${title}` }).click();
        await accreditor.getByRole('menuitem', { name: 'Withdraw' }).click();
        const confirm = accreditor.getByRole('dialog');
        await confirm.getByRole('textbox', { name: 'Reason' }).fill('Moderation stopped.');
        await shot(accreditor, 'withdraw');
        await confirm.getByRole('button', { name: 'Withdraw' }).click();
        await visible(amain.getByText('Withdrawn', { exact: true }));

        acting(visitor);
        await visitor.reload();
        await visible(register.getByRole('row', { name: new RegExp(title) }).getByText('Withdrawn', { exact: true }));
        await shot(visitor, 'register-withdrawn');

        // The credential stays valid; the accreditation was in force at issue and is withdrawn now.
        const withdrawn = await verifyInBrowser(visitor, file);
        expect(withdrawn).toMatch(/Accredited by Test Council — in force at issue; withdrawn on \d{1,2} \w+ \d{4}/);
        expect(withdrawn).toContain('Valid credential');
        await shot(visitor, 'verify-withdrawn');
      } catch (error) {
        await photographFailure();
        throw error;
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );
});
