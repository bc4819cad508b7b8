/**
 * Which published programmes and pathways to take to gain a set of skills: a weighted set cover
 * over the catalogue's skill alignments. Pure: no database, no clock.
 *
 * Exact set cover is NP-hard; the greedy rule (take whatever costs least per skill it newly
 * covers, then drop steps the others make redundant) stays within a factor ln(n) of the optimum
 * and answers a 100,000-programme catalogue in milliseconds: of options covering the same
 * needed skills only the best can be taken, so only it enters the greedy. Evaluation is lazy: an option's
 * price per new skill only rises as skills get covered, so a stale heap key is a lower bound and
 * an option is re-priced only when it reaches the top.
 *
 * Money stays honest: amounts in different currencies are compared only through operator-set
 * rates. Without a rate, an option priced in another currency than the plan's is used only when
 * nothing priced in the plan's currency (or free) covers what it covers.
 */

export type Money = { amountMinor: number; currency: string };

export type CoverOption = {
  kind: 'programme' | 'pathway';
  id: string;
  name: string;
  slug?: string | undefined;
  providerSlug?: string | undefined;
  cost: Money | null;
  hours: number;
  cpdHours: number;
  durationWeeks: number | null;
  accreditedBy?: string[] | undefined;
  language?: string | null | undefined;
  skillIds: readonly string[];
};

export type CoverRates = {
  /** The currency totals are converted to. */
  currency: string;
  /** Units of `currency` for one unit of `from`, or null when the operator set no rate. */
  rateFrom(from: string): number | null;
};

export type CoverRequest = {
  skillIds: readonly string[];
  options: readonly CoverOption[];
  optimise: 'cost' | 'time';
  rates?: CoverRates | undefined;
  /** The plan's currency when there are no rates; defaults to the most common among candidates. */
  currency?: string | undefined;
};

export type CoverStep = {
  /** The needed skills this step is the first to cover, in plan order. */
  covers: string[];
} & CoverOption;

export type CoverPlan = {
  steps: CoverStep[];
  uncovered: string[];
  totals: {
    /** One entry per currency, never summed across currencies. */
    cost: Money[];
    /** The sum in `rates.currency`; null without rates or when some step has no rate. */
    converted: Money | null;
    hours: number;
    cpdHours: number;
  };
};

/** [comparable class, primary weight, secondary weight]: lower is better, compared in order. */
type Weight = readonly [number, number, number];

type Candidate = { option: CoverOption; needed: string[]; weight: Weight };

type Keyed = { candidate: Candidate; key: readonly [number, number, number]; fresh: number };

export function planSkillCover(request: CoverRequest): CoverPlan {
  const needs = new Set(request.skillIds);
  const candidates = candidatesFor(request.options, needs);
  const priceOf = pricing(request, candidates);
  for (const c of candidates) c.weight = weightOf(c.option, request.optimise, priceOf);

  const chosen = lazyGreedy(bestPerCoverage(candidates), needs);
  const steps = pruneRedundant(chosen, needs);
  const covered = new Set(steps.flatMap((s) => s.covers));
  const uncovered = request.skillIds.filter((id, i, all) => !covered.has(id) && all.indexOf(id) === i);
  return { steps, uncovered, totals: totalsOf(steps, request.rates) };
}

function candidatesFor(options: readonly CoverOption[], needs: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  // Called on tens of thousands of options per plan: a plain loop, no Set per option.
  for (const option of options) {
    let needed: string[] | undefined;
    for (const id of option.skillIds) if (needs.has(id) && !needed?.includes(id)) (needed ??= []).push(id);
    if (needed) out.push({ option, needed, weight: [0, 0, 0] });
  }
  return out;
}

/** Converts an option's price to a comparable number, or null when it cannot be compared. */
function pricing(request: CoverRequest, candidates: Candidate[]): (cost: Money | null) => number | null {
  const rates = request.rates;
  if (rates) {
    return (cost) => {
      if (!cost || cost.amountMinor === 0) return 0;
      const rate = cost.currency === rates.currency ? 1 : rates.rateFrom(cost.currency);
      return rate === null ? null : cost.amountMinor * rate;
    };
  }
  const currency = request.currency ?? mostCommonCurrency(candidates);
  return (cost) => {
    if (!cost || cost.amountMinor === 0) return 0;
    return cost.currency === currency ? cost.amountMinor : null;
  };
}

function mostCommonCurrency(candidates: Candidate[]): string | null {
  const counts = new Map<string, number>();
  for (const { option } of candidates)
    if (option.cost) counts.set(option.cost.currency, (counts.get(option.cost.currency) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [currency, count] of counts)
    if (count > bestCount || (count === bestCount && best !== null && currency < best)) {
      best = currency;
      bestCount = count;
    }
  return best;
}

function weightOf(option: CoverOption, optimise: 'cost' | 'time', priceOf: (c: Money | null) => number | null): Weight {
  const price = priceOf(option.cost);
  const hours = Math.max(0, option.hours);
  if (optimise === 'time') return [0, hours, price ?? Number.MAX_SAFE_INTEGER];
  return price === null ? [1, option.cost?.amountMinor ?? 0, hours] : [0, price, hours];
}

/**
 * Of candidates that cover exactly the same needed skills, only the best (lowest weight, then
 * lowest id) can ever be chosen: their keys share `fresh` at every step, so the greedy always
 * meets the best first, and once it is taken the others add nothing. Keeping only it gives the
 * same plan from a heap of a few hundred instead of tens of thousands (a 20-skill goal over
 * 100,000 programmes).
 */
function bestPerCoverage(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = c.needed.length === 1 ? c.needed[0]! : [...c.needed].sort().join('\u0000');
    const held = best.get(key);
    if (!held || isLighter(c, held)) best.set(key, c);
  }
  return [...best.values()];
}

function isLighter(a: Candidate, b: Candidate): boolean {
  for (let i = 0; i < 3; i++) if (a.weight[i] !== b.weight[i]) return a.weight[i]! < b.weight[i]!;
  return a.option.id < b.option.id;
}

function keyOf(c: Candidate, fresh: number): readonly [number, number, number] {
  return [c.weight[0], c.weight[1] / fresh, c.weight[2] / fresh];
}

function before(a: Keyed, b: Keyed): boolean {
  for (let i = 0; i < 3; i++) if (a.key[i] !== b.key[i]) return a.key[i]! < b.key[i]!;
  if (a.fresh !== b.fresh) return a.fresh > b.fresh;
  return a.candidate.option.id < b.candidate.option.id;
}

function lazyGreedy(candidates: Candidate[], needs: ReadonlySet<string>): Candidate[] {
  const heap = new MinHeap<Keyed>(before);
  for (const c of candidates) heap.push({ candidate: c, key: keyOf(c, c.needed.length), fresh: c.needed.length });
  const covered = new Set<string>();
  const chosen: Candidate[] = [];
  while (covered.size < needs.size && heap.size > 0) {
    const top = heap.pop()!;
    const fresh = top.candidate.needed.filter((id) => !covered.has(id)).length;
    if (fresh === 0) continue;
    if (fresh !== top.fresh) {
      heap.push({ candidate: top.candidate, key: keyOf(top.candidate, fresh), fresh });
      continue;
    }
    chosen.push(top.candidate);
    for (const id of top.candidate.needed) covered.add(id);
  }
  return chosen;
}

/** Drops steps whose skills the others cover, dearest first, then says what each step adds. */
function pruneRedundant(chosen: Candidate[], needs: ReadonlySet<string>): CoverStep[] {
  const count = new Map<string, number>();
  for (const c of chosen) for (const id of c.needed) count.set(id, (count.get(id) ?? 0) + 1);
  const dearestFirst = [...chosen].sort((a, b) => {
    for (let i = 0; i < 3; i++) if (a.weight[i] !== b.weight[i]) return b.weight[i]! - a.weight[i]!;
    return 0;
  });
  const dropped = new Set<Candidate>();
  for (const c of dearestFirst) {
    if (c.needed.every((id) => (count.get(id) ?? 0) > 1)) {
      dropped.add(c);
      for (const id of c.needed) count.set(id, count.get(id)! - 1);
    }
  }
  const covered = new Set<string>();
  const steps: CoverStep[] = [];
  for (const c of chosen) {
    if (dropped.has(c)) continue;
    const covers = c.needed.filter((id) => needs.has(id) && !covered.has(id));
    for (const id of covers) covered.add(id);
    steps.push({ ...c.option, covers });
  }
  return steps;
}

function totalsOf(steps: CoverStep[], rates: CoverRates | undefined): CoverPlan['totals'] {
  const byCurrency = new Map<string, number>();
  let converted: number | null = rates ? 0 : null;
  let hours = 0;
  let cpdHours = 0;
  for (const step of steps) {
    hours += step.hours;
    cpdHours += step.cpdHours;
    if (!step.cost) continue;
    byCurrency.set(step.cost.currency, (byCurrency.get(step.cost.currency) ?? 0) + step.cost.amountMinor);
    if (rates && converted !== null) {
      const rate = step.cost.currency === rates.currency ? 1 : rates.rateFrom(step.cost.currency);
      converted = rate === null ? null : converted + step.cost.amountMinor * rate;
    }
  }
  const cost = [...byCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor }));
  cost.sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    cost,
    converted: rates && converted !== null ? { currency: rates.currency, amountMinor: Math.round(converted) } : null,
    hours,
    cpdHours,
  };
}

/** A binary heap ordered by `less`. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size() {
    return this.items.length;
  }

  push(item: T) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.less(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.less(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}
