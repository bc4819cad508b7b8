import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CatalogSearchResult } from '../api/types';
import { catalogItem, emptyCatalogResult, renderCatalogPage } from '../test/catalog';

const SKILL = '5b0d3a54-8f0e-4c54-9d3c-0a4a4f6c2a11';

const result: CatalogSearchResult = {
  ...emptyCatalogResult,
  items: [catalogItem({ skills: [{ id: SKILL, name: 'Data analysis' }], fieldOfStudy: 'Statistics' })],
  total: 1,
  facets: {
    ...emptyCatalogResult.facets,
    skill: [{ value: SKILL, label: 'Data analysis', count: 1 }],
    provider: [{ value: 'northwind', label: 'Northwind Academy', count: 1 }],
    level: [{ value: '4', label: '4', count: 1 }],
    format: [{ value: 'self_paced', label: 'self_paced', count: 1 }],
    language: [{ value: 'en', label: 'en', count: 1 }],
  },
};

const renderCatalog = (route = '/catalog', answer: CatalogSearchResult = result) => renderCatalogPage(route, answer);

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
    // Keys typed without yielding to timers in between, as a person types them within the
    // debounce: on a busy machine real gaps between keystrokes could outlast it.
    const user = userEvent.setup({ delay: null });
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
