import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSkillCover, type CoverOption, type Money } from './skill-cover.js';

function programme(id: string, skillIds: string[], cost: Money | null, hours = 10): CoverOption {
  return { kind: 'programme', id, name: id, cost, hours, cpdHours: hours, durationWeeks: 1, skillIds };
}

const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });

describe('planSkillCover', () => {
  it('prefers one programme covering two skills over two cheaper ones only when it costs less per skill', () => {
    const options = [
      programme('both', ['a', 'b'], eur(150)),
      programme('a-only', ['a'], eur(100)),
      programme('b-only', ['b'], eur(100)),
    ];
    const plan = planSkillCover({ skillIds: ['a', 'b'], options, optimise: 'cost' });
    expect(plan.steps.map((s) => s.id)).toEqual(['both']);
    expect(plan.totals.cost).toEqual([eur(150)]);
    expect(plan.uncovered).toEqual([]);
  });

  it('optimising time picks the fewest hours even when it costs more', () => {
    const options = [programme('slow-cheap', ['a'], eur(10), 40), programme('fast-dear', ['a'], eur(900), 5)];
    expect(planSkillCover({ skillIds: ['a'], options, optimise: 'time' }).steps.map((s) => s.id)).toEqual([
      'fast-dear',
    ]);
    expect(planSkillCover({ skillIds: ['a'], options, optimise: 'cost' }).steps.map((s) => s.id)).toEqual([
      'slow-cheap',
    ]);
  });

  it('names the skills nothing in the catalogue teaches', () => {
    const plan = planSkillCover({ skillIds: ['a', 'z'], options: [programme('p', ['a'], null)], optimise: 'cost' });
    expect(plan.steps.map((s) => s.covers)).toEqual([['a']]);
    expect(plan.uncovered).toEqual(['z']);
  });

  it('drops a step the later steps make redundant', () => {
    // Greedy takes "a" first (cheapest per skill), then "abc" for b and c; "a" is then redundant.
    const options = [programme('a', ['a'], eur(1)), programme('abc', ['a', 'b', 'c'], eur(30))];
    const plan = planSkillCover({ skillIds: ['a', 'b', 'c'], options, optimise: 'cost' });
    expect(plan.steps.map((s) => s.id)).toEqual(['abc']);
    expect(plan.steps[0]!.covers.sort()).toEqual(['a', 'b', 'c']);
  });

  it('never compares prices in different currencies without a rate', () => {
    // 5,000 yen is nominally more than 100 euros; without a rate neither may be called cheaper, so the
    // plan stays in its own currency (the most common) and uses the other only for what nothing else teaches.
    const options = [
      programme('eur-a', ['a'], eur(10_000)),
      programme('eur-b', ['b'], eur(10_000)),
      programme('jpy-a', ['a'], { amountMinor: 5_000, currency: 'JPY' }),
      programme('jpy-c', ['c'], { amountMinor: 5_000, currency: 'JPY' }),
    ];
    const plan = planSkillCover({ skillIds: ['a', 'b', 'c'], options, optimise: 'cost', currency: 'EUR' });
    expect(plan.steps.map((s) => s.id).sort()).toEqual(['eur-a', 'eur-b', 'jpy-c']);
    expect(plan.totals.cost).toEqual([eur(20_000), { amountMinor: 5_000, currency: 'JPY' }]);
    expect(plan.totals.converted).toBeNull();
  });

  it('converts with operator-set rates and says what the total is in', () => {
    const options = [
      programme('eur-a', ['a'], eur(10_000)),
      programme('gbp-a', ['a'], { amountMinor: 5_000, currency: 'GBP' }),
    ];
    const rates = { currency: 'EUR', rateFrom: (c: string) => (c === 'GBP' ? 1.2 : null) };
    const plan = planSkillCover({ skillIds: ['a'], options, optimise: 'cost', rates });
    expect(plan.steps.map((s) => s.id)).toEqual(['gbp-a']);
    expect(plan.totals.converted).toEqual(eur(6_000));
  });

  const instance = fc
    .record({
      skills: fc.uniqueArray(fc.constantFrom<string>('s1', 's2', 's3', 's4', 's5', 's6'), {
        minLength: 1,
        maxLength: 6,
      }),
      options: fc.array(
        fc.record({
          skillIds: fc.uniqueArray(fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 'x'), { maxLength: 4 }),
          price: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
          hours: fc.integer({ min: 0, max: 60 }),
        }),
        { maxLength: 9 },
      ),
    })
    .map(({ skills, options }) => ({
      skills,
      options: options.map((o, i) => programme(`p${i}`, o.skillIds, o.price === null ? null : eur(o.price), o.hours)),
    }));

  it('covers every skill something teaches, each once, with no redundant step (property)', () => {
    fc.assert(
      fc.property(instance, fc.constantFrom('cost' as const, 'time' as const), ({ skills, options }, optimise) => {
        const plan = planSkillCover({ skillIds: skills, options, optimise });
        const teachable = new Set(options.flatMap((o) => o.skillIds));
        expect(plan.uncovered.sort()).toEqual(skills.filter((s) => !teachable.has(s)).sort());
        const covers = plan.steps.flatMap((s) => s.covers);
        expect(new Set(covers).size).toBe(covers.length);
        expect(covers.sort()).toEqual(skills.filter((s) => teachable.has(s)).sort());
        for (const step of plan.steps) {
          const others = new Set(plan.steps.filter((s) => s !== step).flatMap((s) => s.skillIds));
          expect(step.skillIds.some((id) => skills.includes(id) && !others.has(id))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('costs at most H(k) times the cheapest exact cover (property, brute force on small catalogues)', () => {
    fc.assert(
      fc.property(instance, ({ skills, options }) => {
        const plan = planSkillCover({ skillIds: skills, options, optimise: 'cost' });
        const wanted = skills.filter((s) => options.some((o) => o.skillIds.includes(s)));
        let best = Infinity;
        for (let mask = 0; mask < 1 << options.length; mask++) {
          const picked = options.filter((_, i) => mask & (1 << i));
          const covered = new Set(picked.flatMap((o) => o.skillIds));
          if (wanted.every((s) => covered.has(s)))
            best = Math.min(
              best,
              picked.reduce((sum, o) => sum + (o.cost?.amountMinor ?? 0), 0),
            );
        }
        const got = plan.totals.cost.reduce((sum, m) => sum + m.amountMinor, 0);
        const k = Math.max(1, ...options.map((o) => o.skillIds.filter((s) => skills.includes(s)).length));
        let harmonic = 0;
        for (let i = 1; i <= k; i++) harmonic += 1 / i;
        expect(got).toBeLessThanOrEqual(best * harmonic + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('is not changed by options that cover the same needed skills as another and weigh more (property)', () => {
    // Only the best of options covering the same needed skills enters the greedy; adding
    // heavier twins (dearer and slower, other skills outside the goal aside) changes nothing.
    fc.assert(
      fc.property(instance, fc.constantFrom('cost' as const, 'time' as const), ({ skills, options }, optimise) => {
        const plan = planSkillCover({ skillIds: skills, options, optimise });
        const twins = options.map((o, i) =>
          programme(`z${i}`, [...o.skillIds, 'outside'], o.cost ? eur(o.cost.amountMinor + 1) : eur(1), o.hours + 1),
        );
        const withTwins = planSkillCover({ skillIds: skills, options: [...twins, ...options], optimise });
        expect(withTwins.steps.map((s) => s.id)).toEqual(plan.steps.map((s) => s.id));
        expect(withTwins.totals).toEqual(plan.totals);
      }),
      { numRuns: 300 },
    );
  });
});
