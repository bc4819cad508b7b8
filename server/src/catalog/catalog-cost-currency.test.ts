import { describe, expect, it } from 'vitest';
import { FIRST_PAGE as page, indexRow as row, NO_FILTERS as none } from './catalog-index-fixtures.js';
import { CatalogIndex } from './catalog-index.js';

describe('a cost filter names its currency', () => {
  const index = new CatalogIndex();
  index.upsert([
    row('gbp', { costMajor: 80, costCurrency: 'GBP', isFree: false, publishedAt: 3 }),
    row('usd', { costMajor: 80, costCurrency: 'USD', isFree: false, publishedAt: 2 }),
    row('free', { publishedAt: 1 }),
  ]);

  it('compares amounts only within the named currency; free programmes always pass', () => {
    expect(index.search({ ...none, maxCost: 100, costCurrency: 'GBP' }, page).pageIds).toEqual(['gbp', 'free']);
    expect(index.search({ ...none, maxCost: 100, costCurrency: 'EUR' }, page).pageIds).toEqual(['free']);
    // Without a currency the old behaviour stays: numbers compared as they are.
    expect(index.search({ ...none, maxCost: 100 }, page).pageIds).toEqual(['gbp', 'usd', 'free']);
  });
});
