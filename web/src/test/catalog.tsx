import { Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import type { CatalogItem, CatalogSearchResult } from '../api/types';
import CatalogPage from '../routes/catalog';
import { renderWithProviders } from './render';

/** A published catalogue entry from Northwind Academy; tests override what they look at. */
export function catalogItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id: 'mc-1',
    slug: 'data-literacy',
    title: 'Data literacy foundations',
    summary: 'Read charts and tables with confidence.',
    provider: { slug: 'northwind', name: 'Northwind Academy' },
    skills: [{ id: 'skill-1', name: 'Data analysis' }],
    cost: null,
    effortHours: 6,
    cpdHours: 5,
    fieldOfStudy: null,
    level: 4,
    format: 'self_paced',
    language: 'en',
    durationWeeks: 2,
    imageUrl: null,
    partners: [],
    accreditedBy: [],
    endorsedBy: [],
    publishedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** A search that found nothing, with no facet values. */
export const emptyCatalogResult: CatalogSearchResult = {
  items: [],
  total: 0,
  page: 1,
  pageSize: 12,
  facets: {
    skill: [],
    provider: [],
    level: [],
    format: [],
    language: [],
    partner: [],
    accreditedBy: [],
    endorsedBy: [],
  },
};

/** The URL a fetch was called with, whichever form it was given in. */
export function requestUrl(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}

/**
 * The catalogue page at `route`, every fetch answered with `answer`; the page's query string shows in
 * the `location` test id. Returns the catalogue searches it made, oldest first.
 */
export function renderCatalogPage(route: string, answer: CatalogSearchResult) {
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
    fetchMock.mock.calls.map(([input]) => requestUrl(input)).filter((url) => url.startsWith('/api/v1/catalog'));
  return { fetchMock, catalogCalls };
}
