import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../../test/render';
import { InviteForm } from './invite-form';
import { stubFetch } from '../../test/fetch';

describe('InviteForm', () => {
  it('shows the accept link with a copy button after sending (the demo has no mail)', async () => {
    const fetchMock = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(
        Response.json(
          {
            id: 'i1',
            email: 'grace@example.org',
            role: 'viewer',
            expiresAt: '2030-01-01T00:00:00Z',
            acceptUrl: 'http://localhost:3000/invitations/tok123',
          },
          { status: 201 },
        ),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<InviteForm slug="acme" myRole="admin" />);

    await userEvent.type(screen.getByLabelText(/^email/i), 'grace@example.org');
    await userEvent.click(screen.getByRole('button', { name: /send invitation/i }));

    expect(await screen.findByText('http://localhost:3000/invitations/tok123')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy invitation link' })).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/orgs/acme/invitations');
    expect(JSON.parse(init.body as string)).toEqual({ email: 'grace@example.org', role: 'viewer' });
  });

  it('puts a server field error on the email field', async () => {
    stubFetch(() =>
      problemResponse(409, { title: 'Conflict', errors: [{ field: 'email', message: 'Already a member.' }] }),
    );
    renderWithProviders(<InviteForm slug="acme" myRole="admin" />);

    await userEvent.type(screen.getByLabelText(/^email/i), 'ada@example.org');
    await userEvent.click(screen.getByRole('button', { name: /send invitation/i }));

    expect(await screen.findByText('Already a member.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^email/i)).toHaveAttribute('aria-invalid', 'true');
  });
});
