import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { earnReadingProgramme, publishReadingProgramme } from './api-setup.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();
const { shot, logIn, photographFailure } = browserSteps('employers');

async function starterSkill(api: ApiClient, name: string) {
  const found = await api.expect<{ items: { id: string; name: string }[] }>(
    200,
    'GET',
    `/api/v1/skills?q=${encodeURIComponent(name)}&limit=10`,
  );
  const skill = found.items.find((s) => s.name === name);
  if (!skill) throw new Error(`the starter framework has no "${name}" skill`);
  return skill;
}

/** The heat map cell of one person and one skill (the column's index in the header row). */
async function cell(page: Page, person: string, skill: string) {
  const table = page.getByRole('main').getByRole('table', { name: /^Gaps:/ });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((h) => h.startsWith(skill));
  if (column < 0) throw new Error(`no column ${skill} in ${headers.join(' | ')}`);
  return table
    .getByRole('row', { name: new RegExp(person) })
    .locator('th, td')
    .nth(column);
}

describe('employers in Chromium', () => {
  it(
    'an employer defines a role; an invited employee shares; the heat map shows a verified skill and a gap; a sponsored assignment closes it; withdrawing consent hides everything',
    { timeout: 400_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const provider: Person = { name: 'Nia Provider', email: `nia-${stamp}@example.org` };
      const employer: Person = { name: 'Elena Employer', email: `elena-${stamp}@example.org` };
      const employee: Person = { name: 'Emil Employee', email: `emil-${stamp}@example.org` };
      const providerSlug = `northwind-${stamp}`;
      const employerSlug = `harbor-${stamp}`;

      // Setup through the API: a provider with a free and a paid programme, each teaching one skill;
      // the employer's organisation; an employee who earned the free programme's credential.
      const providerApi = new ApiClient(session.server.url);
      await providerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...provider, password: PASSWORD });
      await providerApi.expect(201, 'POST', '/api/v1/orgs', {
        name: 'Northwind',
        slug: providerSlug,
        roles: ['provider'],
      });
      const reading = await starterSkill(providerApi, 'Data visualisation');
      const sql = await starterSkill(providerApi, 'SQL querying');
      await publishReadingProgramme(providerApi, providerSlug, {
        slug: 'charts',
        title: 'Charts that Work',
        skillIds: [reading.id],
      });
      const paid = await publishReadingProgramme(providerApi, providerSlug, {
        slug: 'sql-basics',
        title: 'SQL Basics',
        skillIds: [sql.id],
        cost: { amountMinor: 9900, currency: 'EUR' },
      });
      const employerApi = new ApiClient(session.server.url);
      await employerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...employer, password: PASSWORD });
      await employerApi.expect(201, 'POST', '/api/v1/orgs', {
        name: 'Harbor',
        slug: employerSlug,
        roles: ['employer'],
      });
      const employeeApi = new ApiClient(session.server.url);
      await employeeApi.expect(201, 'POST', '/api/v1/auth/signup', { ...employee, password: PASSWORD });
      await confirmEmail(session.server, employeeApi, employee.email);
      await earnReadingProgramme(employeeApi, providerSlug, 'charts');

      const contexts: BrowserContext[] = [];
      const open = async () => {
        const context = await newContext(session.browser, session.server.url);
        contexts.push(context);
        return context;
      };
      try {
        // 1. The employer defines the role (CSV import in the Roles page), then invites the employee.
        const boss = await logIn(await open(), employer);
        await boss.goto(`/o/${employerSlug}`);
        await boss.getByRole('navigation').getByRole('link', { name: 'Roles and gaps' }).click();
        await boss.waitForURL(`**/o/${employerSlug}/roles`);
        const main = boss.getByRole('main');
        await visible(main.getByText('No roles yet'));
        await main.getByRole('button', { name: 'Import CSV' }).click();
        const importDialog = boss.getByRole('dialog', { name: 'Import roles from CSV' });
        await importDialog
          .getByRole('textbox', { name: 'CSV' })
          .fill(`role,skill,level,essential\nData analyst,${reading.id},3,yes\nData analyst,${sql.id},2,yes\n`);
        await importDialog.getByRole('button', { name: 'Import' }).click();
        const role = main.getByRole('table', { name: 'Roles' }).getByRole('link', { name: 'Data analyst' });
        await visible(role);
        await shot(boss, 'roles');
        const invitation = await employerApi.expect<{ acceptUrl: string }>(
          201,
          'POST',
          `/api/v1/orgs/${employerSlug}/invitations`,
          { email: employee.email, role: 'viewer' },
        );
        await employeeApi.expect(
          200,
          'POST',
          `/api/v1/invitations/${new URL(invitation.acceptUrl).pathname.split('/').pop()}/accept`,
          {},
        );

        // Before consent the employee is nowhere in the report.
        await role.click();
        await visible(main.getByText('Nobody to show'));

        // 2. The employee shares all their credentials from the Sharing page.
        const emil = await logIn(await open(), employee);
        await emil.goto('/me/sharing');
        const card = emil.getByRole('main').getByRole('region', { name: 'Harbor' });
        await visible(card.getByText('Not shared'));
        await card.getByRole('button', { name: 'Share all my credentials' }).click();
        await visible(card.getByText('All credentials'));
        await shot(emil, 'shared');

        // 3. The heat map: the verified skill is met (EQF 4 → level 3), the other is missing.
        await boss.reload();
        await visible(main.getByRole('table', { name: /^Gaps:/ }), 60_000);
        await visible((await cell(boss, employee.name, 'Data visualisation')).getByText(/Met · verified 3/));
        await visible((await cell(boss, employee.name, 'SQL querying')).getByText('Missing'));
        await shot(boss, 'heat-map');

        // 4. A seat budget, then the recommended programme assigned on a sponsored seat.
        const cheapest = main.getByRole('region', { name: 'Cheapest' });
        await visible(cheapest.getByText('SQL Basics'));
        await cheapest.getByRole('button', { name: 'Sponsored seats on SQL Basics' }).click();
        const seatsDialog = boss.getByRole('dialog', { name: 'Sponsored seats: SQL Basics' });
        await seatsDialog.getByRole('textbox', { name: 'Seats' }).fill('1');
        await seatsDialog.getByRole('button', { name: 'Save seats' }).click();
        await expect.poll(() => seatsDialog.isVisible()).toBe(false);
        await cheapest.getByRole('button', { name: 'Assign' }).click();
        const assign = boss.getByRole('dialog', { name: 'Assign SQL Basics' });
        await assign.getByLabel('People').click();
        await boss.getByRole('option', { name: employee.name }).click();
        await assign.getByRole('button', { name: 'Assign' }).click();
        await expect.poll(() => assign.isVisible()).toBe(false);

        // 5. The employee enrols in the paid programme without a code, and completes it.
        await earnReadingProgramme(employeeApi, providerSlug, paid.slug);

        // 6. The dashboard: one assignment completed, the role's gap closed.
        await boss.goto(`/o/${employerSlug}/workforce`);
        await visible(main.getByRole('heading', { level: 1, name: 'Team dashboard' }));
        await expect.poll(() => main.getByTestId('count-completed').innerText(), { timeout: 60_000 }).toBe('1');
        const closed = main.getByRole('region', { name: 'Gap closed per role' });
        await closed.getByText('Show as a table').click();
        await visible(closed.getByRole('row', { name: /Data analyst.*100%/ }));
        await shot(boss, 'dashboard');

        // 7. The employee stops sharing: the employer sees nothing of theirs.
        await emil.goto('/me/sharing');
        await card.getByRole('button', { name: 'Stop sharing' }).click();
        await visible(card.getByText('Not shared'));
        await boss.goto(`/o/${employerSlug}/roles`);
        await main.getByRole('link', { name: 'Data analyst' }).click();
        await visible(main.getByText('Nobody to show'));
        await shot(boss, 'withdrawn');
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
