import type { IndexQuery, IndexRow } from './catalog-index.js';

// Rows and queries for the in-memory catalogue index tests.

/** A free, self-paced level-4 programme of provider "north" teaching s1, changed by `over`. */
export const indexRow = (id: string, over: Partial<IndexRow> = {}): IndexRow => ({
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

/** A query that filters on nothing. */
export const NO_FILTERS: IndexQuery = {
  skills: [],
  providers: [],
  partners: [],
  levels: [],
  formats: [],
  languages: [],
};

/** The first ten, newest first. */
export const FIRST_PAGE = { sort: 'newest' as const, page: 1, pageSize: 10 };
