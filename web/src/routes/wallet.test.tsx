import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../test/render';
import WalletPage from './wallet';

afterEach(() => vi.unstubAllGlobals());

describe('WalletPage', () => {
  it('shows the server’s reason when a credential is refused', async () => {
    const fetchMock = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') {
        return Promise.resolve(
          problemResponse(403, {
            title: 'Forbidden',
            code: 'forbidden',
            detail:
              'This credential belongs to someone else: it was issued to another email. Only credentials issued to your own email address can be added.',
            errors: [{ field: 'credential.recipient', message: 'it was issued to another email' }],
          }),
        );
      }
      return Promise.resolve(new Response(JSON.stringify({ items: [] }), { status: 200 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderWithProviders(<WalletPage />, { route: '/me/wallet' });

    expect(await screen.findByText('Nothing from elsewhere yet')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Paste' }));
    await user.click(screen.getByRole('textbox', { name: /credential/i }));
    await user.paste('{"type": ["VerifiableCredential", "OpenBadgeCredential"]}');
    await user.click(screen.getByRole('button', { name: 'Add to my wallet' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not yours to add');
    expect(alert).toHaveTextContent('This credential belongs to someone else');
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') ?? [];
    expect(JSON.parse(typeof init?.body === 'string' ? init.body : '')).toEqual({
      verifiableCredential: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
    });
  });

  it('explains that an unconfirmed email blocks imports and offers to resend the link', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.endsWith('/api/v1/auth/verify-email/resend'))
        return Promise.resolve(
          new Response(JSON.stringify({ status: 'queued', email: 'lena@example.com' }), { status: 202 }),
        );
      if (init?.method === 'POST') {
        return Promise.resolve(
          problemResponse(403, {
            title: 'Verify your email first',
            code: 'email_unverified',
            detail:
              'Verify your email first: open the link Cairn sent to lena@example.com, or ask for a new one (POST /api/v1/auth/verify-email/resend).',
          }),
        );
      }
      return Promise.resolve(new Response(JSON.stringify({ items: [] }), { status: 200 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderWithProviders(<WalletPage />, { route: '/me/wallet' });

    await screen.findByText('Nothing from elsewhere yet');
    await user.click(screen.getByRole('tab', { name: 'Paste' }));
    await user.click(screen.getByRole('textbox', { name: /credential/i }));
    await user.paste('{"type": ["VerifiableCredential", "OpenBadgeCredential"]}');
    await user.click(screen.getByRole('button', { name: 'Add to my wallet' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Confirm your email first');
    expect(alert).toHaveTextContent('Nothing was added.');
    await user.click(screen.getByRole('button', { name: 'Resend the confirmation link' }));
    expect(await screen.findByText(/A new link is on its way to lena@example.com/)).toBeInTheDocument();
  });

  it('shows an entry its issuer revoked, and checks it again on request', async () => {
    const item = {
      id: '6b1d0a34-2f6e-4a55-9a56-1f1f3b0e5c11',
      credentialId: 'urn:uuid:1',
      format: 'ldp',
      achievementId: 'https://guild.example/achievements/1',
      achievementName: 'Guild Membership',
      issuer: { did: 'did:web:guild.example', name: 'Guild Elsewhere' },
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: null,
      addedAt: '2026-02-01T00:00:00Z',
      verifiableCredential: {},
      pathways: [],
      status: 'revoked',
      statusReason: 'The issuer has revoked this credential.',
      statusCheckedAt: '2026-11-28T10:00:00Z',
      statusCheckError: null,
    };
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const body = init?.method === 'POST' ? item : { items: [item] };
      expect(input instanceof Request ? input.url : input.toString()).toMatch(
        init?.method === 'POST'
          ? /\/api\/v1\/me\/wallet\/6b1d0a34-2f6e-4a55-9a56-1f1f3b0e5c11\/status-check$/
          : /\/api\/v1\/me\/wallet$/,
      );
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderWithProviders(<WalletPage />, { route: '/me/wallet' });

    expect(await screen.findByText('Revoked')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      'The issuer has revoked this credential. It does not count toward pathways while revoked.',
    );
    await user.click(screen.getByRole('button', { name: 'Check again whether Guild Membership is in force' }));
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([, i]) => i?.method === 'POST')).toBe(true));
  });
});
