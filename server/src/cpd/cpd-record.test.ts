import { describe, expect, it } from 'vitest';
import { CPD_PRESETS, periodBounds, periodOf, periodTotals, type CpdScheme } from './cpd-record.js';

const scheme: CpdScheme = { ...CPD_PRESETS[0]!, caps: { structured: 20, 'self-directed': null }, carryOverMax: 5 };

describe('CPD periods and totals', () => {
  it('bounds calendar and April-to-March periods', () => {
    expect(periodBounds(scheme, 2026)).toEqual({ period: 2026, from: '2026-01-01', to: '2026-12-31', label: '2026' });
    expect(periodBounds({ periodStartMonth: 4 }, 2026)).toEqual({
      period: 2026,
      from: '2026-04-01',
      to: '2027-03-31',
      label: '2026/27',
    });
    expect(periodOf({ periodStartMonth: 4 }, '2027-03-31')).toBe(2026);
    expect(periodOf({ periodStartMonth: 4 }, '2027-04-01')).toBe(2027);
  });

  it('counts each category up to its cap and carries over at most the allowed surplus', () => {
    const totals = periodTotals(
      scheme,
      [
        { date: '2026-02-01', hours: 15, category: 'structured' },
        { date: '2026-03-01', hours: 12, category: 'structured' },
        { date: '2026-04-01', hours: 2.5, category: 'self-directed' },
      ],
      [{ date: '2025-05-01', hours: 45, category: 'self-directed' }],
    );
    expect(totals.byCategory).toEqual([
      { category: 'structured', logged: 27, counted: 20, cap: 20 },
      { category: 'self-directed', logged: 2.5, counted: 2.5, cap: null },
    ]);
    expect(totals).toMatchObject({ counted: 22.5, carriedIn: 5, done: 27.5, target: 30, isMet: false });
  });

  it('carries nothing when the previous period fell short or when the scheme allows none', () => {
    const short = periodTotals(scheme, [], [{ date: '2025-01-01', hours: 10, category: 'structured' }]);
    expect(short.carriedIn).toBe(0);
    const none = periodTotals(
      { ...scheme, carryOverMax: 0 },
      [],
      [{ date: '2025-01-01', hours: 60, category: 'self-directed' }],
    );
    expect(none.carriedIn).toBe(0);
  });
});
