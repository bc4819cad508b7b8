import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppLayout } from '../../components/app-layout';
import { renderWithProviders } from '../../test/render';
import { stubFetch } from '../../test/fetch';

afterEach(() => vi.unstubAllGlobals());

const user = {
  id: 'u1',
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  createdAt: '2026-12-01T00:00:00Z',
  emailVerified: true,
};

function renderShell(isOperator: boolean) {
  stubFetch(() => Response.json({ user, memberships: [], isOperator }));
  renderWithProviders(
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/me" element={<p>my learning</p>} />
      </Route>
    </Routes>,
    { route: '/me' },
  );
}

describe('the Operations entry of the navigation', () => {
  it('is there for an instance operator', async () => {
    renderShell(true);
    expect(await screen.findByRole('link', { name: 'Operations' })).toHaveAttribute('href', '/admin/jobs');
  });

  it('is not there for anyone else', async () => {
    renderShell(false);
    expect(await screen.findByRole('link', { name: 'Catalogue' })).toBeInTheDocument();
    // The session has loaded (the account menu names the person) and still no entry.
    expect(await screen.findByRole('button', { name: 'Account menu for Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Operations' })).not.toBeInTheDocument();
  });
});
