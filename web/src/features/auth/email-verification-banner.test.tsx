import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../../test/render';
import { EmailVerificationBanner } from './email-verification-banner';

afterEach(() => vi.unstubAllGlobals());

const sessionWith = (emailVerified: boolean) => ({
  user: { id: 'u1', name: 'Lena', email: 'lena@example.com', createdAt: '2026-12-01T00:00:00Z', emailVerified },
  memberships: [],
});

describe('EmailVerificationBanner', () => {
  it('asks an unconfirmed person to confirm, and shows why a resend was refused', async () => {
    const fetchMock = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') {
        return Promise.resolve(
          problemResponse(429, {
            title: 'Too many requests',
            code: 'rate_limited',
            detail:
              'A link was sent less than a minute ago; check your inbox and spam folder. Wait 42 seconds to ask for another.',
          }),
        );
      }
      return Promise.resolve(Response.json(sessionWith(false)));
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderWithProviders(<EmailVerificationBanner />, { route: '/me' });

    expect(
      await screen.findByRole('region', { name: 'Confirm your email to receive your credentials' }),
    ).toBeInTheDocument();
    expect(screen.getByText('lena@example.com')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resend the link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wait 42 seconds to ask for another.');
  });

  it('confirms a resend', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((_input: RequestInfo | URL, init?: RequestInit) =>
        Promise.resolve(
          init?.method === 'POST'
            ? Response.json({ status: 'queued', email: 'lena@example.com' }, { status: 202 })
            : Response.json(sessionWith(false)),
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<EmailVerificationBanner />, { route: '/me' });
    await user.click(await screen.findByRole('button', { name: 'Resend the link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('A new link is on its way to lena@example.com');
    expect(screen.getByRole('button', { name: 'Link sent' })).toBeDisabled();
  });

  it('shows nothing once the email is confirmed', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(Response.json(sessionWith(true))));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<EmailVerificationBanner />, { route: '/me' });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
