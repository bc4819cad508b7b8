import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { publishReadingProgramme } from './api-setup.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { artifactsDir, newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();

const { shot, logIn, acting, photographFailure } = browserSteps('learning');

/** Picks an option of an open Mantine combobox (rendered in a portal, outside main). */
async function pickOption(page: Page, name: string | RegExp) {
  await page.getByRole('option', { name }).click();
}

/**
 * Chooses a segment of a Mantine SegmentedControl with the keyboard: its radio inputs are
 * visually hidden under their labels, so a pointer click would land on the label.
 */
async function chooseSegment(page: Page, scope: Locator, name: string) {
  const radio = scope.getByRole('radio', { name, exact: true });
  await radio.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => radio.isChecked()).toBe(true);
}

/** A published programme the learner's skill filter must leave out (setup, not the subject). */
async function publishDecoy(owner: ApiClient, orgSlug: string) {
  const sql = await owner.expect<{ items: { id: string; name: string }[] }>(
    200,
    'GET',
    '/api/v1/skills?q=SQL%20querying&limit=5',
  );
  const skill = sql.items.find((s) => s.name === 'SQL querying');
  if (!skill) throw new Error('the starter framework has no "SQL querying" skill');
  await publishReadingProgramme(owner, orgSlug, {
    slug: 'sql-for-analysts',
    title: 'SQL for Analysts',
    summary: 'Query a warehouse with joins and aggregates.',
    description: 'Hands-on SQL.',
    outcomes: ['Write a query that joins three tables'],
    skillIds: [skill.id],
    effortHours: 6,
    durationWeeks: 2,
    cpdHours: 6,
  });
}

describe('catalogue and learning flow in Chromium', () => {
  it(
    'an author publishes a two-module micro-credential; a learner finds it by skill, passes the quiz, submits the assignment; an assessor approves; the credential verifies',
    { timeout: 300_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const owner: Person = { name: 'Olive Owner', email: `olive-${stamp}@example.org` };
      const assessor: Person = { name: 'Asha Assessor', email: `asha-${stamp}@example.org` };
      const learner: Person = { name: 'Lena Learner', email: `lena-${stamp}@example.org` };
      const orgName = 'Harbour Data School';
      const orgSlug = `harbour-data-${stamp}`;
      const title = 'Telling Stories with Data';
      const moduleQuiz = 'Reading a chart';
      const moduleAssignment = 'Your data story';
      const correctAnswer = 'A line chart';
      const evidence =
        'I compared monthly sales with a line chart and led with the one number that mattered: returns doubled in March.';
      const feedback = 'Clear narrative and a well-chosen chart. Well done.';

      // 1. Setup through the API: the provider, its assessor (invited, accepted) and the learner.
      const ownerApi = new ApiClient(session.server.url);
      await ownerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...owner, password: PASSWORD });
      await ownerApi.expect(201, 'POST', '/api/v1/orgs', { name: orgName, slug: orgSlug, roles: ['provider'] });
      const invitation = await ownerApi.expect<{ acceptUrl: string }>(
        201,
        'POST',
        `/api/v1/orgs/${orgSlug}/invitations`,
        { email: assessor.email, role: 'assessor' },
      );
      const token = new URL(invitation.acceptUrl).pathname.split('/').pop()!;
      const assessorApi = new ApiClient(session.server.url);
      await assessorApi.expect(201, 'POST', '/api/v1/auth/signup', { ...assessor, password: PASSWORD });
      await assessorApi.expect(200, 'POST', `/api/v1/invitations/${token}/accept`, {});
      const learnerApi = new ApiClient(session.server.url);
      await learnerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...learner, password: PASSWORD });
      // Credentials join an account only once its email is confirmed.
      await confirmEmail(session.server, learnerApi, learner.email);
      await publishDecoy(ownerApi, orgSlug);

      const contexts: BrowserContext[] = [];
      const open = async () => {
        const context = await newContext(session.browser, session.server.url);
        contexts.push(context);
        return context;
      };
      try {
        // 2. The author writes and publishes the micro-credential in the editor.
        const author = await logIn(await open(), owner);
        await author.waitForURL(`**/o/${orgSlug}`);
        await author.getByRole('navigation').getByRole('link', { name: 'Programmes' }).click();
        await author.waitForURL(`**/o/${orgSlug}/programmes`);
        await author.getByRole('main').getByRole('button', { name: 'New micro-credential' }).click();
        const newDialog = author.getByRole('dialog', { name: 'New micro-credential' });
        await newDialog.getByLabel('Title').fill(title);
        await expect
          .poll(() => newDialog.getByLabel('Address in the catalogue').inputValue())
          .toBe('telling-stories-with-data');
        await newDialog.getByRole('button', { name: 'Create draft' }).click();
        await author.waitForURL(/\/programmes\/[0-9a-f-]{36}$/);

        const editor = author.getByRole('main');
        await visible(editor.getByRole('heading', { level: 1, name: title }));
        await editor.getByLabel('Summary').fill('Turn an analysis into a short story that leads to a decision.');
        await editor
          .getByLabel('Description', { exact: true })
          .fill('## What you do\n\nRead a chart critically, then write a **one-page data story**.');
        await editor
          .getByLabel('Learning outcomes')
          .fill('Choose a chart that fits the question\nWrite a data story that leads to a decision');
        const skills = editor.getByRole('textbox', { name: 'Skills' });
        await skills.fill('data story');
        const skillOption = author.getByRole('option', { name: /^Data storytelling/ });
        await skillOption.click();
        const skillName = 'Data storytelling';
        await author.keyboard.press('Escape');
        await visible(editor.getByText(skillName, { exact: true }));
        await editor.getByRole('textbox', { name: 'Level (EQF)' }).click();
        await pickOption(author, 'Level 4');
        await editor.getByRole('textbox', { name: 'Format' }).click();
        await pickOption(author, 'Self-paced online');
        await editor.getByRole('textbox', { name: 'Language' }).fill('en');
        await author.keyboard.press('Escape');
        await editor.getByLabel('Effort (hours)').fill('4');
        await editor.getByLabel('Duration (weeks)').fill('2');
        await editor.getByLabel('CPD hours').fill('4');
        await editor
          .getByLabel('Criteria', { exact: true })
          .fill('Pass the chart quiz and have your data story approved by an assessor.');
        await editor.getByLabel('Pass mark (%)').fill('70');
        await editor.getByRole('button', { name: 'Save draft' }).first().click();
        await visible(editor.getByRole('button', { name: 'Saved' }));
        await shot(author, 'editor-details');

        await editor.getByRole('tab', { name: /^Modules/ }).click();

        // Module 1: a single-choice quiz whose second option is the right one.
        await editor.getByRole('button', { name: 'Add a module' }).click();
        let dialog = author.getByRole('dialog', { name: 'New module' });
        await dialog.getByLabel('Title').fill(moduleQuiz);
        await dialog.getByLabel('Minutes').fill('20');
        await dialog
          .getByLabel('Content', { exact: true })
          .fill('A line chart shows change over time; a bar chart compares categories.');
        await chooseSegment(author, dialog, 'Quiz');
        await dialog.getByLabel('Pass mark (%)').fill('100');
        const question = dialog.getByRole('group', { name: 'Question 1' });
        await question
          .getByLabel('Question', { exact: true })
          .fill('Which chart shows monthly sales over a year best?');
        await question.getByLabel('Option 1', { exact: true }).fill('A pie chart');
        await question.getByLabel('Option 2', { exact: true }).fill(correctAnswer);
        await question.getByRole('radio', { name: 'Option 2 is correct' }).check();
        await question.getByLabel('Feedback when right').fill('Yes: time runs along the x axis.');
        await shot(author, 'module-quiz');
        await dialog.getByRole('button', { name: 'Add module' }).click();
        await dialog.waitFor({ state: 'detached' });
        const modules = editor.getByRole('list', { name: 'Modules' });
        await visible(modules.getByText(/^Quiz · 1 questions?$/));

        // Module 2: an assignment with a two-criterion rubric and text evidence.
        await editor.getByRole('button', { name: 'Add a module' }).click();
        dialog = author.getByRole('dialog', { name: 'New module' });
        await dialog.getByLabel('Title').fill(moduleAssignment);
        await dialog.getByLabel('Minutes').fill('60');
        await dialog
          .getByLabel('Content', { exact: true })
          .fill('Pick a data set you know and tell its story in one page.');
        await chooseSegment(author, dialog, 'Assignment');
        await dialog
          .getByLabel('Instructions', { exact: true })
          .fill('Write one page: the question, the chart you chose and why, and the decision it leads to.');
        const criterion1 = dialog.getByRole('group', { name: 'Criterion 1' });
        await criterion1.getByLabel('Criterion', { exact: true }).fill('Narrative');
        await criterion1.getByRole('button', { name: 'Add a level' }).click();
        await criterion1.getByLabel('Criterion 1, level 3 name').fill('Excellent');
        await criterion1.getByLabel('Criterion 1, level 3 points').fill('3');
        await dialog.getByRole('button', { name: 'Add a criterion' }).click();
        const criterion2 = dialog.getByRole('group', { name: 'Criterion 2' });
        await criterion2.getByLabel('Criterion', { exact: true }).fill('Chart choice');
        await criterion2.getByLabel('Criterion 2, level 1 name').fill('Not yet');
        await criterion2.getByLabel('Criterion 2, level 2 name').fill('Fits the question');
        await criterion2.getByLabel('Criterion 2, level 2 points').fill('2');
        const evidenceKinds = dialog.getByRole('group', { name: 'Evidence accepted' });
        await evidenceKinds.getByRole('checkbox', { name: 'Link' }).uncheck();
        await expect.poll(() => evidenceKinds.getByRole('checkbox', { name: 'Text' }).isChecked()).toBe(true);
        await shot(author, 'module-assignment');
        await dialog.getByRole('button', { name: 'Add module' }).click();
        await dialog.waitFor({ state: 'detached' });
        await visible(modules.getByText('Assignment · 2 criteria'));

        await editor.getByRole('button', { name: 'Publish' }).click();
        await visible(editor.getByRole('button', { name: 'Create new draft' }));
        await visible(editor.getByText('Published versions are frozen'));
        await visible(editor.getByText('Editing version 1 (published)'));
        await shot(author, 'published');

        // 3. The learner finds it through the skill filter, enrols and learns.
        const learnerContext = await open();
        const student = await logIn(learnerContext, learner);
        await student.goto('/catalog');
        const catalog = student.getByRole('main');
        const results = catalog.getByRole('list', { name: 'Programmes' });
        await visible(results.getByRole('link', { name: 'SQL for Analysts' }));
        await visible(catalog.getByRole('status').getByText('2 programmes'));
        const filters = catalog.getByRole('complementary', { name: 'Search filters' });
        // The facet is controlled by the URL: its box turns checked once the router has navigated,
        // a moment after the click, so wait for that rather than use check()'s immediate assertion.
        const skillFacet = filters.getByRole('checkbox', { name: `${skillName} 1 programme`, exact: true });
        await skillFacet.click();
        await expect.poll(() => skillFacet.isChecked()).toBe(true);
        await visible(catalog.getByRole('status').getByText('1 programme', { exact: true }));
        await expect.poll(() => results.getByRole('link', { name: 'SQL for Analysts' }).count()).toBe(0);
        expect(new URL(student.url()).searchParams.get('skill')).toMatch(/^[0-9a-f-]{36}$/);
        await shot(student, 'catalog-filtered');
        await results.getByRole('link', { name: title }).click();
        await student.waitForURL(`**/catalog/${orgSlug}/telling-stories-with-data`);
        const programme = student.getByRole('main');
        await visible(programme.getByRole('heading', { level: 1, name: title }));
        await visible(programme.getByRole('region', { name: 'Skills' }).getByText(skillName));
        await programme.getByRole('button', { name: 'Enrol for free' }).click();
        await student.waitForURL(/\/learn\/[0-9a-f-]{36}/);
        const learn = student.getByRole('main');
        await visible(learn.getByRole('heading', { level: 2, name: moduleQuiz }));

        const quiz = learn.getByRole('region', { name: 'Quiz' });
        await quiz.getByRole('radio', { name: correctAnswer }).check();
        await quiz.getByRole('button', { name: 'Submit answers' }).click();
        await visible(quiz.getByRole('status').getByText('Passed with 100%'));
        await visible(quiz.getByText('Yes: time runs along the x axis.'));
        await shot(student, 'quiz-passed');

        await learn
          .getByRole('navigation', { name: 'Modules' })
          .getByRole('button', { name: new RegExp(moduleAssignment) })
          .click();
        await visible(learn.getByRole('heading', { level: 2, name: moduleAssignment }));
        const assignment = learn.getByRole('region', { name: 'Assignment' });
        await assignment.getByLabel('Your answer').fill(evidence);
        await assignment.getByRole('button', { name: 'Submit for review' }).click();
        await visible(assignment.getByText('Waiting for review', { exact: true }).first());
        await visible(assignment.getByText('An assessor will review your submission.'));
        await visible(
          learn.getByRole('navigation', { name: 'Modules' }).getByText('Waiting for review', { exact: false }),
        );
        const learnUrl = student.url();
        await shot(student, 'waiting-for-review');

        // 4. The assessor scores the evidence against the rubric and approves it.
        const reviewer = await logIn(await open(), assessor);
        await reviewer.waitForURL(`**/o/${orgSlug}`);
        await reviewer
          .getByRole('navigation')
          .getByRole('link', { name: /^Reviews/ })
          .click();
        await reviewer.waitForURL(`**/o/${orgSlug}/reviews`);
        const queue = reviewer.getByRole('main');
        const row = queue.getByRole('row').filter({ hasText: learner.name });
        await visible(row.getByText(moduleAssignment));
        await row.getByRole('link').click();
        await reviewer.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
        const review = reviewer.getByRole('main');
        await visible(review.getByRole('region', { name: 'Evidence' }).getByText(evidence));
        await review
          .getByRole('radiogroup', { name: 'Narrative' })
          .getByRole('radio', { name: 'Excellent (3 points)' })
          .check();
        await review
          .getByRole('radiogroup', { name: 'Chart choice' })
          .getByRole('radio', { name: 'Fits the question (2 points)' })
          .check();
        await visible(review.getByRole('status').getByText(/^5 of 5 points/));
        await review.getByLabel('Feedback to the learner').fill(feedback);
        await shot(reviewer, 'review');
        await review.getByRole('button', { name: 'Approve' }).click();
        await reviewer.waitForURL(`**/o/${orgSlug}/reviews`);
        await visible(queue.getByText('Nothing to review'));

        // 5. The learner holds the credential; its public page and the verify page say it is valid.
        acting(student);
        await student.goto(learnUrl);
        const done = learn.getByRole('status').filter({ hasText: 'You completed this programme' });
        await visible(done, 20_000);
        await visible(learn.getByText(feedback));
        await shot(student, 'completed');
        await done.getByRole('link', { name: 'See your credential' }).click();
        await student.waitForURL(/\/credentials\/[0-9a-f-]{36}$/);
        const credentialId = new URL(student.url()).pathname.split('/').pop()!;
        const credentialPage = student.getByRole('main');
        await visible(credentialPage.getByRole('heading', { level: 1, name: title }));
        await visible(credentialPage.getByRole('heading', { name: 'Verified' }), 20_000);
        const badgeImage = credentialPage.getByRole('img', { name: `Badge of ${title}` });
        await expect
          .poll(() =>
            badgeImage.evaluate(
              (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
            ),
          )
          .toBe(true);
        await shot(student, 'credential');

        await student.goto('/me/credentials');
        const mine = student.getByRole('main');
        await visible(mine.getByRole('link', { name: title }).first());
        await visible(
          mine.getByRole('article').filter({ hasText: title }).getByText(`Issued by ${orgName}`, { exact: false }),
        );

        // The credential JSON, downloaded through its public page, pasted into /verify.
        await student.goto(`/credentials/${credentialId}`);
        const downloadStarted = student.waitForEvent('download');
        await credentialPage.getByRole('button', { name: 'Download JSON' }).click();
        const download = await downloadStarted;
        const jsonFile = path.join(artifactsDir, 'learning-credential.json');
        await download.saveAs(jsonFile);
        const json = await readFile(jsonFile, 'utf8');
        const vc = JSON.parse(json) as {
          type: string[];
          credentialSubject: { achievement: { name: string; achievementType: string } };
        };
        expect(vc.type).toContain('OpenBadgeCredential');
        expect(vc.credentialSubject.achievement).toMatchObject({ name: title, achievementType: 'MicroCredential' });
        const listed = await learnerApi.expect<{ items: { id: string; achievementName: string; status: string }[] }>(
          200,
          'GET',
          '/api/v1/me/credentials',
        );
        expect(listed.items.map((c) => c.achievementName)).toEqual([title]);

        await student.goto('/verify');
        const verify = student.getByRole('main');
        await verify.getByRole('tab', { name: 'Paste' }).click();
        await verify.getByLabel('Credential', { exact: true }).fill(json);
        await verify.getByRole('button', { name: 'Verify' }).click();
        const result = verify.getByLabel('Verification result');
        await visible(result.getByRole('heading', { name: 'Valid credential' }), 20_000);
        expect((await result.textContent()) ?? '').toContain(title);
        expect((await result.textContent()) ?? '').toContain(orgName);
        await shot(student, 'verify-json');

        // And the baked badge PNG of the same credential, uploaded.
        const badge = await fetch(`${session.server.url}/credentials/${credentialId}/badge.png`);
        expect(badge.headers.get('content-type')).toBe('image/png');
        const pngFile = path.join(artifactsDir, 'learning-badge.png');
        await writeFile(pngFile, Buffer.from(await badge.arrayBuffer()));
        await student.reload();
        await verify.getByLabel('Credential file').setInputFiles(pngFile);
        await visible(result.getByRole('heading', { name: 'Valid credential' }), 20_000);
        expect((await result.textContent()) ?? '').toContain(title);
        await shot(student, 'verify-png');
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
