// Classes every mutation's outcome, counts them per class and prints the totals. Only a verdict
// the rules forbid is a violation: anything whose signed meaning or trust binding changed must
// not verify, and a meaning-preserving rewrite must never turn a refused credential into a
// verified one. A meaning-preserving rewrite of a valid credential that gets refused is counted
// apart ("meaning kept, refused"): stricter than needed, never unsafe. FUZZ_STRICT=1 counts
// those as violations too, for a verifier that promises to accept every equivalent spelling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerificationResult } from '../../src/index.js';
import { SEED } from './generators.js';

export type Outcome = 'changed-refused' | 'unchanged-same' | 'unchanged-refused' | 'violation';

export type Counts = {
  generated: number;
  changedRefused: number;
  unchangedSame: number;
  unchangedRefused: number;
  violations: number;
};

export type Finding = { mutationClass: string; subject: string; description: string; checks: string };

const emptyCounts = (): Counts => ({
  generated: 0,
  changedRefused: 0,
  unchangedSame: 0,
  unchangedRefused: 0,
  violations: 0,
});

const KEPT_FINDINGS = 20;
const isStrict = process.env.FUZZ_STRICT === '1';
const KEPT_PER_CLASS = 5;

export type Judgement = {
  /** The mutation class, e.g. "leaf/rdfc" or "jwt-header/jwk". */
  mutationClass: string;
  subject: string;
  description: string;
  /** True when what the signature covers, or the binding of key to issuer, changed. */
  isMeaningChanged: boolean;
  /** The verdict of the untouched input. */
  wasVerified: boolean;
  result: VerificationResult;
};

export class Tally {
  readonly byClass = new Map<string, Counts>();
  readonly violations: Finding[] = [];
  /** A few meaning-preserving rewrites that were refused, to show what shapes are not accepted. */
  readonly stricter: Finding[] = [];
  readonly sites = new Set<string>();
  private violationCount = 0;

  constructor(readonly family: string) {}

  /** Classes one outcome and counts it; returns the outcome. */
  judge({ mutationClass, subject, description, isMeaningChanged, wasVerified, result }: Judgement): Outcome {
    const counts = this.byClass.get(mutationClass) ?? emptyCounts();
    this.byClass.set(mutationClass, counts);
    counts.generated++;
    let outcome: Outcome;
    if (isMeaningChanged) outcome = result.verified ? 'violation' : 'changed-refused';
    else if (result.verified === wasVerified) outcome = 'unchanged-same';
    else outcome = result.verified || isStrict ? 'violation' : 'unchanged-refused';
    const finding = (): Finding => ({ mutationClass, subject, description, checks: describeChecks(result) });
    switch (outcome) {
      case 'changed-refused':
        counts.changedRefused++;
        break;
      case 'unchanged-same':
        counts.unchangedSame++;
        break;
      case 'unchanged-refused':
        counts.unchangedRefused++;
        if (this.stricter.length < KEPT_FINDINGS) this.stricter.push(finding());
        break;
      case 'violation':
        counts.violations++;
        this.violationCount++;
        if (this.violations.filter((v) => v.mutationClass === mutationClass).length < KEPT_PER_CLASS)
          this.violations.push(finding());
        break;
    }
    return outcome;
  }

  /** Counts something that must be refused; the common case for attacks. */
  mustRefuse(judgement: Omit<Judgement, 'isMeaningChanged' | 'wasVerified'>): Outcome {
    return this.judge({ ...judgement, isMeaningChanged: true, wasVerified: false });
  }

  totals(): Counts {
    const total = emptyCounts();
    for (const counts of this.byClass.values()) {
      for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
    }
    return total;
  }

  /**
   * The message a failing test shows: seed, how to replay, the first violations with their
   * checks. `prefix` limits it to the classes one test generated.
   */
  violationReport(prefix = ''): string {
    const count = [...this.byClass.entries()]
      .filter(([name]) => name.startsWith(prefix))
      .reduce((n, [, c]) => n + c.violations, 0);
    if (count === 0) return 'no violations';
    const shown = this.violations
      .filter((v) => v.mutationClass.startsWith(prefix))
      .map((v, i) => `  ${i + 1}. [${v.mutationClass}] ${v.subject}: ${v.description}\n     checks: ${v.checks}`)
      .join('\n');
    return `${count} violation(s) in ${this.family} ${prefix} (FUZZ_SEED=${SEED} replays them)\n${shown}`;
  }

  /** Prints the table and, when FUZZ_TOTALS_DIR is set, writes it for the full run's summary. */
  print(): void {
    const rows = [...this.byClass.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, c]) => row(name, c));
    const lines = [
      `fuzz ${this.family} (seed ${SEED}, ${this.sites.size} distinct mutation sites)`,
      row('class', null),
      ...rows,
      row('total', this.totals()),
    ];
    if (this.stricter.length > 0) {
      lines.push(
        'meaning kept but refused (first few):',
        ...this.stricter.slice(0, 5).map((s) => `  [${s.mutationClass}] ${s.subject}: ${s.description} — ${s.checks}`),
      );
    }
    if (this.violationCount > 0) lines.push(this.violationReport());
    console.log(lines.join('\n'));
    const dir = process.env.FUZZ_TOTALS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const byClass = Object.fromEntries(this.byClass);
      writeFileSync(
        join(dir, `${this.family}.json`),
        JSON.stringify(
          { family: this.family, seed: SEED, byClass, totals: this.totals(), violations: this.violations },
          null,
          2,
        ),
      );
    }
  }
}

function row(name: string, c: Counts | null): string {
  const cells = c
    ? [c.generated, c.changedRefused, c.unchangedSame, c.unchangedRefused, c.violations].map((n) =>
        String(n).padStart(9),
      )
    : ['generated', 'chg+refuse', 'same+same', 'same+refuse', 'VIOLATION'].map((h) => h.padStart(9));
  return `  ${name.padEnd(58)} ${cells.join(' ')}`;
}

/** The checks that decided the verdict, short: failed ones, else everything not passed. */
export function describeChecks(result: VerificationResult): string {
  const failed = result.checks.filter((c) => c.status === 'failed');
  const shown = failed.length > 0 ? failed : result.checks.filter((c) => c.status !== 'passed');
  const text =
    shown.map((c) => `${c.id}:${c.status} ${c.message}`).join(' | ') || `all ${result.checks.length} checks passed`;
  return text.length > 400 ? `${text.slice(0, 397)}...` : text;
}
