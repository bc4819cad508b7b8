import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogSearchResult } from '../api/types';
import { renderWithProviders } from '../test/render';
import CatalogPage from './catalog';

const SKILL = '5b0d3a54-8f0e-4c54-9d3c-0a4a4f6c2a11';

const result: CatalogSearchResult = {
  items: [
    {
      id: 'mc-1',
      slug: 'data-literacy',
      title: 'Data literacy foundations',
      summary: 'Read charts and tables with confidence.',
      provider: { slug: 'northwind', name: 'Northwind Academy' },
      skills: [{ id: SKILL, name: 'Data analysis' }],
      cost: null,
      effortHours: 6,
      cpdHours: 5,
      fieldOfStudy: 'Statistics',
      level: 4,
      format: 'self_paced',
      language: 'en',
      durationWeeks: 2,
      imageUrl: null,
      partners: [],
      accreditedBy: [],
      endorsedBy: [],
      publishedAt: '2026-01-01T00:00:00Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 12,
  facets: {
    skill: [{ value: SKILL, label: 'Data analysis', count: 1 }],
    provider: [{ value: 'northwind', label: 'Northwind Academy', count: 1 }],
    level: [{ value: '4', label: '4', count: 1 }],
    format: [{ value: 'self_paced', label: 'self_paced', count: 1 }],
    language: [{ value: 'en', label: 'en', count: 1 }],
    partner: [],
    accreditedBy: [],
    endorsedBy: [],
  },
};

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

function renderCatalog(route = '/catalog', answer: unknown = result) {
  const fetchMock = vi.fn((_input: RequestInfo | URL) =>
    Promise.resolve(new Response(JSON.stringify(answer), { status: 200 })),
  );
  vi.stubGlobal('fetch', fetchMock);
  renderWithProviders(
    <Routes>
      <Route
        path="/catalog"
        element={
          <>
            <CatalogPage />
            <LocationProbe />
          </>
        }
      />
    </Routes>,
    { route },
  );
  const catalogCalls = () =>
    fetchMock.mock.calls
      .map(([input]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url))
      .filter((url) => url.startsWith('/api/v1/catalog'));
  return { fetchMock, catalogCalls };
}

describe('catalogue page', () => {
  it('reads a shared link: the URL query becomes the API query', async () => {
    const { catalogCalls } = renderCatalog(`/catalog?q=data&level=4&maxCost=0&sort=cheapest`);
    expect(await screen.findByRole('link', { name: 'Data literacy foundations' })).toHaveAttribute(
      'href',
      '/catalog/northwind/data-literacy',
    );
    const url = new URL(catalogCalls()[0]!, 'http://localhost');
    expect(url.searchParams.get('q')).toBe('data');
    expect(url.searchParams.getAll('level')).toEqual(['4']);
    expect(url.searchParams.get('maxCost')).toBe('0');
    expect(url.searchParams.get('sort')).toBe('cheapest');
    expect(screen.getByText('Free')).toBeInTheDocument();
  });

  it('writes facet choices to the URL and asks the API with them', async () => {
    const user = userEvent.setup();
    const { catalogCalls } = renderCatalog();
    await screen.findByRole('link', { name: 'Data literacy foundations' });

    await user.click(screen.getAllByRole('checkbox', { name: /Data analysis/ })[0]!);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`?skill=${SKILL}`));
    await user.click(screen.getAllByRole('checkbox', { name: /Level 4/ })[0]!);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`?skill=${SKILL}&level=4`));

    await waitFor(() => {
      const last = new URL(catalogCalls().at(-1)!, 'http://localhost');
      expect(last.searchParams.getAll('skill')).toEqual([SKILL]);
      expect(last.searchParams.getAll('level')).toEqual(['4']);
    });
  });

  it('debounces the search box into the URL and the query', async () => {
    const user = userEvent.setup();
    const { catalogCalls } = renderCatalog();
    await screen.findByRole('link', { name: 'Data literacy foundations' });
    await user.type(screen.getByRole('searchbox', { name: 'Search programmes' }), 'sql');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('?q=sql'));
    await waitFor(() => expect(catalogCalls().some((c) => c.includes('q=sql'))).toBe(true));
    // One request per pause, not per key.
    expect(catalogCalls().filter((c) => /q=s(&|$)|q=sq(&|$)/.test(c))).toHaveLength(0);
  });

  it('offers to clear the filters when nothing matches', async () => {
    const user = userEvent.setup();
    renderCatalog('/catalog?format=cohort', { ...result, items: [], total: 0 });
    await user.click(await screen.findByRole('button', { name: 'Clear the search and filters' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(''));
  });
});
