import { describe, expect, it } from 'vitest';
import { CatalogIndex, type IndexQuery, type IndexRow } from './catalog-index.js';

const row = (id: string, over: Partial<IndexRow>): IndexRow => ({
  id,
  providerSlug: 'north',
  providerName: 'North',
  skillIds: ['s1'],
  partnerSlugs: [],
  level: 4,
  format: 'self_paced',
  language: 'en',
  costMajor: 0,
  costCurrency: null,
  isFree: true,
  effortHours: 10,
  cpdHours: 5,
  durationWeeks: 2,
  publishedAt: 1000,
  ...over,
});
const none: IndexQuery = { skills: [], providers: [], partners: [], levels: [], formats: [], languages: [] };
const page = { sort: 'newest' as const, page: 1, pageSize: 10 };

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
