import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../test/render';
import VerifyEmailPage from './verify-email';

afterEach(() => vi.unstubAllGlobals());

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());
const signedOut = { user: null, memberships: [], isOperator: false };
const unverifiedSession = {
  user: { id: 'u1', name: 'Lena', email: 'lena@example.com', createdAt: '2026-12-01T00:00:00Z', emailVerified: false },
  memberships: [],
};

describe('VerifyEmailPage', () => {
  it('sends the token once and says which credentials joined the account', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      if (urlOf(input).endsWith('/api/v1/auth/verify-email') && init?.method === 'POST') {
        return Promise.resolve(Response.json({ email: 'lena@example.com', wasVerified: false, claimedCredentials: 2 }));
      }
      return Promise.resolve(Response.json(signedOut));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<VerifyEmailPage />, { route: '/verify-email?token=abc-123' });

    expect(screen.getByText('Confirming your email…')).toBeInTheDocument();
    expect(await screen.findByText('Email confirmed')).toBeInTheDocument();
    expect(screen.getByText('2 credentials issued to lena@example.com are now in My credentials.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login?next=%2Fme%2Fcredentials');
    const posts = fetchMock.mock.calls.filter(([, i]) => i?.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]![1]!.body as string)).toEqual({ token: 'abc-123' });
  });

  it('explains a used or expired link and lets a signed-in person ask for a new one', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = urlOf(input);
      if (url.endsWith('/api/v1/auth/verify-email')) {
        return Promise.resolve(
          problemResponse(400, {
            title: 'Your request has invalid fields',
            code: 'validation_failed',
            detail: 'This confirmation link is invalid, expired or already used. Log in and ask for a new one.',
            errors: [{ field: 'token', message: 'Invalid, expired or already used' }],
          }),
        );
      }
      if (url.endsWith('/api/v1/auth/verify-email/resend') && init?.method === 'POST') {
        return Promise.resolve(Response.json({ status: 'queued', email: 'lena@example.com' }, { status: 202 }));
      }
      return Promise.resolve(Response.json(unverifiedSession));
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderWithProviders(<VerifyEmailPage />, { route: '/verify-email?token=used-token' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link cannot be used');
    expect(alert).toHaveTextContent('invalid, expired or already used');
    await user.click(await screen.findByRole('button', { name: 'Send a new link' }));
    expect(await screen.findByText(/A new link is on its way to lena@example.com/)).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([input, i]) => urlOf(input).endsWith('/resend') && i?.method === 'POST')).toBe(
      true,
    );
  });

  it('says a link without a token is incomplete and sends nothing', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(Response.json(signedOut)));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<VerifyEmailPage />, { route: '/verify-email' });
    expect(await screen.findByText('This link is incomplete')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(
      fetchMock.mock.calls.filter(
        (call) => (call as unknown[])[1] !== undefined && ((call as unknown[])[1] as RequestInit).method === 'POST',
      ),
    ).toHaveLength(0);
  });
});
