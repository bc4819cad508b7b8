import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { AddToWallet } from './add-to-wallet-dialog';

const credentialId = '3f0b8a52-7a3e-4c55-9d3e-0c8d6b1b2a11';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const session = {
  user: { id: 'u1', email: 'lena@example.org', name: 'Lena', emailVerified: true },
  memberships: [],
  isOperator: false,
};
const started = {
  id: 'ex-1',
  interactionUrl: 'http://localhost/interactions/abcdefghijklmnop?iuv=1',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  exchangeUrl: 'http://localhost/workflows/credential-pickup/exchanges/x',
  workflow: 'credential-pickup',
  legacyDeepLink: 'https://lcw.app/request.html?issuer=localhost&auth_type=bearer&challenge=c&vc_request_url=x',
  qrCodePath: '/interactions/abcdefghijklmnop/qr.svg',
};

function stubServer(options: { isHolder: boolean; isCollected?: boolean }) {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://localhost').pathname;
    if (path === '/api/v1/auth/session') return Promise.resolve(json(session));
    if (path === `/api/v1/me/credentials/${credentialId}/exchanges` && init?.method === 'POST')
      return Promise.resolve(json(started, 201));
    if (path === `/api/v1/me/credentials/${credentialId}/exchanges`) {
      if (!options.isHolder)
        return Promise.resolve(json({ title: 'Not found', status: 404, detail: 'No credential of yours.' }, 404));
      const collected = {
        id: 'ex-1',
        state: 'collected',
        createdAt: new Date().toISOString(),
        expiresAt: started.expiresAt,
        collectedAt: new Date().toISOString(),
        holderDid: 'did:key:z6MkWallet',
        pickedUpCredentialUrl: 'http://localhost/credentials/x',
        steps: [
          { at: new Date().toISOString(), step: 'created', did: null, message: 'Wallet pickup opened' },
          {
            at: new Date().toISOString(),
            step: 'collected',
            did: 'did:key:z6MkWallet',
            message: 'Picked up by did:key:z6MkWallet',
          },
        ],
      };
      return Promise.resolve(json({ items: options.isCollected ? [collected] : [] }));
    }
    return Promise.resolve(json({ title: 'Not found', status: 404 }, 404));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('Add to a wallet', () => {
  it('shows nothing to someone who does not hold the credential', async () => {
    const fetchMock = stubServer({ isHolder: false });
    renderWithProviders(<AddToWallet credentialId={credentialId} />);
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/exchanges'))).toBe(true));
    expect(screen.queryByRole('button', { name: 'Add to a wallet' })).toBeNull();
  });

  it('opens a pickup: QR code, link, legacy deep link and a countdown from 10 minutes', async () => {
    stubServer({ isHolder: true });
    renderWithProviders(<AddToWallet credentialId={credentialId} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add to a wallet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add to a wallet' });
    const qr = await within(dialog).findByRole('img', { name: /QR code/ });
    expect(qr.getAttribute('src')).toBe(started.qrCodePath);
    expect(within(dialog).getByText(started.interactionUrl)).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'open the pickup in the wallet' }).getAttribute('href')).toBe(
      started.legacyDeepLink,
    );
    expect(within(dialog).getByTestId('pickup-countdown').textContent).toMatch(/^(10:00|9:5\d)$/);
  });

  it('says when a wallet picked it up, and by which DID', async () => {
    stubServer({ isHolder: true, isCollected: true });
    renderWithProviders(<AddToWallet credentialId={credentialId} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add to a wallet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add to a wallet' });
    expect(await within(dialog).findByText('Added to your wallet')).toBeTruthy();
    expect(within(dialog).getByText('Picked up by did:key:z6MkWallet')).toBeTruthy();
  });
});
