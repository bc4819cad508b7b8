import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { earnReadingProgramme, publishReadingProgramme } from './api-setup.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();

const { shot, logIn, acting, photographFailure } = browserSteps('community');

describe('research and community flow in Chromium', () => {
  it(
    'a learner compares two programmes, posts in the cohort discussion and sees a peer’s reply; a holder’s review shows once the provider approves it',
    { timeout: 300_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const owner: Person = { name: 'Nadia Provider', email: `nadia-${stamp}@example.org` };
      const learner: Person = { name: 'Lena Learner', email: `lena-${stamp}@example.org` };
      const peer: Person = { name: 'Pablo Peer', email: `pablo-${stamp}@example.org` };
      const orgSlug = `tidewater-${stamp}`;
      const cohortTitle = 'Sprint Practice';
      const selfPacedTitle = 'Reading Freight Data';
      const threadTitle = 'Who else runs stand-ups?';
      const reply = 'I do, every morning at nine. Ten minutes, standing up.';
      const reviewTitle = 'Short and practical';

      // 1. Setup through the API: a provider with a cohort programme (one cohort open) and a
      //    self-paced one; two learners in the cohort; the first also holds the self-paced credential.
      const ownerApi = new ApiClient(session.server.url);
      await ownerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...owner, password: PASSWORD });
      await ownerApi.expect(201, 'POST', '/api/v1/orgs', {
        name: 'Tidewater Learning',
        slug: orgSlug,
        roles: ['provider'],
      });
      const skills = await ownerApi.expect<{ items: { id: string }[] }>(200, 'GET', '/api/v1/skills?q=data&limit=2');
      const skillIds = skills.items.map((s) => s.id).slice(0, 1);
      const cohortProgramme = await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'sprint-practice',
        title: cohortTitle,
        skillIds,
        format: 'cohort',
        effortHours: 10,
      });
      const selfPaced = await publishReadingProgramme(ownerApi, orgSlug, {
        slug: 'reading-freight-data',
        title: selfPacedTitle,
        skillIds,
      });
      const today = new Date();
      const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
      await ownerApi.expect(201, 'POST', `/api/v1/orgs/${orgSlug}/microcredentials/${cohortProgramme.id}/cohorts`, {
        name: 'Spring cohort',
        startsOn: day(-1),
        endsOn: day(30),
        capacity: 10,
        facilitatorId: null,
      });
      const learnerApi = new ApiClient(session.server.url);
      await learnerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...learner, password: PASSWORD });
      await confirmEmail(session.server, learnerApi, learner.email);
      const peerApi = new ApiClient(session.server.url);
      await peerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...peer, password: PASSWORD });
      await confirmEmail(session.server, peerApi, peer.email);
      for (const api of [learnerApi, peerApi])
        await api.expect(201, 'POST', `/api/v1/catalog/${orgSlug}/${cohortProgramme.slug}/enrol`, {});
      await earnReadingProgramme(learnerApi, orgSlug, selfPaced.slug);

      const contexts: BrowserContext[] = [];
      const open = async () => {
        const context = await newContext(session.browser, session.server.url);
        contexts.push(context);
        return context;
      };
      try {
        // 2. The learner ticks "Compare" on both programmes and opens the comparison from the tray.
        const page = await logIn(await open(), learner);
        await page.goto(`/catalog?provider=${orgSlug}`);
        const results = page.getByRole('list', { name: 'Programmes' });
        await visible(results.getByRole('link', { name: cohortTitle }));
        await results.getByRole('checkbox', { name: `Compare ${cohortTitle}` }).check();
        await results.getByRole('checkbox', { name: `Compare ${selfPacedTitle}` }).check();
        const tray = page.getByRole('region', { name: 'Programmes to compare' });
        await tray.getByRole('link', { name: 'Compare 2' }).click();
        await page.waitForURL('**/compare?ids=*');
        const table = page.getByRole('table');
        await visible(table.getByRole('columnheader', { name: new RegExp(cohortTitle) }));
        await visible(table.getByRole('columnheader', { name: new RegExp(selfPacedTitle) }));
        await visible(table.getByRole('rowheader', { name: 'Format' }));
        await visible(table.getByRole('cell', { name: 'Cohort', exact: true }));
        await shot(page, 'compare');

        // 3. The learner opens their cohort's discussion and starts a thread.
        await page.goto('/community');
        await page.getByRole('link', { name: `${cohortTitle}: Spring cohort` }).click();
        await page.waitForURL(/\/community\/[0-9a-f-]{36}$/);
        const newThread = page.getByRole('form', { name: 'Start a thread' });
        await newThread.getByLabel('Title').fill(threadTitle);
        await newThread.getByLabel('Message').fill(`Mine take too long. @${peer.name} how do you keep yours short?`);
        await newThread.getByRole('button', { name: 'Start the thread' }).click();
        await page.waitForURL(/\/community\/threads\/[0-9a-f-]{36}$/);
        await visible(page.getByRole('heading', { level: 1, name: threadTitle }));
        const threadUrl = page.url();
        await shot(page, 'thread-started');

        // 4. The peer, in a second browser, finds the thread and replies.
        const peerPage = await logIn(await open(), peer);
        acting(peerPage);
        await peerPage.goto('/community');
        await peerPage.getByRole('link', { name: `${cohortTitle}: Spring cohort` }).click();
        await peerPage.getByRole('link', { name: threadTitle }).click();
        await peerPage.getByRole('form', { name: 'Reply' }).getByLabel('Your reply').fill(reply);
        await peerPage.getByRole('button', { name: 'Reply', exact: true }).click();
        await visible(peerPage.getByRole('article', { name: `${peer.name} replied` }));

        // 5. The learner sees the reply.
        acting(page);
        await page.goto(threadUrl);
        await visible(page.getByRole('article', { name: `${peer.name} replied` }).getByText(reply));

        // 6. As a credential holder, the learner reviews the self-paced programme: it waits for approval.
        await page.goto(`/catalog/${orgSlug}/${selfPaced.slug}`);
        const reviewForm = page.getByRole('form', { name: 'Your review' });
        const star = reviewForm.getByRole('radio', { name: '4 out of 5' });
        await star.focus();
        await page.keyboard.press('Space');
        await reviewForm.getByLabel('Title').fill(reviewTitle);
        await reviewForm
          .getByRole('textbox', { name: 'Your review' })
          .fill('One evening of reading and I could question our port’s weekly figures.');
        await reviewForm.getByRole('button', { name: 'Publish your review' }).click();
        await visible(page.getByText('Waiting for approval'));
        await expect(page.getByRole('list', { name: 'Reviews' }).count()).resolves.toBe(0);
        await shot(page, 'review-pending');

        // 7. The provider approves it on their Cohorts and reviews page.
        const ownerPage = await logIn(await open(), owner);
        acting(ownerPage);
        await ownerPage.goto(`/o/${orgSlug}/community`);
        const toModerate = ownerPage.getByRole('article', { name: `Review of ${selfPacedTitle}: ${reviewTitle}` });
        await toModerate.getByRole('button', { name: 'Approve' }).click();
        await visible(ownerPage.getByText('Nothing waiting'));
        await shot(ownerPage, 'review-approved');

        // 8. Anyone now sees the review and the average on the programme page.
        acting(page);
        await page.reload();
        const published = page
          .getByRole('list', { name: 'Reviews' })
          .getByRole('article', { name: `Review: ${reviewTitle}` });
        await visible(published);
        await visible(page.getByText('4.0 out of 5 from 1 review'));
        await shot(page, 'review-published');
      } catch (error) {
        await photographFailure();
        throw error;
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );
});
