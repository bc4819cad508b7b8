import { describe, expect, it } from 'vitest';
import { FIRST_PAGE as page, indexRow as row, NO_FILTERS as none } from './catalog-index-fixtures.js';
import { CatalogIndex } from './catalog-index.js';

describe('CatalogIndex', () => {
  const index = new CatalogIndex();
  index.upsert([
    row('a', { skillIds: ['s1', 's2'], publishedAt: 3000, costMajor: 120, isFree: false }),
    row('b', { providerSlug: 'south', providerName: 'South', level: 5, publishedAt: 2000 }),
    row('c', { skillIds: ['s2'], level: null, format: 'cohort', publishedAt: 1000, effortHours: 3 }),
  ]);

  it('counts each facet without its own filter, and the rest with every filter', () => {
    const r = index.search({ ...none, providers: ['north'] }, page);
    expect(r.total).toBe(2);
    expect(r.pageIds).toEqual(['a', 'c']);
    expect(r.facets.provider).toEqual([
      { value: 'north', count: 2 },
      { value: 'south', count: 1 },
    ]);
    expect(r.facets.skill).toEqual([
      { value: 's2', count: 2 },
      { value: 's1', count: 1 },
    ]);
    expect(r.facets.level).toEqual([{ value: '4', count: 1 }]);
    expect(r.providerNames.get('south')).toBe('South');
  });

  it('applies range filters before facets, and sorts by the requested order', () => {
    expect(index.search({ ...none, isFree: true }, page).pageIds).toEqual(['b', 'c']);
    expect(index.search({ ...none, maxHours: 5 }, page).facets.format).toEqual([{ value: 'cohort', count: 1 }]);
    expect(index.search(none, { ...page, sort: 'shortest' }).pageIds).toEqual(['c', 'a', 'b']);
    expect(index.search(none, { ...page, sort: 'cheapest' }).pageIds[2]).toBe('a');
  });

  it('ranks text matches for relevance and pages through them', () => {
    // Rows a and c, and a row the index does not hold (left out).
    const text = {
      rows: Int32Array.from([index.rowOf('a')!, index.rowOf('c')!, 99]),
      scores: Float64Array.from([0.5, 0.9, 1]),
    };
    const r = index.search(none, { text, sort: 'relevance', page: 1, pageSize: 1 });
    expect(r).toMatchObject({ total: 2, pageIds: ['c'] });
    expect(index.search(none, { text, sort: 'relevance', page: 2, pageSize: 1 }).pageIds).toEqual(['a']);
    expect(index.search(none, { text, sort: 'newest', page: 1, pageSize: 5 }).pageIds).toEqual(['a', 'c']);
  });

  it('replaces a row by id instead of adding it twice', () => {
    const copy = new CatalogIndex();
    copy.upsert([row('x'), row('y')]);
    copy.upsert([row('x', { providerSlug: 'east', providerName: 'East', publishedAt: 5000 })]);
    const r = copy.search(none, page);
    expect(r.total).toBe(2);
    expect(r.pageIds).toEqual(['x', 'y']);
    expect(r.facets.provider.map((f) => f.value).sort()).toEqual(['east', 'north']);
  });

  it('remembers a filter set only until the rows change', () => {
    const copy = new CatalogIndex();
    copy.upsert([row('x'), row('y', { level: 6 })]);
    expect(copy.search({ ...none, levels: [4] }, page).total).toBe(1);
    expect(copy.search({ ...none, levels: [4] }, { ...page, page: 2, pageSize: 1 }).pageIds).toEqual([]);
    copy.upsert([row('y', { level: 4, publishedAt: 9000 })]);
    expect(copy.search({ ...none, levels: [4] }, page)).toMatchObject({ total: 2, pageIds: ['y', 'x'] });
  });

  it('pages relevance by score, then newest, then id', () => {
    const copy = new CatalogIndex();
    const ids = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
    copy.upsert(ids.map((id, i) => row(id, { publishedAt: i < 3 ? 1000 : 2000 })));
    const text = {
      rows: Int32Array.from([0, 1, 2, 3, 4, 5]),
      scores: Float64Array.from([0.1, 0.5, 0.5, 0.5, 0.9, 0.2]),
    };
    const all = copy.search(none, { text, sort: 'relevance', page: 1, pageSize: 6 }).pageIds;
    expect(all).toEqual(['r4', 'r3', 'r1', 'r2', 'r5', 'r0']);
    expect(copy.search(none, { text, sort: 'relevance', page: 2, pageSize: 2 }).pageIds).toEqual(['r1', 'r2']);
    expect(copy.search({ ...none, levels: [5] }, { text, sort: 'relevance', page: 1, pageSize: 2 })).toMatchObject({
      total: 0,
      pageIds: [],
    });
  });
});
