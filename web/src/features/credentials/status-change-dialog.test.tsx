import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { IssuedCredential } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { CredentialsTable } from './credentials-table';

const credential: IssuedCredential = {
  id: '3f0b8a52-7a3e-4c55-9d3e-0c8d6b1b2a11',
  credentialId: 'http://localhost:3000/credentials/3f0b8a52-7a3e-4c55-9d3e-0c8d6b1b2a11',
  format: 'ldp',
  achievementName: 'Safe Lifting',
  recipient: 'ada@example.org',
  issuedAt: '2026-02-01T10:00:00Z',
  validUntil: null,
  status: 'active',
  isSuspendable: true,
};

// Mantine hides a dropdown whose target has no layout box (happy-dom lays nothing out), so the
// menu items are queried with `hidden: true`.
describe('revoking from the credentials table', () => {
  it('asks for a reason, warns that it is permanent, then calls the API with the reason', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(
        Response.json({
          id: credential.id,
          credentialId: credential.credentialId,
          status: 'revoked',
          revokedAt: '2026-02-02T10:00:00Z',
          revocationReason: 'Issued in error',
          suspendedAt: null,
          suspensionReason: null,
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<CredentialsTable slug="northwind" credentials={[credential]} canManage />);

    await userEvent.click(screen.getByRole('button', { name: /actions for safe lifting/i }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /revoke/i, hidden: true }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Revocation is permanent')).toBeInTheDocument();

    // Without a reason nothing is sent.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke permanently' }));
    expect(await within(dialog).findByText(/say why it is revoked/i)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /reason/i })).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByRole('textbox', { name: /reason/i }), 'Issued in error');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke permanently' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/v1/credentials/${credential.id}/revoke`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ reason: 'Issued in error' });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows the server’s refusal inside the dialog', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              status: 403,
              title: 'Forbidden',
              detail: 'Only owners and admins change a credential’s status.',
            }),
            {
              status: 403,
              headers: { 'Content-Type': 'application/problem+json' },
            },
          ),
        ),
      ),
    );
    renderWithProviders(<CredentialsTable slug="northwind" credentials={[credential]} canManage />);

    await userEvent.click(screen.getByRole('button', { name: /actions for safe lifting/i }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /revoke/i, hidden: true }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /reason/i }), 'Fraud');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke permanently' }));

    expect(await within(dialog).findByText('Only owners and admins change a credential’s status.')).toBeInTheDocument();
  });

  it('offers no status changes to members who may not make them', async () => {
    renderWithProviders(<CredentialsTable slug="northwind" credentials={[credential]} canManage={false} />);
    await userEvent.click(screen.getByRole('button', { name: /actions for safe lifting/i }));
    expect(await screen.findByRole('menuitem', { name: /view public page/i, hidden: true })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /revoke/i, hidden: true })).not.toBeInTheDocument();
  });

  it('offers suspension only for a credential issued with a suspension entry', async () => {
    renderWithProviders(
      <CredentialsTable slug="northwind" credentials={[{ ...credential, isSuspendable: false }]} canManage />,
    );
    await userEvent.click(screen.getByRole('button', { name: /actions for safe lifting/i }));
    expect(await screen.findByRole('menuitem', { name: /revoke/i, hidden: true })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /suspend/i, hidden: true })).not.toBeInTheDocument();
  });
});
