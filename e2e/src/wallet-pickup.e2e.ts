import * as vc from '@digitalbazaar/vc';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { createDocumentLoader } from '@cairn/credentials';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { browserSteps, PASSWORD, visible, type Person } from './browser-steps.js';
import { newContext, useServerAndBrowser } from './harness.js';
import { confirmEmail } from './mailbox.js';

const session = useServerAndBrowser();

const { newPage, shot, logIn, acting, photographFailure } = browserSteps('wallet-pickup');

type Json = Record<string, unknown>;

// The reference library signs presentations as the DCC Learner Credential Wallet does; its typings
// (credentials/src/types) list only what the other tests use.
const referenceVc = vc as unknown as {
  signPresentation(options: {
    presentation: object;
    suite: unknown;
    challenge: string;
    domain?: string;
    documentLoader: unknown;
  }): Promise<Json>;
};

/**
 * Plays the wallet: a fresh did:key follows the interaction URL to the VC-API exchange, asks for
 * the request, answers the DIDAuthentication with an Ed25519Signature2020 presentation, and
 * returns what it was handed.
 */
async function pickUpAsWallet(interactionUrl: string) {
  const key = await Ed25519VerificationKey2020.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;

  const interaction = await fetch(interactionUrl, { headers: { accept: 'application/json' } });
  expect(interaction.status).toBe(200);
  const { protocols } = (await interaction.json()) as { protocols: { vcapi: string } };
  const post = (body: unknown) =>
    fetch(protocols.vcapi, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const asked = await post({});
  expect(asked.status).toBe(200);
  const { verifiablePresentationRequest: request } = (await asked.json()) as {
    verifiablePresentationRequest: { query: { type: string }[]; challenge: string; domain: string };
  };
  expect(request.query).toEqual([{ type: 'DIDAuthentication' }]);
  const presentation = await referenceVc.signPresentation({
    presentation: {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
      type: ['VerifiablePresentation'],
      holder: did,
    },
    suite: new Ed25519Signature2020({ key }),
    challenge: request.challenge,
    domain: request.domain,
    documentLoader: createDocumentLoader(),
  });
  const answered = await post({ verifiablePresentation: presentation });
  const body = (await answered.json()) as { verifiablePresentation: { verifiableCredential: Json[] } };
  expect(answered.status, JSON.stringify(body)).toBe(200);
  return { did, credential: body.verifiablePresentation.verifiableCredential[0]! };
}

describe('wallet pickup in Chromium', () => {
  it(
    'a learner opens "Add to a wallet"; a wallet completes the exchange from the interaction URL and gets a credential bound to its DID that verifies; the page logs the pickup',
    { timeout: 240_000 },
    async () => {
      const stamp = Date.now().toString(36);
      const learner: Person = { name: 'Lena Learner', email: `lena-${stamp}@example.org` };
      const learnerApi = new ApiClient(session.server.url);
      await learnerApi.expect(201, 'POST', '/api/v1/auth/signup', { ...learner, password: PASSWORD });
      await confirmEmail(session.server, learnerApi, learner.email);

      const issuer = new ApiClient(session.server.url);
      await issuer.expect(201, 'POST', '/api/v1/auth/signup', {
        email: `iris-${stamp}@example.org`,
        password: PASSWORD,
        name: 'Iris Issuer',
      });
      const org = await issuer.expect(201, 'POST', '/api/v1/orgs', {
        name: 'Harbour Skills Academy',
        slug: `harbour-${stamp}`,
        roles: ['provider'],
      });
      const issued = await issuer.expect<{ verifiableCredential: { id: string } }>(
        201,
        'POST',
        `/api/v1/orgs/${org.slug}/credentials`,
        {
          credential: {
            credentialSubject: {
              type: ['AchievementSubject'],
              achievement: {
                id: `${session.server.url}/achievements/forklift-safety`,
                type: ['Achievement'],
                name: 'Forklift Safety Essentials',
                description: 'Operates a counterbalance forklift safely in a warehouse.',
                criteria: { narrative: 'Passed the practical and the quiz.' },
                achievementType: 'MicroCredential',
              },
            },
          },
          options: { recipientEmail: learner.email },
        },
      );
      const credentialPath = new URL(issued.verifiableCredential.id).pathname;

      const context = await newContext(session.browser, session.server.url);
      try {
        const page = await logIn(context, learner);
        acting(page);
        await page.goto(credentialPath);
        await visible(page.getByRole('heading', { name: 'Forklift Safety Essentials' }));
        await page.getByRole('button', { name: 'Add to a wallet' }).click();
        const dialog = page.getByRole('dialog', { name: 'Add to a wallet' });
        await visible(dialog.getByRole('img', { name: /QR code/ }));
        await visible(dialog.getByTestId('pickup-countdown'));
        expect(await dialog.getByTestId('pickup-countdown').textContent()).toMatch(/^(10:00|9:[0-5]\d)$/);
        expect(await dialog.getByRole('link', { name: 'open the pickup in the wallet' }).getAttribute('href')).toMatch(
          /^https:\/\/lcw\.app\/request\.html\?issuer=.*&auth_type=bearer&challenge=.+&vc_request_url=/,
        );
        const interactionUrl = ((await dialog.locator('[data-copy-value]').textContent()) ?? '').trim();
        expect(interactionUrl).toMatch(/\/interactions\/[\w-]+\?iuv=1$/);
        // The QR code is served, as an image the page can show.
        const qr = await fetch(new URL(`${new URL(interactionUrl).pathname}/qr.svg`, session.server.url));
        expect(qr.headers.get('content-type')).toContain('image/svg+xml');
        await shot(page, 'dialog');

        const wallet = await pickUpAsWallet(interactionUrl);
        expect((wallet.credential.credentialSubject as Json).id).toBe(wallet.did);
        const verified = await learnerApi.request('POST', '/credentials/verify', {
          verifiableCredential: wallet.credential,
        });
        expect(verified.status, JSON.stringify(verified.body)).toBe(200);
        expect(verified.body).toMatchObject({ verified: true });

        await visible(dialog.getByText('Added to your wallet'), 30_000);
        await visible(dialog.getByRole('listitem').filter({ hasText: `Picked up by ${wallet.did} on ` }));
        await shot(page, 'picked-up');
        await dialog.getByRole('button', { name: /close/i }).click();
        const log = page.getByRole('region', { name: 'Wallet pickups' });
        await visible(log.getByRole('listitem').filter({ hasText: `Picked up by ${wallet.did} on ` }));
        await shot(page, 'log');

        // The interaction URL in a browser: a page explaining it, now that it was used, that it no longer works.
        const browserPage = await newPage(context);
        acting(browserPage);
        await browserPage.goto(new URL(interactionUrl).pathname + new URL(interactionUrl).search);
        await visible(browserPage.getByRole('heading', { name: 'Add a credential to your wallet' }));
        await visible(browserPage.getByText('This pickup link no longer works'));
        await shot(browserPage, 'interaction-used');
      } catch (error) {
        await photographFailure();
        throw new Error(`${(error as Error).message}\n--- server output ---\n${session.server.output().slice(-3000)}`, {
          cause: error,
        });
      } finally {
        await context.close();
      }
    },
  );
});
