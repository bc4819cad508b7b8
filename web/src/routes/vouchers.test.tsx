import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../test/render';
import VouchersPage from './vouchers';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));

function stubFetch(onPost: (body: Record<string, unknown>) => Promise<Response>) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method === 'POST')
      return onPost(JSON.parse(typeof init.body === 'string' ? init.body : '{}') as Record<string, unknown>);
    if (url.includes('/vouchers')) return json({ items: [] });
    if (url.includes('/microcredentials')) return json({ items: [] });
    return json({ id: 'o1', slug: 'acme', did: 'did:web:x', name: 'Acme', roles: ['provider'], myRole: 'admin' });
  });
  vi.stubGlobal('fetch', fetchMock);
}

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/o/:slug/settings/vouchers" element={<VouchersPage />} />
    </Routes>,
    { route: '/o/acme/settings/vouchers' },
  );

describe('VouchersPage', () => {
  it('shows the new code, and puts a taken code’s error on the code field', async () => {
    let taken = false;
    stubFetch((body) => {
      if (taken)
        return Promise.resolve(
          problemResponse(409, {
            title: 'Conflict',
            code: 'conflict',
            detail: 'The code TEAM-2026 is already in use.',
            errors: [{ field: 'code', message: 'Already in use' }],
          }),
        );
      taken = true;
      return json(
        {
          id: 'v1',
          code: 'A1B2C3D4E5F6',
          microcredentialId: null,
          maxRedemptions: body.maxRedemptions,
          redeemed: 0,
          expiresAt: null,
        },
        201,
      );
    });
    const user = userEvent.setup();
    renderPage();

    await user.click(await screen.findByRole('button', { name: 'Create vouchers' }));
    await user.click(screen.getByRole('button', { name: 'Create voucher' }));
    expect(await screen.findByText('A1B2C3D4E5F6')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy voucher code' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));

    await user.click(await screen.findByRole('button', { name: 'Create vouchers' }));
    await user.type(screen.getByRole('textbox', { name: 'Code' }), 'team-2026');
    await user.click(screen.getByRole('button', { name: 'Create voucher' }));
    const code = screen.getByRole('textbox', { name: 'Code' });
    expect(await screen.findByText('Already in use')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');
  });
});
