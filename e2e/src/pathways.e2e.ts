import {
  buildEmailIdentity,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  type JsonObject,
} from '@cairn/credentials';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { earnReadingProgramme, publishReadingProgramme } from './api-setup.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { artifactsDir, newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();

const { shot, logIn, photographFailure } = browserSteps('pathways');

/** An Open Badges 3.0 credential signed elsewhere: a fresh did:key issuer, hashed email recipient. */
async function signedElsewhere({ email, achievementId, name }: { email: string; achievementId: string; name: string }) {
  const key = generateEd25519Multikey();
  const did = didKeyFromPublicKey(key.publicKeyMultibase);
  const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...key });
  const issuedAt = new Date(Date.now() - 60 * 60_000);
  issuedAt.setMilliseconds(0);
  const credential: JsonObject = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: did, type: ['Profile'], name: 'Elsewhere Badges' },
    validFrom: issuedAt.toISOString().replace('.000Z', 'Z'),
    name,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [buildEmailIdentity(email, 'elsewhere-salt')],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        name,
        description: 'Builds and checks spreadsheet models.',
        criteria: { narrative: 'Passed the modelling exam.' },
      },
    },
  };
  const signed = await signCredential({
    credential,
    signer,
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader: createDocumentLoader(),
    now: issuedAt,
  });
  return { did, signed };
}

describe('pathways in Chromium', () => {
  it(
    'a provider builds a pathway of three micro-credentials (one an n-of-2 among three, one from a second provider); a learner earns them, one imported from a JSON file signed elsewhere; the pathway is awarded and its CLR verifies',
    { timeout: 300_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const owner: Person = { name: 'Sol Stone', email: `sol-${stamp}@example.org` };
      const otherOwner: Person = { name: 'Rhea River', email: `rhea-${stamp}@example.org` };
      const learner: Person = { name: 'Lior Learner', email: `lior-${stamp}@example.org` };
      const orgName = 'Stone Academy';
      const orgSlug = `stone-${stamp}`;
      const otherOrgName = 'River College';
      const otherOrgSlug = `river-${stamp}`;
      const pathwayName = 'Data Practitioner Certificate';
      const external = {
        name: 'Spreadsheet Modelling',
        achievementId: 'https://badges.elsewhere.example/achievements/spreadsheet-modelling',
      };

      // 1. Setup through the API: two providers with published programmes, and a learner.
      const ownerApi = new ApiClient(session.server.url);
      await ownerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...owner, password: PASSWORD });
      await ownerApi.expect(201, 'POST', '/api/v1/orgs', { name: orgName, slug: orgSlug, roles: ['provider'] });
      const otherApi = new ApiClient(session.server.url);
      await otherApi.expect(201, 'POST', '/api/v1/auth/signup', { ...otherOwner, password: PASSWORD });
      await otherApi.expect(201, 'POST', '/api/v1/orgs', {
        name: otherOrgName,
        slug: otherOrgSlug,
        roles: ['provider'],
      });
      const learnerApi = new ApiClient(session.server.url);
      await learnerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...learner, password: PASSWORD });
      // Credentials join an account, and the wallet accepts imports, only once its email is confirmed.
      await confirmEmail(session.server, learnerApi, learner.email);
      const skills = await ownerApi.expect<{ items: { id: string }[] }>(200, 'GET', '/api/v1/skills?q=data&limit=1');
      const skillId = skills.items[0]!.id;
      const foundations = await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'data-foundations',
        title: 'Data Foundations',
        skillIds: [skillId],
      });
      const charts = await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'charts-that-work',
        title: 'Charts that Work',
        skillIds: [skillId],
      });
      await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'cloud-cost-basics',
        title: 'Cloud Cost Basics',
        skillIds: [skillId],
      });
      const insight = await publishReadingProgramme(otherApi, otherOrgSlug, {
        slug: 'customer-insight',
        title: 'Customer Insight',
        skillIds: [skillId],
      });
      const { did: externalDid, signed: externalCredential } = await signedElsewhere({
        email: learner.email,
        ...external,
      });

      const contexts: BrowserContext[] = [];
      const open = async () => {
        const context = await newContext(session.browser, session.server.url);
        contexts.push(context);
        return context;
      };
      try {
        // 2. The provider builds the pathway in the editor: All of [Data Foundations, River College's
        //    Customer Insight, At least 2 of [Charts that Work, Cloud Cost Basics, Spreadsheet Modelling from elsewhere]].
        const author = await logIn(await open(), owner);
        await author.waitForURL(`**/o/${orgSlug}`);
        await author.getByRole('navigation', { name: 'Main' }).locator(`a[href="/o/${orgSlug}/pathways"]`).click();
        await author.waitForURL(`**/o/${orgSlug}/pathways`);
        const main = author.getByRole('main');
        await visible(main.getByText('No pathways yet'));
        await main.getByRole('button', { name: 'New pathway' }).click();
        const newDialog = author.getByRole('dialog', { name: 'New pathway' });
        await newDialog.getByLabel('Name').fill(pathwayName);
        await expect.poll(() => newDialog.getByLabel('Address').inputValue()).toBe('data-practitioner-certificate');
        await newDialog.getByRole('button', { name: 'Start building' }).click();
        await author.waitForURL(/\/pathways\/new\?/);
        await visible(main.getByRole('heading', { level: 1, name: pathwayName }));

        const top = main.getByRole('listitem', { name: 'Top level: All of' });
        const add = async (group: Locator, kind: RegExp) => {
          // The last menu may still be fading out: open the next one once it is gone.
          await expect.poll(() => author.getByRole('menu').count()).toBe(0);
          await group
            .getByRole('button', { name: /^Add a requirement to / })
            .last()
            .click();
          // The click event goes to the item itself: a menu that opens below the fold moves while a
          // pointer click scrolls to it, and the pointer can land on what is underneath.
          const item = author.getByRole('menu').getByRole('menuitem', { name: kind });
          await visible(item);
          await item.dispatchEvent('click');
        };
        const chooseProgramme = async (search: string, option: RegExp) => {
          const leaf = main.getByRole('listitem', { name: 'Micro-credential (not chosen yet)' });
          const picker = leaf.getByRole('textbox', { name: 'Micro-credential' });
          // The new requirement's picker has the focus, ready to type into.
          await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
          await picker.fill(search);
          await author.getByRole('option', { name: option }).click();
          await visible(main.getByRole('listitem', { name: search }));
        };

        await add(top, /^Micro-credential/);
        await chooseProgramme('Data Foundations', new RegExp(`^Data Foundations\\s*${orgName}$`));
        await add(top, /^Micro-credential/);
        await chooseProgramme('Customer Insight', new RegExp(`^Customer Insight\\s*${otherOrgName}$`));
        await add(top, /^Group: at least N of/);
        await main
          .getByRole('listitem', { name: 'At least 1 of 0' })
          .getByLabel('Group title (optional)')
          .fill('Electives');
        const electives = main.getByRole('listitem', { name: /^At least \d+ of \d+: Electives$/ });
        await add(electives, /^Micro-credential/);
        await chooseProgramme('Charts that Work', new RegExp(`^Charts that Work\\s*${orgName}$`));
        await add(electives, /^Micro-credential/);
        await chooseProgramme('Cloud Cost Basics', new RegExp(`^Cloud Cost Basics\\s*${orgName}$`));
        await add(electives, /^External achievement/);
        await electives
          .getByRole('listitem', { name: 'External achievement (not described yet)' })
          .getByLabel('Display name')
          .fill(external.name);
        const externalLeaf = electives.getByRole('listitem', { name: external.name });
        await externalLeaf.getByLabel('Achievement id').fill(external.achievementId);
        await externalLeaf.getByLabel('Accepted issuer DIDs').fill(externalDid);
        await author.keyboard.press('Enter');
        await visible(externalLeaf.getByText(externalDid));
        await electives.getByLabel('How many are needed').fill('2');
        await visible(main.getByRole('listitem', { name: 'At least 2 of 3: Electives' }));

        // The server's checks pass, and the preview draws the map learners will see.
        const checks = main.getByRole('region', { name: 'Checks' });
        await visible(checks.getByText('Every requirement checks out: it can be saved and published.'));
        const preview = main.getByRole('region', { name: 'Preview' });
        const previewElectives = preview.getByRole('listitem', { name: '2 of 3: Electives' });
        await visible(previewElectives.getByText('Spreadsheet Modelling'));
        await visible(preview.getByText(otherOrgName));
        await shot(author, 'editor-built');

        // A requirement that cannot be met is refused next to it, before anything is saved.
        await electives.getByLabel('How many are needed').fill('4');
        await visible(electives.getByText(/Asks for 4 of 3 requirements/).first());
        await visible(checks.getByText('1 problem to fix'));
        await shot(author, 'editor-problem');
        await electives.getByLabel('How many are needed').fill('2');
        await visible(checks.getByText('Every requirement checks out: it can be saved and published.'));

        await main.getByRole('button', { name: 'Publish' }).click();
        const publishDialog = author.getByRole('dialog', { name: 'Publish version 1?' });
        await visible(publishDialog.getByText(/Learners already on an earlier version keep theirs/));
        await publishDialog.getByRole('button', { name: 'Publish' }).click();
        await author.waitForURL(/\/pathways\/[0-9a-f-]{36}$/);
        await visible(main.getByText('Version 1 published', { exact: true }));
        await visible(main.getByRole('list', { name: 'Versions' }).getByText('Published', { exact: true }));
        await visible(main.getByRole('button', { name: 'Saved' }));
        const pathwayId = new URL(author.url()).pathname.split('/').pop()!;
        await shot(author, 'editor-published');

        const saved = await ownerApi.expect<{ versions: { status: string; tree: JsonObject }[] }>(
          200,
          'GET',
          `/api/v1/orgs/${orgSlug}/pathways/${pathwayId}`,
        );
        expect(saved.versions.map((v) => v.status)).toEqual(['published']);
        expect(saved.versions[0]!.tree).toMatchObject({
          type: 'all',
          children: [
            { type: 'achievement', ref: { kind: 'microcredential', microcredentialId: foundations.id } },
            { type: 'achievement', ref: { kind: 'microcredential', microcredentialId: insight.id } },
            {
              type: 'atLeast',
              n: 2,
              title: 'Electives',
              children: [
                { type: 'achievement', ref: { kind: 'microcredential', microcredentialId: charts.id } },
                { type: 'achievement', ref: { kind: 'microcredential' } },
                {
                  type: 'achievement',
                  ref: {
                    kind: 'external',
                    achievementId: external.achievementId,
                    issuerDids: [externalDid],
                    name: external.name,
                  },
                },
              ],
            },
          ],
        });

        // 3. The learner earns three programmes on Cairn (through the learning API) and joins.
        await earnReadingProgramme(learnerApi, orgSlug, foundations.slug);
        await earnReadingProgramme(learnerApi, otherOrgSlug, insight.slug);
        await earnReadingProgramme(learnerApi, orgSlug, charts.slug);

        const student = await logIn(await open(), learner);
        await student.goto(`/pathways/${pathwayId}`);
        const page = student.getByRole('main');
        await visible(page.getByRole('heading', { level: 1, name: pathwayName }));
        await visible(page.getByRole('listitem', { name: '2 of 3: Electives' }).getByText(external.name));
        await page.getByRole('button', { name: 'Join this pathway' }).click();
        await student.waitForURL(`**/me/pathways/${pathwayId}`);
        const left = page.getByRole('region', { name: 'What is left' });
        await visible(left.getByText(external.name, { exact: false }));
        await shot(student, 'learner-before-wallet');

        // 4. The fourth credential comes from elsewhere: a JSON file uploaded to the wallet.
        const externalFile = path.join(artifactsDir, 'pathways-external-credential.json');
        await writeFile(externalFile, JSON.stringify(externalCredential, null, 2));
        await student.goto('/me/wallet');
        await page.getByLabel('Credential file').setInputFiles(externalFile);
        const added = page.getByRole('status').filter({ hasText: `${external.name} is in your wallet` });
        await visible(added, 20_000);
        await visible(added.getByText(`It completed ${pathwayName}: the pathway credential has been awarded.`));
        await shot(student, 'wallet-added');

        // 5. The pathway is awarded; its CLR downloads from the credential page and verifies.
        await student.goto('/me/pathways');
        const card = page.getByRole('article').filter({ hasText: pathwayName });
        await visible(card.getByText('Awarded', { exact: true }));
        await card.getByRole('link', { name: 'See the record' }).click();
        await student.waitForURL(`**/me/pathways/${pathwayId}`);
        await visible(page.getByText('Your pathway credential and its CLR record of every credential in the stack.'));
        await shot(student, 'awarded');
        await page.getByRole('link', { name: 'CLR record' }).click();
        await student.waitForURL(/\/credentials\/[0-9a-f-]{36}$/);
        await visible(page.getByRole('heading', { name: 'Verified' }), 20_000);
        const downloadStarted = student.waitForEvent('download');
        await page.getByRole('button', { name: 'Download JSON' }).click();
        const clrFile = path.join(artifactsDir, 'pathways-clr.json');
        await (await downloadStarted).saveAs(clrFile);
        type Embedded = { issuer: string | { id: string }; credentialSubject: { achievement: { name: string } } };
        const clr = JSON.parse(await readFile(clrFile, 'utf8')) as {
          type: string[];
          credentialSubject: { verifiableCredential: Embedded[] };
        };
        expect(clr.type).toContain('ClrCredential');
        // The pathway credential and the four it stacks on, the one from elsewhere as it was signed.
        const embedded = clr.credentialSubject.verifiableCredential;
        expect(embedded.map((vc) => vc.credentialSubject.achievement.name).sort()).toEqual(
          [pathwayName, 'Data Foundations', 'Customer Insight', 'Charts that Work', external.name].sort(),
        );
        expect(embedded.find((vc) => vc.credentialSubject.achievement.name === external.name)).toEqual(
          externalCredential,
        );

        await student.goto('/verify');
        await page.getByLabel('Credential file').setInputFiles(clrFile);
        const result = page.getByLabel('Verification result');
        await visible(result.getByRole('heading', { name: 'Valid credential' }), 20_000);
        expect((await result.textContent()) ?? '').toContain(orgName);
        await shot(student, 'verify-clr');
      } catch (error) {
        await photographFailure();
        throw new Error(`${(error as Error).message}\n--- server output ---\n${session.server.output().slice(-3000)}`, {
          cause: error,
        });
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );
});
