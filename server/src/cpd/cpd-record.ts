/**
 * The rules of a CPD record, without storage: which dates a period covers, how category caps
 * and carry-over count. Pure, so the record, the audit pack and the tests agree.
 */

export type CpdCategory = 'structured' | 'self-directed';

export type CpdScheme = {
  preset: string | null;
  name: string;
  body: string;
  unit: 'hours' | 'points';
  target: number;
  /** The month (1-12) a period starts; period 2026 with month 4 runs 2026-04-01 to 2027-03-31. */
  periodStartMonth: number;
  /** The most each category counts toward the target in one period; null: no cap. */
  caps: Record<CpdCategory, number | null>;
  /** The most of one period's surplus over its target that counts in the next. */
  carryOverMax: number;
};

export type CpdEntryFact = { date: string; hours: number; category: CpdCategory };

export type PeriodBounds = { period: number; from: string; to: string; label: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** The period `period` of a scheme: `from` inclusive, `to` inclusive, as YYYY-MM-DD. */
export function periodBounds(scheme: Pick<CpdScheme, 'periodStartMonth'>, period: number): PeriodBounds {
  const m = scheme.periodStartMonth;
  const from = `${period}-${pad(m)}-01`;
  const end = new Date(Date.UTC(period + 1, m - 1, 1) - 86_400_000);
  const to = `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`;
  const label = m === 1 ? String(period) : `${period}/${String(period + 1).slice(2)}`;
  return { period, from, to, label };
}

/** The period a date falls in. */
export function periodOf(scheme: Pick<CpdScheme, 'periodStartMonth'>, date: string): number {
  const [y, mo] = date.split('-').map(Number) as [number, number];
  return mo >= scheme.periodStartMonth ? y : y - 1;
}

export type CategoryTotal = { category: CpdCategory; logged: number; counted: number; cap: number | null };

export type PeriodTotals = {
  byCategory: CategoryTotal[];
  /** Counted hours of the period itself, after caps. */
  counted: number;
  carriedIn: number;
  /** Counted plus carried in: what is measured against the target. */
  done: number;
  target: number;
  isMet: boolean;
};

const round = (n: number) => Math.round(n * 100) / 100;

function countedOf(scheme: CpdScheme, entries: readonly CpdEntryFact[]): CategoryTotal[] {
  return (['structured', 'self-directed'] as const).map((category) => {
    const logged = round(entries.filter((e) => e.category === category).reduce((s, e) => s + e.hours, 0));
    const cap = scheme.caps[category];
    return { category, logged, counted: cap === null ? logged : Math.min(logged, cap), cap };
  });
}

/**
 * Totals of one period: each category counts up to its cap; the previous period's surplus over
 * the target (after its own caps, not itself carried further) counts up to `carryOverMax`.
 */
export function periodTotals(
  scheme: CpdScheme,
  entries: readonly CpdEntryFact[],
  previousEntries: readonly CpdEntryFact[],
): PeriodTotals {
  const byCategory = countedOf(scheme, entries);
  const counted = round(byCategory.reduce((s, c) => s + c.counted, 0));
  const previous = round(countedOf(scheme, previousEntries).reduce((s, c) => s + c.counted, 0));
  const carriedIn = round(Math.min(scheme.carryOverMax, Math.max(0, previous - scheme.target)));
  const done = round(counted + carriedIn);
  return { byCategory, counted, carriedIn, done, target: scheme.target, isMet: done >= scheme.target };
}

/** Schemes a learner can start from; every field can be changed afterwards. */
export const CPD_PRESETS: (CpdScheme & { preset: string })[] = [
  {
    preset: 'general-30',
    name: 'General CPD: 30 hours a year',
    body: 'Self-set',
    unit: 'hours',
    target: 30,
    periodStartMonth: 1,
    caps: { structured: 20, 'self-directed': null },
    carryOverMax: 0,
  },
  {
    preset: 'engineering-30',
    name: 'Engineering CPD (30 hours, 10 may carry over)',
    body: 'Professional engineering institution',
    unit: 'hours',
    target: 30,
    periodStartMonth: 1,
    caps: { structured: null, 'self-directed': 15 },
    carryOverMax: 10,
  },
  {
    preset: 'points-50-april',
    name: 'CPD points, April to March (50 points)',
    body: 'Professional body',
    unit: 'points',
    target: 50,
    periodStartMonth: 4,
    caps: { structured: null, 'self-directed': 25 },
    carryOverMax: 0,
  },
];
