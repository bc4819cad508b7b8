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
            detail: 'This credential belongs to someone else: it was issued to another email. Only credentials issued to your own email address can be added.',
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
    expect(JSON.parse(typeof init?.body === 'string' ? init.body : '')).toEqual({ verifiableCredential: { type: ['VerifiableCredential', 'OpenBadgeCredential'] } });
  });
});
