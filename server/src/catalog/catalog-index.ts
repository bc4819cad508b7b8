import type { TextMatches } from './catalog-text-index.js';
import type { IndexQuery, IndexResult, IndexRow, SortOrder } from './catalog-index-types.js';
import { InternedValues } from './interned-values.js';
import { topMatches } from './top-matches.js';

export type { FacetName, IndexQuery, IndexResult, IndexRow, SortOrder } from './catalog-index-types.js';

const FACET_LIMIT = 30;
const FILTER_CACHE_SIZE = 32;

/** The rows a filter set matches, with its facet counts. */
type Filtered = Omit<IndexResult, 'pageIds'> & { matched: Uint8Array };

const F_SKILL = 0;
const F_PROVIDER = 1;
const F_PARTNER = 2;
const F_LEVEL = 3;
const F_FORMAT = 4;
const F_LANGUAGE = 5;
const F_ACCREDITOR = 6;
const F_ENDORSER = 7;

/** Whether any of a row's values is in the mask. */
function hasAny(values: Int32Array, mask: Uint8Array): boolean {
  for (let k = 0; k < values.length; k += 1) if (mask[values[k]!] === 1) return true;
  return false;
}

/**
 * An in-memory filter, facet and sort index over the catalogue. Counting facets for a broad
 * search in SQL means aggregating tens of thousands of rows per request; here it is one pass
 * over compact arrays of interned values (a few milliseconds per 100,000 programmes). Text
 * matches come in as rows with scores (`CatalogTextIndex`, numbered by this index). Rows are
 * replaced by id, so the index catches up incrementally from a change sequence.
 */
export class CatalogIndex {
  seq = '0';
  readonly #ids: string[] = [];
  readonly #rowOf = new Map<string, number>();
  readonly #skillDict = new InternedValues();
  readonly #providerDict = new InternedValues();
  readonly #partnerDict = new InternedValues();
  readonly #accreditorDict = new InternedValues();
  readonly #endorserDict = new InternedValues();
  readonly #formatDict = new InternedValues();
  readonly #languageDict = new InternedValues();
  readonly #providerNames = new Map<string, string>();
  readonly #skills: Int32Array[] = [];
  readonly #partners: Int32Array[] = [];
  readonly #accreditors: Int32Array[] = [];
  readonly #endorsers: Int32Array[] = [];
  readonly #provider: number[] = [];
  readonly #level: number[] = [];
  readonly #format: number[] = [];
  readonly #language: number[] = [];
  readonly #costMajor: number[] = [];
  readonly #costCurrency: (string | null)[] = [];
  readonly #isFree: boolean[] = [];
  readonly #effort: number[] = [];
  readonly #cpd: number[] = [];
  readonly #weeks: number[] = [];
  readonly #publishedAt: number[] = [];
  #orders: Record<SortOrder, Int32Array> | undefined;
  readonly #filtered = new Map<string, Filtered>();

  get size() {
    return this.#ids.length;
  }

  /** The row number of a programme, if indexed. */
  rowOf(id: string): number | undefined {
    return this.#rowOf.get(id);
  }

  /**
   * Adds or replaces rows (by id) and answers their row numbers, in order (stable for an id);
   * sort orders are rebuilt on the next search.
   */
  upsert(rows: IndexRow[]): number[] {
    const numbers: number[] = [];
    for (const row of rows) {
      let i = this.#rowOf.get(row.id);
      if (i === undefined) {
        i = this.#ids.length;
        this.#rowOf.set(row.id, i);
        this.#ids.push(row.id);
      }
      this.#skills[i] = Int32Array.from(row.skillIds, (s) => this.#skillDict.idOf(s));
      this.#partners[i] = Int32Array.from(row.partnerSlugs, (p) => this.#partnerDict.idOf(p));
      this.#accreditors[i] = Int32Array.from(row.accreditorSlugs ?? [], (p) => this.#accreditorDict.idOf(p));
      this.#endorsers[i] = Int32Array.from(row.endorserSlugs ?? [], (p) => this.#endorserDict.idOf(p));
      this.#provider[i] = this.#providerDict.idOf(row.providerSlug);
      this.#providerNames.set(row.providerSlug, row.providerName);
      this.#level[i] = row.level ?? 0;
      this.#format[i] = this.#formatDict.idOf(row.format);
      this.#language[i] = this.#languageDict.idOf(row.language);
      this.#costMajor[i] = row.costMajor;
      this.#costCurrency[i] = row.costCurrency ?? null;
      this.#isFree[i] = row.isFree;
      this.#effort[i] = row.effortHours;
      this.#cpd[i] = row.cpdHours;
      this.#weeks[i] = row.durationWeeks;
      this.#publishedAt[i] = row.publishedAt;
      numbers.push(i);
    }
    if (rows.length > 0) {
      this.#orders = undefined;
      this.#filtered.clear();
    }
    return numbers;
  }

  #order(sort: SortOrder): Int32Array {
    if (!this.#orders) {
      const ids = this.#ids;
      const base = Int32Array.from(ids.keys());
      const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : 1);
      const published = this.#publishedAt;
      const effort = this.#effort;
      const weeks = this.#weeks;
      const cost = this.#costMajor;
      this.#orders = {
        newest: base.slice().sort((a, b) => published[b]! - published[a]! || byId(a, b)),
        shortest: base.slice().sort((a, b) => effort[a]! - effort[b]! || weeks[a]! - weeks[b]! || byId(a, b)),
        cheapest: base.slice().sort((a, b) => cost[a]! - cost[b]! || effort[a]! - effort[b]! || byId(a, b)),
      };
    }
    return this.#orders[sort];
  }

  /**
   * Filters, counts facets and cuts one page. With `text` only those rows can match and, for
   * relevance, the page follows their score (ties: newest first).
   */
  search(
    query: IndexQuery,
    options: { text?: TextMatches; sort: SortOrder | 'relevance'; page: number; pageSize: number },
  ): IndexResult {
    const { text } = options;
    const { matched, total, facets, providerNames } = text ? this.#filter(query, text) : this.#filterRemembered(query);
    const start = (options.page - 1) * options.pageSize;
    const pageIds: string[] = [];
    const ids = this.#ids;
    if (options.sort === 'relevance' && text) {
      for (const k of topMatches(text, matched, this.#publishedAt, ids, start + options.pageSize).slice(start))
        pageIds.push(ids[text.rows[k]!]!);
    } else if (start < total) {
      const order = this.#order(options.sort === 'relevance' ? 'newest' : options.sort);
      let seen = 0;
      for (const i of order) {
        if (matched[i] !== 1) continue;
        if (seen >= start) pageIds.push(ids[i]!);
        seen += 1;
        if (pageIds.length === options.pageSize) break;
      }
    }
    return { total, pageIds, facets, providerNames };
  }

  /**
   * Filtering without text, remembered per filter set until the index changes: the landing
   * page's browse and paging through one set of filters count facets once.
   */
  #filterRemembered(query: IndexQuery): Filtered {
    const key = JSON.stringify(query);
    const known = this.#filtered.get(key);
    if (known) return known;
    const found = this.#filter(query);
    if (this.#filtered.size >= FILTER_CACHE_SIZE) this.#filtered.delete(this.#filtered.keys().next().value!);
    this.#filtered.set(key, found);
    return found;
  }

  #filter(query: IndexQuery, text?: TextMatches): Filtered {
    const n = this.#ids.length;
    const skillMask = this.#skillDict.mask(query.skills);
    const providerMask = this.#providerDict.mask(query.providers);
    const partnerMask = this.#partnerDict.mask(query.partners);
    const accreditorMask = this.#accreditorDict.mask(query.accreditedBy ?? []);
    const endorserMask = this.#endorserDict.mask(query.endorsedBy ?? []);
    const formatMask = this.#formatDict.mask(query.formats);
    const languageMask = this.#languageDict.mask(query.languages);
    let levelMask: Uint8Array | null = null;
    if (query.levels.length > 0) {
      levelMask = new Uint8Array(9);
      for (const l of query.levels) levelMask[l] = 1;
    }
    const skillCounts = new Int32Array(this.#skillDict.values.length);
    const providerCounts = new Int32Array(this.#providerDict.values.length);
    const partnerCounts = new Int32Array(this.#partnerDict.values.length);
    const accreditorCounts = new Int32Array(this.#accreditorDict.values.length);
    const endorserCounts = new Int32Array(this.#endorserDict.values.length);
    const levelCounts = new Int32Array(9);
    const formatCounts = new Int32Array(this.#formatDict.values.length);
    const languageCounts = new Int32Array(this.#languageDict.values.length);
    const { minCost, maxCost, costCurrency, isFree, maxHours, minCpd, maxWeeks } = query;
    const skills = this.#skills;
    const partners = this.#partners;
    const accreditors = this.#accreditors;
    const endorsers = this.#endorsers;
    const provider = this.#provider;
    const level = this.#level;
    const format = this.#format;
    const language = this.#language;
    const matched = new Uint8Array(n);
    let total = 0;

    const visit = (i: number) => {
      if (costCurrency !== undefined && !this.#isFree[i] && this.#costCurrency[i] !== costCurrency) return;
      if (minCost !== undefined && this.#costMajor[i]! < minCost) return;
      if (maxCost !== undefined && this.#costMajor[i]! > maxCost) return;
      if (isFree !== undefined && this.#isFree[i] !== isFree) return;
      if (maxHours !== undefined && this.#effort[i]! > maxHours) return;
      if (minCpd !== undefined && this.#cpd[i]! < minCpd) return;
      if (maxWeeks !== undefined && this.#weeks[i]! > maxWeeks) return;
      // A row counts for a facet when it passes every facet filter except, perhaps, that one.
      let failures = 0;
      let failed = -1;
      const sk = skills[i]!;
      const pa = partners[i]!;
      if (skillMask) {
        let ok = false;
        for (let k = 0; k < sk.length; k += 1)
          if (skillMask[sk[k]!] === 1) {
            ok = true;
            break;
          }
        if (!ok) {
          failures += 1;
          failed = F_SKILL;
        }
      }
      if (providerMask && providerMask[provider[i]!] !== 1) {
        failures += 1;
        failed = F_PROVIDER;
      }
      if (partnerMask) {
        let ok = false;
        for (let k = 0; k < pa.length; k += 1)
          if (partnerMask[pa[k]!] === 1) {
            ok = true;
            break;
          }
        if (!ok) {
          failures += 1;
          failed = F_PARTNER;
        }
      }
      const ac = accreditors[i]!;
      const en = endorsers[i]!;
      if (accreditorMask && !hasAny(ac, accreditorMask)) {
        failures += 1;
        failed = F_ACCREDITOR;
      }
      if (endorserMask && !hasAny(en, endorserMask)) {
        failures += 1;
        failed = F_ENDORSER;
      }
      if (levelMask && levelMask[level[i]!] !== 1) {
        failures += 1;
        failed = F_LEVEL;
      }
      if (formatMask && formatMask[format[i]!] !== 1) {
        failures += 1;
        failed = F_FORMAT;
      }
      if (languageMask && languageMask[language[i]!] !== 1) {
        failures += 1;
        failed = F_LANGUAGE;
      }
      if (failures > 1) return;
      const all = failures === 0;
      if (all || failed === F_SKILL) for (let k = 0; k < sk.length; k += 1) skillCounts[sk[k]!]! += 1;
      if (all || failed === F_PROVIDER) providerCounts[provider[i]!]! += 1;
      if (all || failed === F_PARTNER) for (let k = 0; k < pa.length; k += 1) partnerCounts[pa[k]!]! += 1;
      if (all || failed === F_LEVEL) levelCounts[level[i]!]! += 1;
      if (all || failed === F_FORMAT) formatCounts[format[i]!]! += 1;
      if (all || failed === F_LANGUAGE) languageCounts[language[i]!]! += 1;
      if (all || failed === F_ACCREDITOR) for (let k = 0; k < ac.length; k += 1) accreditorCounts[ac[k]!]! += 1;
      if (all || failed === F_ENDORSER) for (let k = 0; k < en.length; k += 1) endorserCounts[en[k]!]! += 1;
      if (all) {
        matched[i] = 1;
        total += 1;
      }
    };

    if (text) {
      for (let k = 0; k < text.rows.length; k += 1) if (text.rows[k]! < n) visit(text.rows[k]!);
    } else {
      for (let i = 0; i < n; i += 1) visit(i);
    }

    const top = (counts: Int32Array, valueOf: (i: number) => string, limit = FACET_LIMIT) => {
      const out: { value: string; count: number }[] = [];
      for (let i = 0; i < counts.length; i += 1) if (counts[i]! > 0) out.push({ value: valueOf(i), count: counts[i]! });
      return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, limit);
    };
    const providerNames = new Map<string, string>();
    const providerFacet = top(providerCounts, (i) => this.#providerDict.values[i]!);
    for (const f of providerFacet) providerNames.set(f.value, this.#providerNames.get(f.value) ?? f.value);
    return {
      matched,
      total,
      facets: {
        skill: top(skillCounts, (i) => this.#skillDict.values[i]!),
        provider: providerFacet,
        partner: top(partnerCounts, (i) => this.#partnerDict.values[i]!),
        level: top(levelCounts.subarray(1), (i) => String(i + 1), 8),
        format: top(formatCounts, (i) => this.#formatDict.values[i]!, 3),
        language: top(languageCounts, (i) => this.#languageDict.values[i]!),
        accreditedBy: top(accreditorCounts, (i) => this.#accreditorDict.values[i]!),
        endorsedBy: top(endorserCounts, (i) => this.#endorserDict.values[i]!),
      },
      providerNames,
    };
  }
}
