import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogItem } from '../api/types';
import { compareIds } from '../features/compare/compare-selection';
import { catalogItem } from '../test/catalog';
import { renderWithProviders } from '../test/render';
import ComparePage from './compare';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const item = (id: string, title: string, overrides: Partial<CatalogItem> = {}): CatalogItem =>
  catalogItem({ id, title, slug: title.toLowerCase().replaceAll(' ', '-'), summary: '', ...overrides });

function renderCompare(route: string) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://cairn.test');
    const body = url.pathname.endsWith('/ratings')
      ? {
          items: [
            { microcredentialId: A, average: 4.5, count: 2 },
            { microcredentialId: B, average: null, count: 0 },
          ],
        }
      : {
          items: [
            item(B, 'Sprint Practice', { format: 'cohort', cost: { amountMinor: 7500, currency: 'GBP' } }),
            item(A, 'Data Basics'),
          ],
        };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/compare" element={<ComparePage />} />
    </Routes>,
    { route },
  );
  return fetchMock;
}

describe('compareIds', () => {
  it('keeps distinct ids in order, drops anything that is not an id, and stops at four', () => {
    const ids = [
      'a',
      A,
      B,
      A,
      '33333333-3333-4333-8333-333333333333',
      '44444444-4444-4444-8444-444444444444',
      '55555555-5555-4555-8555-555555555555',
    ];
    expect(compareIds(new URLSearchParams(`ids=${ids.join(',')}`))).toEqual([A, B, ids[4], ids[5]]);
  });
});

describe('ComparePage', () => {
  it('shows the programmes side by side in the order picked, with a row per attribute', async () => {
    const fetchMock = renderCompare(`/compare?ids=${A},${B}`);
    const table = await screen.findByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers[0]).toContain('Data Basics');
    expect(headers[1]).toContain('Sprint Practice');
    const formatRow = within(table).getByRole('rowheader', { name: 'Format' }).closest('tr')!;
    expect(
      within(formatRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Self-paced online', 'Cohort']);
    const ratingRow = within(table).getByRole('rowheader', { name: 'Rating' }).closest('tr')!;
    expect(await within(ratingRow).findByText('4.5 out of 5 from 2 reviews')).toBeInTheDocument();
    expect(within(ratingRow).getByText('No reviews yet')).toBeInTheDocument();
    expect(
      fetchMock.mock.calls.some(([input]) =>
        String(input instanceof Request ? input.url : input).includes('/api/v1/catalog/programmes'),
      ),
    ).toBe(true);
  });

  it('explains what to do when nothing is picked', async () => {
    renderCompare('/compare');
    expect(await screen.findByText('Nothing to compare yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the catalogue' })).toBeInTheDocument();
  });
});
