/**
 * A goal's plan over a large catalogue (issue 15): of BENCH_PROGRAMMES (default 100,000)
 * published programmes, each teaching 3-8 of 2,000 skills and priced in GBP, EUR or USD (some
 * free), find those teaching any of a 20-skill gap (as `loadCoverOptions` does), plan the
 * cheapest and the quickest cover (`planSkillCover`, with operator rates for the cost plan) and
 * lay it out week by week (`scheduleSteps`). p50 and p95 over BENCH_ROUNDS (default 50) random
 * goals; the reference is the target: p95 under 200 ms. In memory: the SQL that loads
 * the candidates is the catalogue's GIN index on skill_ids and is not timed here.
 *
 *   BENCH_PROGRAMMES=100000 node --import tsx bench/goal-plan.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { scheduleSteps } from '../server/src/goals/goal-schedule.js';
import { planSkillCover, type CoverOption } from '../server/src/planning/skill-cover.js';

const PROGRAMMES = Number(process.env.BENCH_PROGRAMMES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const SKILLS = 2000;
const GAP = 20;
const TARGET_P95_MS = 200;

// A seeded generator, so runs compare.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (n: number) => Math.floor(random() * n);
const skillId = (i: number) => `skill-${i}`;
const currencies = ['GBP', 'EUR', 'USD'];

const catalogue: CoverOption[] = [];
for (let i = 0; i < PROGRAMMES; i++) {
  const count = 3 + pick(6);
  const skillIds = new Set<string>();
  while (skillIds.size < count) skillIds.add(skillId(pick(SKILLS)));
  const isFree = random() < 0.1;
  catalogue.push({
    kind: 'programme',
    id: `p${i}`,
    name: `Programme ${i}`,
    cost: isFree ? null : { amountMinor: 1000 + pick(200_000), currency: currencies[pick(3)]! },
    hours: 2 + pick(80),
    cpdHours: pick(30),
    durationWeeks: 1 + pick(12),
    language: 'en',
    skillIds: [...skillIds],
  });
}
const rates = new Map([
  ['EUR', 0.86],
  ['USD', 0.79],
]);

const timings: number[] = [];
let steps = 0;
for (let round = 0; round < ROUNDS; round++) {
  const gap = new Set<string>();
  while (gap.size < GAP) gap.add(skillId(pick(SKILLS)));
  const started = performance.now();
  const candidates = catalogue.filter((o) => o.skillIds.some((s) => gap.has(s)));
  const cheapest = planSkillCover({
    skillIds: [...gap],
    options: candidates,
    optimise: 'cost',
    rates: { currency: 'GBP', rateFrom: (c) => rates.get(c) ?? null },
  });
  const quickest = planSkillCover({ skillIds: [...gap], options: candidates, optimise: 'time' });
  for (const plan of [cheapest, quickest])
    scheduleSteps({
      steps: plan.steps.map((s) => ({ id: s.id, name: s.name, hours: s.hours, durationWeeks: s.durationWeeks })),
      weeklyHours: 5,
      start: new Date(),
      targetDate: '2027-12-31',
    });
  timings.push(performance.now() - started);
  steps += cheapest.steps.length;
}
timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
const p95 = at(0.95);
console.log(
  JSON.stringify({
    bench: 'goal-plan',
    programmes: PROGRAMMES,
    rounds: ROUNDS,
    gapSkills: GAP,
    meanSteps: Math.round((steps / ROUNDS) * 10) / 10,
    p50Ms: Math.round(at(0.5) * 10) / 10,
    p95Ms: Math.round(p95 * 10) / 10,
    targetP95Ms: TARGET_P95_MS,
    ratioToTarget: Math.round((p95 / TARGET_P95_MS) * 100) / 100,
  }),
);
