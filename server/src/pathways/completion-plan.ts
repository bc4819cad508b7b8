import {
  evaluatePathway,
  matchesRef,
  walkTree,
  type HeldCredential,
  type RequirementNode,
} from './requirement-tree.js';

/** A published programme a learner could still take, as the catalogue offers it. */
export type CatalogueOffer = {
  microcredentialId: string;
  title: string;
  providerName: string;
  /** Cost in minor units (0 when free). */
  costMinor: number;
  currency: string | null;
  effortHours: number;
  durationWeeks: number;
  cpdHours: number;
  credits: number;
  skillIds: readonly string[];
};

export type CompletionPlan = {
  offers: {
    microcredentialId: string;
    title: string;
    providerName: string;
    costMinor: number;
    currency: string | null;
    effortHours: number;
    durationWeeks: number;
  }[];
  /** Summed per currency; free programmes add nothing. */
  cost: { currency: string; amountMinor: number }[];
  costMinor: number;
  effortHours: number;
  /** Weeks if the programmes are taken one after another. */
  durationWeeks: number;
  cpdHours: number;
};

export type CompletionOptions = {
  isSatisfied: boolean;
  /** Null when no set of catalogue programmes finishes the pathway (e.g. an external achievement is missing). */
  cheapest: CompletionPlan | null;
  shortest: CompletionPlan | null;
  /** True when every combination of the relevant programmes was tried; false after a greedy search. */
  isExact: boolean;
  /** Achievement requirements no programme on Cairn can meet (external ones, unpublished ones). */
  unreachableNodeIds: string[];
};

/** Up to this many relevant programmes every combination is tried (2^12 evaluations). */
const EXHAUSTIVE_LIMIT = 12;
/** Programmes kept per threshold or skill requirement: the best by cost and by effort. */
const PER_THRESHOLD = 6;

function asHeld(offer: CatalogueOffer): HeldCredential {
  return {
    ref: `offer:${offer.microcredentialId}`,
    name: offer.title,
    achievementId: `offer:${offer.microcredentialId}`,
    issuerDid: '',
    microcredentialId: offer.microcredentialId,
    cpdHours: offer.cpdHours,
    credits: offer.credits,
    skillIds: offer.skillIds,
  };
}

function planOf(offers: CatalogueOffer[]): CompletionPlan {
  const byCurrency = new Map<string, number>();
  for (const o of offers)
    if (o.costMinor > 0 && o.currency) byCurrency.set(o.currency, (byCurrency.get(o.currency) ?? 0) + o.costMinor);
  return {
    offers: offers.map((o) => ({
      microcredentialId: o.microcredentialId,
      title: o.title,
      providerName: o.providerName,
      costMinor: o.costMinor,
      currency: o.currency,
      effortHours: o.effortHours,
      durationWeeks: o.durationWeeks,
    })),
    cost: [...byCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor })),
    costMinor: offers.reduce((a, o) => a + o.costMinor, 0),
    effortHours: offers.reduce((a, o) => a + o.effortHours, 0),
    durationWeeks: offers.reduce((a, o) => a + o.durationWeeks, 0),
    cpdHours: offers.reduce((a, o) => a + o.cpdHours, 0),
  };
}

/** The programmes that could move an unmet requirement forward; the rest cannot matter. */
function relevantOffers(root: RequirementNode, held: readonly HeldCredential[], offers: readonly CatalogueOffer[]) {
  const evaluation = evaluatePathway(root, held);
  const relevant = new Map<string, CatalogueOffer>();
  const unreachable: string[] = [];
  const keepBest = (candidates: CatalogueOffer[], score: (o: CatalogueOffer) => number) => {
    const useful = candidates.filter((o) => score(o) > 0);
    const byCost = [...useful].sort((a, b) => a.costMinor / score(a) - b.costMinor / score(b)).slice(0, PER_THRESHOLD);
    const byEffort = [...useful]
      .sort((a, b) => a.effortHours / score(a) - b.effortHours / score(b))
      .slice(0, PER_THRESHOLD);
    for (const o of [...byCost, ...byEffort]) relevant.set(o.microcredentialId, o);
  };
  walkTree(root, (node) => {
    if (evaluation.perNode[node.id]?.isSatisfied) return;
    switch (node.type) {
      case 'achievement': {
        const offered = offers.filter((o) => matchesRef(node.ref, asHeld(o)));
        if (offered.length === 0) unreachable.push(node.id);
        for (const o of offered) relevant.set(o.microcredentialId, o);
        break;
      }
      case 'minCpdHours':
        keepBest([...offers], (o) => o.cpdHours);
        break;
      case 'minCredits':
        keepBest([...offers], (o) => o.credits);
        break;
      case 'skills': {
        const missing = node.skillIds.filter((s) => !held.some((h) => h.skillIds.includes(s)));
        keepBest([...offers], (o) => o.skillIds.filter((s) => missing.includes(s)).length);
        break;
      }
      case 'all':
      case 'atLeast':
        break;
    }
  });
  // Programmes already held add nothing.
  const heldMicro = new Set(held.map((h) => h.microcredentialId).filter(Boolean));
  return {
    evaluation,
    candidates: [...relevant.values()].filter((o) => !heldMicro.has(o.microcredentialId)),
    unreachable,
  };
}

type Scored = { offers: CatalogueOffer[]; cost: number; effort: number };

function better(a: Scored, b: Scored | null, primary: 'cost' | 'effort'): boolean {
  if (!b) return true;
  const [pa, pb, sa, sb] =
    primary === 'cost' ? [a.cost, b.cost, a.effort, b.effort] : [a.effort, b.effort, a.cost, b.cost];
  return pa < pb || (pa === pb && (sa < sb || (sa === sb && a.offers.length < b.offers.length)));
}

function finishes(root: RequirementNode, held: readonly HeldCredential[], chosen: CatalogueOffer[]): boolean {
  return evaluatePathway(root, [...held, ...chosen.map(asHeld)]).isSatisfied;
}

/** Adds the programme that moves the tree furthest per unit of `weight` until it is met, then drops any that turned out unneeded. */
function greedy(
  root: RequirementNode,
  held: readonly HeldCredential[],
  candidates: CatalogueOffer[],
  weight: (o: CatalogueOffer) => number,
): CatalogueOffer[] | null {
  const chosen: CatalogueOffer[] = [];
  const pool = [...candidates];
  const progress = (set: CatalogueOffer[]) => {
    const e = evaluatePathway(root, [...held, ...set.map(asHeld)]);
    // Satisfied nodes are a finer measure than done/required for thresholds.
    return e.done / Math.max(e.required, 1) + Object.values(e.perNode).filter((s) => s.isSatisfied).length / 1000;
  };
  while (!finishes(root, held, chosen)) {
    const base = progress(chosen);
    let best: { offer: CatalogueOffer; score: number } | null = null;
    for (const offer of pool) {
      const gain = progress([...chosen, offer]) - base;
      if (gain <= 0) continue;
      const score = gain / (weight(offer) + 1e-6);
      if (!best || score > best.score) best = { offer, score };
    }
    if (!best) return null;
    chosen.push(best.offer);
    pool.splice(pool.indexOf(best.offer), 1);
  }
  for (const offer of [...chosen].sort((a, b) => weight(b) - weight(a))) {
    const without = chosen.filter((o) => o !== offer);
    if (finishes(root, held, without)) chosen.splice(chosen.indexOf(offer), 1);
  }
  return chosen;
}

/**
 * The cheapest and the shortest (least effort) set of catalogue programmes that would finish a
 * pathway for someone holding `held`. Tries every combination of the relevant programmes when
 * there are few, and a greedy choice with pruning otherwise (`isExact` says which).
 */
export function cheapestAndShortestCompletion(
  root: RequirementNode,
  held: readonly HeldCredential[],
  offers: readonly CatalogueOffer[],
): CompletionOptions {
  const { evaluation, candidates, unreachable } = relevantOffers(root, held, offers);
  if (evaluation.isSatisfied) {
    const none = planOf([]);
    return { isSatisfied: true, cheapest: none, shortest: none, isExact: true, unreachableNodeIds: [] };
  }
  let cheapest: Scored | null = null;
  let shortest: Scored | null = null;
  const consider = (set: CatalogueOffer[]) => {
    const scored: Scored = {
      offers: set,
      cost: set.reduce((a, o) => a + o.costMinor, 0),
      effort: set.reduce((a, o) => a + o.effortHours, 0),
    };
    if (better(scored, cheapest, 'cost')) cheapest = scored;
    if (better(scored, shortest, 'effort')) shortest = scored;
  };
  const isExact = candidates.length <= EXHAUSTIVE_LIMIT;
  if (isExact) {
    const total = 1 << candidates.length;
    for (let mask = 1; mask < total; mask += 1) {
      const set = candidates.filter((_, i) => (mask & (1 << i)) !== 0);
      const cost = set.reduce((a, o) => a + o.costMinor, 0);
      const effort = set.reduce((a, o) => a + o.effortHours, 0);
      // A set no better on either measure than both bests needs no evaluation.
      const c = cheapest as Scored | null;
      const s = shortest as Scored | null;
      if (c && s && cost > c.cost && effort > s.effort) continue;
      if (finishes(root, held, set)) consider(set);
    }
  } else {
    const byCost = greedy(root, held, candidates, (o) => o.costMinor);
    const byEffort = greedy(root, held, candidates, (o) => o.effortHours);
    if (byCost) consider(byCost);
    if (byEffort) consider(byEffort);
  }
  const c = cheapest as Scored | null;
  const s = shortest as Scored | null;
  return {
    isSatisfied: false,
    cheapest: c ? planOf(c.offers) : null,
    shortest: s ? planOf(s.offers) : null,
    isExact,
    unreachableNodeIds: unreachable,
  };
}
