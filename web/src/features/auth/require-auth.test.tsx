import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { problemResponse, TestProviders } from '../../test/render';
import { RequireAuth } from './require-auth';
import { stubFetch } from '../../test/fetch';

function LoginProbe() {
  const location = useLocation();
  return <p>login page {location.search}</p>;
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginProbe /> },
      {
        path: '/o/:slug/members',
        element: (
          <RequireAuth>
            <p>members page</p>
          </RequireAuth>
        ),
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <TestProviders>
      <RouterProvider router={router} />
    </TestProviders>,
  );
}

describe('RequireAuth', () => {
  it('sends a signed-out visitor to /login with the page to come back to', async () => {
    stubFetch(() => Response.json({ user: null, memberships: [], isOperator: false }));
    renderAt('/o/acme/members?tab=x');
    expect(
      await screen.findByText(`login page ?next=${encodeURIComponent('/o/acme/members?tab=x')}`),
    ).toBeInTheDocument();
  });

  it('shows the page to a signed-in person', async () => {
    stubFetch(() => Response.json({ user: { id: 'u1', name: 'Ada', email: 'a@b.c' }, memberships: [] }));
    renderAt('/o/acme/members');
    expect(await screen.findByText('members page')).toBeInTheDocument();
  });

  it('offers a retry when the session check itself fails', async () => {
    stubFetch(() => problemResponse(503, { title: 'Service Unavailable', detail: 'The database does not answer.' }));
    renderAt('/o/acme/members');
    expect(await screen.findByText('The database does not answer.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /try again/i })).toBeInTheDocument();
  });
});
