import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import OrgPathwaysPage from './org-pathways';

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));

function Where() {
  const location = useLocation();
  return <p>Now at {`${location.pathname}${location.search}`}</p>;
}

function stubApi(pathways: unknown[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url === '/api/v1/orgs/acme/pathways') return json({ items: pathways });
      return json({
        id: 'o1',
        slug: 'acme',
        did: 'did:web:x',
        name: 'Acme Academy',
        roles: ['provider'],
        myRole: 'author',
      });
    }),
  );
}

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/o/:slug/pathways" element={<OrgPathwaysPage />} />
      <Route path="/o/:slug/pathways/:id" element={<Where />} />
    </Routes>,
    { route: '/o/acme/pathways' },
  );

describe('OrgPathwaysPage', () => {
  it('starts a pathway from the empty state: name and address, then the editor', async () => {
    stubApi([]);
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByText('No pathways yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New pathway' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Data Practitioner Certificate');
    expect(screen.getByRole('textbox', { name: 'Address' })).toHaveValue('data-practitioner-certificate');
    await user.click(screen.getByRole('button', { name: 'Start building' }));
    expect(
      await screen.findByText(
        'Now at /o/acme/pathways/new?name=Data+Practitioner+Certificate&slug=data-practitioner-certificate',
      ),
    ).toBeInTheDocument();
  });

  it('lists pathways with their published version and draft, and refuses an address already used', async () => {
    stubApi([
      {
        id: 'p1',
        slug: 'data-practitioner',
        name: 'Data Practitioner',
        publishedVersion: 2,
        hasDraft: true,
        learners: 1234,
        awarded: 56,
        createdAt: '2026-01-01T00:00:00Z',
      },
    ]);
    const user = userEvent.setup();
    renderPage();

    const row = (await screen.findByRole('link', { name: 'Data Practitioner' })).closest('tr')!;
    expect(row).toHaveTextContent('Version 2 published');
    expect(row).toHaveTextContent('Draft');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(expect.arrayContaining(['1,234', '56']));
    await user.click(screen.getByRole('button', { name: 'New pathway' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Data Practitioner');
    await user.click(screen.getByRole('button', { name: 'Start building' }));
    expect(await screen.findByText('Another pathway of yours has this address')).toBeInTheDocument();
    expect(screen.queryByText(/^Now at/)).toBeNull();
  });
});
