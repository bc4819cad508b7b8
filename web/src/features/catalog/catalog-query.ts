/**
 * The catalogue search as it lives in the page's URL. The URL is the state: a copied link shows
 * the same search, and the API query is built from the same keys.
 */

export const LIST_KEYS = [
  'skill',
  'provider',
  'partner',
  'accreditedBy',
  'endorsedBy',
  'level',
  'format',
  'language',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export const NUMBER_KEYS = ['maxCost', 'maxHours', 'minCpd'] as const;
export type NumberKey = (typeof NUMBER_KEYS)[number];

export const SORTS = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'newest', label: 'Newest' },
  { value: 'shortest', label: 'Shortest' },
  { value: 'cheapest', label: 'Cheapest' },
] as const;
export type CatalogSort = (typeof SORTS)[number]['value'];

export const CATALOG_PAGE_SIZE = 12;

/** Currencies the cost filter offers; a shared link may name any other ISO 4217 code. */
export const COST_CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN'] as const;

/**
 * The currency a maximum cost is in when the person has not chosen one: their locale's, when
 * the filter offers it, else euros. A price without a currency compares nothing honestly.
 */
export function defaultCostCurrency(locale: string = typeof navigator === 'undefined' ? 'en' : navigator.language) {
  const region = (() => {
    try {
      return new Intl.Locale(locale).maximize().region;
    } catch {
      return undefined;
    }
  })();
  const byRegion: Record<string, string> = {
    GB: 'GBP',
    US: 'USD',
    CH: 'CHF',
    CA: 'CAD',
    AU: 'AUD',
    SE: 'SEK',
    NO: 'NOK',
    DK: 'DKK',
    PL: 'PLN',
  };
  return (region && byRegion[region]) ?? 'EUR';
}

export type CatalogSearch = {
  q: string;
  lists: Record<ListKey, string[]>;
  numbers: Partial<Record<NumberKey, number>>;
  /** The currency the cost filter is in; paid programmes priced in another are left out. */
  currency: string | null;
  sort: CatalogSort;
  page: number;
};

const isSort = (value: string | null): value is CatalogSort => SORTS.some((s) => s.value === value);

export function readCatalogSearch(params: URLSearchParams): CatalogSearch {
  const lists = Object.fromEntries(
    LIST_KEYS.map((key) => [key, [...new Set(params.getAll(key).filter(Boolean))]]),
  ) as Record<ListKey, string[]>;
  const numbers: Partial<Record<NumberKey, number>> = {};
  for (const key of NUMBER_KEYS) {
    const raw = params.get(key);
    const value = raw === null || raw === '' ? NaN : Number(raw);
    if (Number.isFinite(value) && value >= 0) numbers[key] = value;
  }
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  const currency = params.get('currency')?.trim().toUpperCase() ?? '';
  return {
    q: params.get('q')?.trim() ?? '',
    lists,
    numbers,
    // A maximum price names its currency; a link without one gets the reader's.
    currency: /^[A-Z]{3}$/.test(currency) ? currency : (numbers.maxCost ?? 0) > 0 ? defaultCostCurrency() : null,
    sort: isSort(sort) ? sort : 'relevance',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL query for a search; defaults are left out so links stay short. */
export function writeCatalogSearch(search: CatalogSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const key of LIST_KEYS) for (const value of search.lists[key]) params.append(key, value);
  for (const key of NUMBER_KEYS) {
    const value = search.numbers[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (search.currency) params.set('currency', search.currency);
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The API request for a search: the same keys, plus the page size. */
export function catalogApiPath(search: CatalogSearch): string {
  const params = writeCatalogSearch(search);
  params.set('pageSize', String(CATALOG_PAGE_SIZE));
  return `/api/v1/catalog?${params.toString()}`;
}

export const hasFilters = (search: CatalogSearch): boolean =>
  search.q !== '' ||
  LIST_KEYS.some((key) => search.lists[key].length > 0) ||
  Object.keys(search.numbers).length > 0 ||
  search.currency !== null;

export const clearedSearch = (search: CatalogSearch): CatalogSearch => ({
  q: '',
  lists: Object.fromEntries(LIST_KEYS.map((key) => [key, []])) as unknown as Record<ListKey, string[]>,
  numbers: {},
  currency: null,
  sort: search.sort,
  page: 1,
});
