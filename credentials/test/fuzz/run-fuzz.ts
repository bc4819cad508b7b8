// `npm run fuzz`: the whole corpus at full size, then one table summing every family. Each test
// file prints its own table; vitest runs files in separate workers, so they write their totals to
// a directory this script reads afterwards. FUZZ_RUNS (total mutations, default 11,000) and
// FUZZ_SEED pass through; FUZZ_CANON_CASES sets the canonicalisation differential family's cases
// (default 100,000; its "same verdict" column counts identical outputs, VIOLATIONS divergences).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Counts } from './tally.js';

const totalsDir = mkdtempSync(join(tmpdir(), 'cairn-fuzz-'));
// vitest's own bin, run with this node: no npx wrapper left running if the run is stopped.
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '11000', FUZZ_TOTALS_DIR: totalsDir };

console.log(`fuzz: ${env.FUZZ_RUNS} mutations planned, seed ${process.env.FUZZ_SEED ?? 'default'}`);
const child = spawn(process.execPath, [vitest, 'run', '--project', 'credentials', 'test/fuzz'], {
  stdio: 'inherit',
  env,
});
// Stopping this script stops the run rather than leaving it behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));

type FamilyTotals = { family: string; seed: number; totals: Counts };
const families = readdirSync(totalsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(totalsDir, f), 'utf8')) as FamilyTotals)
  .sort((a, b) => a.family.localeCompare(b.family));
rmSync(totalsDir, { recursive: true, force: true });

const columns: [keyof Counts, string][] = [
  ['generated', 'generated'],
  ['changedRefused', 'meaning changed, refused'],
  ['unchangedSame', 'meaning kept, same verdict'],
  ['unchangedRefused', 'meaning kept, refused'],
  ['violations', 'VIOLATIONS'],
];
const sum = (key: keyof Counts): number => families.reduce((n, f) => n + f.totals[key], 0);
const line = (name: string, values: (string | number)[]): string =>
  `${name.padEnd(20)}${values.map((v) => String(v).padStart(28)).join('')}`;
console.log(`\nfuzz totals (seed ${families[0]?.seed ?? '?'})`);
console.log(
  line(
    'family',
    columns.map(([, label]) => label),
  ),
);
for (const f of families)
  console.log(
    line(
      f.family,
      columns.map(([key]) => f.totals[key]),
    ),
  );
console.log(
  line(
    'all',
    columns.map(([key]) => sum(key)),
  ),
);

// The differential family compares outputs rather than mutating signed inputs: not counted here.
const mutations = families
  .filter((f) => f.family !== 'canonical-differential')
  .reduce((n, f) => n + f.totals.generated, 0);
const isShort = mutations < 10_000 && process.env.FUZZ_RUNS === undefined;
if (isShort) console.log('fewer than 10,000 mutations were generated: raise FUZZ_RUNS');
process.exit(status !== 0 || sum('violations') > 0 || families.length === 0 || isShort ? 1 : 0);
