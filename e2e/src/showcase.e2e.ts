import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeQrCodesInPdf } from '../../server/src/showcase/pdf-qr-test-helpers.js';
import { ApiClient } from './api-client.js';
import { browserSteps, PASSWORD, visible } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();
const { newPage, logIn, shot, acting, photographFailure } = browserSteps('showcase');

/** The JSON Resume schema, checked with the project's JSON-schema validator (ajv 8, as the credentials library uses it). */
function resumeValidator() {
  const fromCredentials = createRequire(new URL('../../credentials/package.json', import.meta.url));
  const Ajv = (
    fromCredentials('ajv') as {
      default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
    }
  ).default;
  const addFormats = (fromCredentials('ajv-formats') as { default: (a: unknown) => void }).default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = createRequire(import.meta.url)('../../server/src/showcase/fixtures/json-resume.schema.json') as object;
  return ajv.compile(schema);
}

describe('showcase in Chromium', () => {
  it('a learner turns on their profile; a visitor sees it verified live; the PDF QR and the JSON Resume check out', async () => {
    const stamp = Date.now().toString(36);
    const provider = new ApiClient(session.server.url);
    await provider.expect(201, 'POST', '/api/v1/auth/signup', {
      email: `provider-${stamp}@example.org`,
      password: PASSWORD,
      name: 'Pat Provider',
    });
    const org = await provider.expect(201, 'POST', '/api/v1/orgs', {
      name: 'Harbour Skills Academy',
      slug: `harbour-${stamp}`,
      roles: ['provider'],
    });
    const { token } = await provider.expect(201, 'POST', `/api/v1/orgs/${org.slug}/api-keys`, { name: 'e2e' });

    const learnerPerson = { name: 'Lena Park', email: `lena-${stamp}@example.org` };
    const learner = new ApiClient(session.server.url);
    await learner.expect(201, 'POST', '/api/v1/auth/signup', { ...learnerPerson, password: PASSWORD });
    await confirmEmail(session.server, learner, learnerPerson.email);

    const titles = ['Forklift Safety Essentials', 'Warehouse Data & Dashboards'];
    const ids: string[] = [];
    for (const [i, title] of titles.entries()) {
      const issued = await provider.expect<{ verifiableCredential: { id: string } }>(
        201,
        'POST',
        '/credentials/issue',
        {
          credential: {
            '@context': [
              'https://www.w3.org/ns/credentials/v2',
              'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
            ],
            type: ['VerifiableCredential', 'OpenBadgeCredential'],
            credentialSubject: {
              type: ['AchievementSubject'],
              achievement: {
                id: `${session.server.url}/achievements/showcase-${i}`,
                type: ['Achievement'],
                name: title,
                description: 'A short programme.',
                criteria: { narrative: 'Passed.' },
                achievementType: 'MicroCredential',
                alignment: [
                  { type: ['Alignment'], targetName: 'Warehouse safety', targetUrl: 'https://example.org/s/1' },
                ],
              },
            },
          },
          options: { recipientEmail: learnerPerson.email },
        },
        { authorization: `Bearer ${token}` },
      );
      ids.push(issued.verifiableCredential.id.split('/').pop()!);
    }

    const handle = `lena-${stamp}`;
    const learnerContext = await newContext(session.browser, session.server.url);
    const visitorContext = await newContext(session.browser, session.server.url);
    try {
      // The learner turns the profile on and picks both credentials.
      const page = await logIn(learnerContext, learnerPerson);
      await page.goto('/me/profile');
      await visible(page.getByRole('heading', { name: 'Your profile' }));
      await page.getByLabel('Handle').fill(handle);
      await page.getByLabel('Headline').fill('Warehouse team lead in training');
      await page.getByRole('switch', { name: 'Public profile' }).check({ force: true });
      for (const title of titles) await page.getByRole('checkbox', { name: title }).check();
      await shot(page, 'profile-settings');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await visible(page.getByText('Profile saved.'));

      // An anonymous visitor, in a fresh context, opens the profile: every credential verifies live.
      const visitor = await newPage(visitorContext);
      acting(visitor);
      await visitor.goto(`/p/${handle}`);
      await visible(visitor.getByRole('heading', { name: 'Lena Park', level: 1 }));
      await expect
        .poll(() => visitor.locator('[data-verdict="verified"]').count(), { timeout: 60_000 })
        .toBe(titles.length);
      for (const title of titles) await visible(visitor.getByRole('link', { name: title }));
      await visible(visitor.getByRole('cell', { name: 'Warehouse safety' }));
      await shot(visitor, 'public-profile');

      // The certificate downloads from the credential page; its QR code reads as the verification page.
      acting(page);
      await page.goto(`/credentials/${ids[0]}`);
      const certificateLink = page.getByRole('link', { name: 'Certificate (A4)' });
      await visible(certificateLink);
      await visible(page.getByText('Issued to'));
      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), certificateLink.click()]);
      const pdf = await readFile(await pdfDownload.path());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await decodeQrCodesInPdf(pdf)).toEqual([`${session.server.url}/credentials/${ids[0]}`]);
      await shot(page, 'credential');

      // The CV export: both credentials ticked, downloaded as JSON Resume, valid against the schema.
      await page.goto('/me/resume');
      const jsonLink = page.getByRole('link', { name: 'Download JSON Resume' });
      await visible(jsonLink);
      await shot(page, 'resume');
      const [jsonDownload] = await Promise.all([page.waitForEvent('download'), jsonLink.click()]);
      const resume = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as {
        certificates: { name: string; url: string }[];
      };
      const validate = resumeValidator();
      expect(validate(resume), JSON.stringify(validate.errors)).toBe(true);
      expect(resume.certificates.map((c) => c.name).sort()).toEqual([...titles].sort());
      expect(resume.certificates.map((c) => c.url)).toContain(`${session.server.url}/credentials/${ids[0]}`);
    } catch (error) {
      await photographFailure();
      throw error;
    } finally {
      await learnerContext.close();
      await visitorContext.close();
    }
  }, 300_000);
});
