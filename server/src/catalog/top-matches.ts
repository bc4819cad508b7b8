import type { TextMatches } from './catalog-text-index.js';

/**
 * Positions into `text` of the `k` best matches still `matched`, best first (score, then
 * newest, then id): a bounded insertion, since a page needs a few of thousands of matches.
 */
export function topMatches(
  text: TextMatches,
  matched: Uint8Array,
  published: number[],
  ids: string[],
  k: number,
): number[] {
  const { rows, scores } = text;
  const before = (a: number, b: number) => {
    const byScore = scores[a]! - scores[b]!;
    if (byScore !== 0) return byScore > 0;
    const byDate = published[rows[a]!]! - published[rows[b]!]!;
    if (byDate !== 0) return byDate > 0;
    return ids[rows[a]!]! < ids[rows[b]!]!;
  };
  const best: number[] = [];
  for (let p = 0; p < rows.length; p += 1) {
    if (matched[rows[p]!] !== 1) continue;
    if (best.length === k && !before(p, best[k - 1]!)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && before(p, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at -= 1;
    }
    best[at] = p;
  }
  return best;
}
