import { describe, expect, it } from 'vitest';
import { CatalogTextIndex } from './catalog-text-index.js';
import { parseTsQuery, type TsQueryNode } from './tsquery.js';

const parse = (text: string) => parseTsQuery(text) as TsQueryNode;

describe('parseTsQuery', () => {
  it('reads lexemes, and, or and not with their precedence', () => {
    expect(parseTsQuery("'data' & 'safeti' | !'risk'")).toEqual({
      op: 'or',
      left: { op: 'and', left: { op: 'term', lexeme: 'data' }, right: { op: 'term', lexeme: 'safeti' } },
      right: { op: 'not', arg: { op: 'term', lexeme: 'risk' } },
    });
    expect(parseTsQuery("'o''brien' & ( 'a' | 'b' )")).toEqual({
      op: 'and',
      left: { op: 'term', lexeme: "o'brien" },
      right: { op: 'or', left: { op: 'term', lexeme: 'a' }, right: { op: 'term', lexeme: 'b' } },
    });
    expect(parseTsQuery('')).toEqual({ op: 'empty' });
  });

  it('leaves phrases, prefixes and weights to PostgreSQL', () => {
    expect(parseTsQuery("'risk' <-> 'assess'")).toBeNull();
    expect(parseTsQuery("'a' <2> 'b'")).toBeNull();
    expect(parseTsQuery("'data':*")).toBeNull();
    expect(parseTsQuery("'data':AB")).toBeNull();
    expect(parseTsQuery("'data' &")).toBeNull();
  });
});

describe('CatalogTextIndex', () => {
  const index = new CatalogTextIndex();
  index.set(0, {
    title: 'Data Safety for Teams',
    terms: [
      ['data', 'ABD'],
      ['safeti', 'A'],
      ['team', 'A'],
    ],
  });
  index.set(1, {
    title: 'Charts that Work',
    terms: [
      ['chart', 'A'],
      ['data', 'D'],
      ['work', 'A'],
    ],
  });
  index.set(2, {
    title: 'Site Safety Basics',
    terms: [
      ['site', 'A'],
      ['safeti', 'AB'],
      ['risk', 'BC'],
    ],
  });
  const match = (q: string, size = 3) => {
    const r = index.match(parse(q), size);
    return [...r.rows]
      .map((row, k) => [row, r.scores[k]!] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([row]) => row);
  };

  it('matches and ranks a title word above the same word in a description', () => {
    expect(match("'data'")).toEqual([0, 1]);
    expect(match("'safeti' & 'risk'")).toEqual([2]);
    expect(match("'chart' | 'risk'").sort()).toEqual([1, 2]);
    expect(match("'safeti' & !'risk'")).toEqual([0]);
    expect(match("'nothing'")).toEqual([]);
    // Rows beyond the catalogue index's size are not part of it yet.
    expect(match("'data'", 1)).toEqual([0]);
  });

  it('replaces a row in place', () => {
    const copy = new CatalogTextIndex();
    copy.set(0, { title: 'Old', terms: [['old', 'A']] });
    expect(copy.match(parse("'old'"), 1).rows).toHaveLength(1);
    copy.set(0, { title: 'New', terms: [['new', 'A']] });
    expect(copy.match(parse("'old'"), 1).rows).toHaveLength(0);
    expect([...copy.match(parse("'new'"), 1).rows]).toEqual([0]);
  });

  it('finds titles that look like the query, forgiving typos', () => {
    expect([...index.matchTitles('charts thta work', 3).rows]).toEqual([1]);
    expect([...index.matchTitles('saftey', 3).rows]).toEqual([]);
    expect([...index.matchTitles('safetty basics', 3).rows]).toEqual([2]);
    expect([...index.matchTitles('zzzz', 3).rows]).toEqual([]);
  });
});
