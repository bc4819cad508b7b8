import type { TsQueryNode } from './tsquery.js';
import { InternedValues } from './interned-values.js';

/**
 * Programmes a text query matched, by row of the catalogue index: `rows` ascending, `scores`
 * beside them (higher is more relevant).
 */
export type TextMatches = { rows: Int32Array; scores: Float64Array };

/** One row's search document: its lexemes with the weight letter of each occurrence, and its title. */
export type TextDocument = { terms: [lexeme: string, weights: string][]; title: string };

// PostgreSQL's default ts_rank weights for D, C, B, A.
const WEIGHT: Record<string, number> = { A: 1, B: 0.4, C: 0.2, D: 0.1 };
/** pg_trgm's default `word_similarity_threshold`. */
const TITLE_SIMILARITY = 0.6;

/**
 * The score of one lexeme in one document, in the manner of ts_rank: its heaviest occurrence
 * counts fully, each further one less (1/k²), so a title word outranks any number of
 * description words.
 */
function termScore(weights: string): number {
  if (weights.length === 0) return WEIGHT.D!;
  const values = Array.from(weights, (w) => WEIGHT[w] ?? WEIGHT.D!).sort((a, b) => b - a);
  let score = 0;
  for (let k = 0; k < values.length; k += 1) score += values[k]! / ((k + 1) * (k + 1));
  return score;
}

/** Words as pg_trgm sees them: runs of letters and digits, lower case. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A word's trigrams, padded as pg_trgm pads them (two spaces before, one after). */
function trigrams(word: string): Set<string> {
  const chars = Array.from(`  ${word} `);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

/** Rows of each term, ascending, from every row's sorted term ids. */
function buildPostings(rowTerms: Int32Array[], termCount: number): Int32Array[] {
  const counts = new Int32Array(termCount);
  for (const terms of rowTerms) if (terms) for (let k = 0; k < terms.length; k += 1) counts[terms[k]!]! += 1;
  const postings = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(termCount);
  for (let row = 0; row < rowTerms.length; row += 1) {
    const terms = rowTerms[row];
    if (!terms) continue;
    for (let k = 0; k < terms.length; k += 1) {
      const t = terms[k]!;
      postings[t]![fill[t]!] = row;
      fill[t]! += 1;
    }
  }
  return postings;
}

function sortedUnique(ids: number[]): Int32Array {
  return Int32Array.from(new Set(ids)).sort();
}

/**
 * An in-memory inverted index over the catalogue's weighted search documents (the tsvector
 * PostgreSQL computed for each row), so a broad query such as one common word is answered
 * without visiting thousands of heap rows: PostgreSQL only turns the words into a tsquery
 * (stemming stays PostgreSQL's), and matching and ranking are array work here. Titles are
 * also indexed by word and trigram, for the typo-forgiving fallback in the manner of
 * pg_trgm's `word_similarity`. Rows are numbered by the catalogue index and replaced in place;
 * posting lists are rebuilt on the first search after a change.
 */
export class CatalogTextIndex {
  readonly #lexemes = new InternedValues();
  readonly #titleWords = new InternedValues();
  /** Per row: sorted lexeme ids, the score of each, and the ts_rank length normalisation. */
  readonly #rowTerms: Int32Array[] = [];
  readonly #rowScores: Float32Array[] = [];
  readonly #rowNorm: number[] = [];
  readonly #rowTitleWords: Int32Array[] = [];
  #postings: Int32Array[] | undefined;
  #titlePostings: Int32Array[] | undefined;
  /** Title word ids by trigram, and each title word's trigram count. */
  readonly #wordsByTrigram = new Map<string, number[]>();
  readonly #trigramCount: number[] = [];

  get rowCount() {
    return this.#rowTerms.length;
  }

  /** Sets (or replaces) the document of a row. */
  set(row: number, doc: TextDocument) {
    const pairs = doc.terms
      .map(([lexeme, weights]) => [this.#lexemes.idOf(lexeme), termScore(weights), weights.length || 1] as const)
      .sort((a, b) => a[0] - b[0]);
    const terms = new Int32Array(pairs.length);
    const scores = new Float32Array(pairs.length);
    let length = 0;
    pairs.forEach(([id, score, occurrences], k) => {
      terms[k] = id;
      scores[k] = score;
      length += occurrences;
    });
    this.#rowTerms[row] = terms;
    this.#rowScores[row] = scores;
    // ts_rank normalisation 1: divide by 1 + log(document length).
    this.#rowNorm[row] = 1 + Math.log(1 + length);
    this.#rowTitleWords[row] = sortedUnique(
      words(doc.title).map((w) => {
        const known = this.#titleWords.find(w);
        if (known !== undefined) return known;
        const id = this.#titleWords.idOf(w);
        const grams = trigrams(w);
        this.#trigramCount[id] = grams.size;
        for (const g of grams) {
          const list = this.#wordsByTrigram.get(g);
          if (list) list.push(id);
          else this.#wordsByTrigram.set(g, [id]);
        }
        return id;
      }),
    );
    this.#postings = undefined;
    this.#titlePostings = undefined;
  }

  #scoreOf(row: number, term: number): number {
    const terms = this.#rowTerms[row]!;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = terms[mid]!;
      if (t === term) return this.#rowScores[row]![mid]!;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /**
   * Rows whose document satisfies the query (`&`, `|`, `!` over lexemes), scored as the sum of
   * the matched lexemes' scores over the length normalisation. `size` is the number of rows of
   * the catalogue index (rows beyond what this index holds never match).
   */
  match(query: TsQueryNode, size: number): TextMatches {
    this.#postings ??= buildPostings(this.#rowTerms, this.#lexemes.values.length);
    const postings = this.#postings;
    // Dense per-row scores: -1 for "does not match", so NOT and AND are one pass each.
    const evaluate = (node: TsQueryNode): Float32Array => {
      switch (node.op) {
        case 'term': {
          const out = new Float32Array(size).fill(-1);
          const term = this.#lexemes.find(node.lexeme);
          if (term === undefined) return out;
          const rows = postings[term]!;
          for (let k = 0; k < rows.length; k += 1) {
            const row = rows[k]!;
            if (row < size) out[row] = this.#scoreOf(row, term);
          }
          return out;
        }
        case 'not': {
          const arg = evaluate(node.arg);
          for (let i = 0; i < size; i += 1) arg[i] = arg[i]! < 0 ? 0 : -1;
          return arg;
        }
        case 'and': {
          const left = evaluate(node.left);
          const right = evaluate(node.right);
          for (let i = 0; i < size; i += 1) left[i] = left[i]! < 0 || right[i]! < 0 ? -1 : left[i]! + right[i]!;
          return left;
        }
        case 'or': {
          const left = evaluate(node.left);
          const right = evaluate(node.right);
          for (let i = 0; i < size; i += 1) {
            const a = left[i]!;
            const b = right[i]!;
            left[i] = a < 0 && b < 0 ? -1 : Math.max(a, 0) + Math.max(b, 0);
          }
          return left;
        }
      }
    };
    const dense = evaluate(query);
    const rows: number[] = [];
    for (let i = 0; i < size; i += 1) if (dense[i]! >= 0 && this.#rowTerms[i]) rows.push(i);
    const scores = new Float64Array(rows.length);
    rows.forEach((row, k) => {
      scores[k] = dense[row]! / this.#rowNorm[row]!;
    });
    return { rows: Int32Array.from(rows), scores };
  }

  /**
   * Rows whose title looks like the query, forgiving typos: for each query word, the title word
   * sharing the most trigrams with it; a row matches when those shared trigrams make up at
   * least 60 % of the query's (as pg_trgm's `q <% title` with its default threshold), scored by
   * that share.
   */
  matchTitles(q: string, size: number): TextMatches {
    this.#titlePostings ??= buildPostings(this.#rowTitleWords, this.#titleWords.values.length);
    const titlePostings = this.#titlePostings;
    const queryWords = [...new Set(words(q))];
    const grams = queryWords.map(trigrams);
    const total = grams.reduce((s, g) => s + g.size, 0);
    if (total === 0) return { rows: new Int32Array(0), scores: new Float64Array(0) };
    const shared = new Uint16Array(size);
    for (const queryGrams of grams) {
      // Shared trigram count per title word, then the best title word per row.
      const common = new Map<number, number>();
      for (const g of queryGrams)
        for (const w of this.#wordsByTrigram.get(g) ?? []) common.set(w, (common.get(w) ?? 0) + 1);
      const best = new Uint16Array(size);
      const touched: number[] = [];
      for (const [w, c] of common) {
        // One shared trigram (a first letter, say) says nothing about a word.
        if (c < 2) continue;
        const rows = titlePostings[w]!;
        for (let k = 0; k < rows.length; k += 1) {
          const row = rows[k]!;
          if (row >= size) continue;
          if (best[row] === 0) touched.push(row);
          if (c > best[row]!) best[row] = c;
        }
      }
      for (const row of touched) shared[row]! += best[row]!;
    }
    const rows: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < size; i += 1) {
      const share = shared[i]! / total;
      if (share >= TITLE_SIMILARITY) {
        rows.push(i);
        scores.push(share);
      }
    }
    return { rows: Int32Array.from(rows), scores: Float64Array.from(scores) };
  }
}
