import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCatalogResult, renderCatalogPage } from '../../test/catalog';
import { defaultCostCurrency, readCatalogSearch } from './catalog-query';

function renderCatalog(route: string) {
  const { catalogCalls } = renderCatalogPage(route, emptyCatalogResult);
  const lastCatalogCall = () => new URL(catalogCalls().at(-1)!, 'http://localhost').searchParams;
  return { lastCatalogCall };
}

beforeEach(() => {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the catalogue cost filter', () => {
  it('takes the reader’s currency when a maximum price is chosen, and asks the API in it', async () => {
    const user = userEvent.setup();
    const { lastCatalogCall } = renderCatalog('/catalog');
    // The sidebar and the mobile drawer each carry a copy of the filters; the first is the sidebar.
    const [maxCost] = await screen.findAllByRole('textbox', { name: 'Most it may cost' });
    await user.type(maxCost!, '150');
    await user.tab();
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('?maxCost=150&currency=GBP'));
    await waitFor(() => {
      expect(lastCatalogCall().get('maxCost')).toBe('150');
      expect(lastCatalogCall().get('currency')).toBe('GBP');
    });
    expect(screen.getAllByRole('textbox', { name: 'Most it may cost (GBP)' }).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/priced in another currency than GBP are left out/).length).toBeGreaterThan(0);
  });

  it('names the currency of a shared link and lets the reader change it', async () => {
    const user = userEvent.setup();
    const { lastCatalogCall } = renderCatalog('/catalog?maxCost=200&currency=EUR');
    const [maxCost] = await screen.findAllByRole('textbox', { name: 'Most it may cost (EUR)' });
    expect(maxCost).toHaveValue('200');
    await waitFor(() => expect(lastCatalogCall().get('currency')).toBe('EUR'));
    const [currency] = screen.getAllByRole('textbox', { name: 'Currency of the cost filter' });
    await user.click(currency!);
    await user.click((await screen.findAllByRole('option', { name: 'USD', hidden: true }))[0]!);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('?maxCost=200&currency=USD'));
    await waitFor(() => expect(lastCatalogCall().get('currency')).toBe('USD'));
  });

  it('gives a link with a price but no currency the reader’s currency; free-only needs none', () => {
    expect(readCatalogSearch(new URLSearchParams('maxCost=80')).currency).toBe('GBP');
    expect(readCatalogSearch(new URLSearchParams('maxCost=0')).currency).toBeNull();
    expect(readCatalogSearch(new URLSearchParams('maxCost=80&currency=chf')).currency).toBe('CHF');
    expect(readCatalogSearch(new URLSearchParams('currency=euro')).currency).toBeNull();
    expect(defaultCostCurrency('en-US')).toBe('USD');
    expect(defaultCostCurrency('de-DE')).toBe('EUR');
    expect(defaultCostCurrency('not a locale')).toBe('EUR');
  });
});
