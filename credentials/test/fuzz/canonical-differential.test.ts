// Differential testing of the canonicalisation fast path: generated OB 3.0, CLR 2.0, endorsement
// and VCDM 2.0 credentials, as generated, rewritten into equivalent JSON-LD, or with one leaf
// changed, removed or added (which may make them invalid). The fast path's canonical N-Quads must
// be the reference's byte for byte (or both must refuse), and its expansion the reference's.
// A credential the reference accepts, as generated, must have taken the fast path: otherwise the
// comparison would only compare the reference with itself.
//
// `npm test`: 200 cases. `npm run fuzz`: FUZZ_CANON_CASES (default 100,000) cases, the expansion
// compared on every tenth (it costs as much as the canonicalisation).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { afterAll, describe, expect, it } from 'vitest';
import { referenceCanonicalizer } from '../../src/index.js';
import { canonizeWithPath, expandJsonLd } from '../../src/proofs/fast-canonicalizer.js';
import type { JsonObject } from '../../src/util/json.js';
import { documentLoader } from './corpus.js';
import { anyCredential, type CredentialKind } from './credential-arbitraries.js';
import {
  applyLeafMutation,
  applyRewrites,
  leafMutation,
  rewrites,
  SEED,
  TEST_TIMEOUT,
  type LeafMutation,
  type Rewrite,
} from './generators.js';
import type { Counts } from './tally.js';

const FAMILY = 'canonical-differential';
const isFullRun = process.env.FUZZ_RUNS !== undefined;
const CASES = isFullRun ? Number(process.env.FUZZ_CANON_CASES ?? 100_000) : 200;

type Variant = 'as generated' | 'rewritten' | 'mutated';
const variant: fc.Arbitrary<Variant> = fc.oneof(
  { weight: 7, arbitrary: fc.constant<Variant>('as generated') },
  { weight: 2, arbitrary: fc.constant<Variant>('rewritten') },
  { weight: 2, arbitrary: fc.constant<Variant>('mutated') },
);

type Divergence = { kind: CredentialKind; variant: Variant; what: string; document: string };

/** Cases by kind, variant and path, and every divergence (a few kept in full). */
class DifferentialTally {
  readonly rows = new Map<string, number>();
  readonly divergences: Divergence[] = [];
  cases = 0;
  identical = 0;
  divergenceCount = 0;

  count(row: string): void {
    this.rows.set(row, (this.rows.get(row) ?? 0) + 1);
  }

  diverged(divergence: Divergence): void {
    this.divergenceCount++;
    if (this.divergences.length < 5) this.divergences.push(divergence);
  }

  report(): string {
    if (this.divergenceCount === 0) return 'no divergences';
    const shown = this.divergences
      .map((d, i) => `  ${i + 1}. ${d.kind} ${d.variant}: ${d.what}\n     ${d.document.slice(0, 2000)}`)
      .join('\n');
    return `${this.divergenceCount} divergence(s) from the reference (FUZZ_SEED=${SEED} replays them)\n${shown}`;
  }

  /** Prints the table and, for `npm run fuzz`, writes the totals its summary reads. */
  print(): void {
    const lines = [
      `fuzz ${FAMILY} (seed ${SEED}): ${this.cases} cases, ${this.identical} identical, ${this.divergenceCount} divergences`,
    ];
    for (const [row, n] of [...this.rows].sort(([a], [b]) => a.localeCompare(b)))
      lines.push(`  ${row.padEnd(100)} ${String(n).padStart(8)}`);
    if (this.divergenceCount > 0) lines.push(this.report());
    console.log(lines.join('\n'));
    const dir = process.env.FUZZ_TOTALS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const totals: Counts = {
        generated: this.cases,
        changedRefused: 0,
        unchangedSame: this.identical,
        unchangedRefused: 0,
        violations: this.divergenceCount,
      };
      writeFileSync(
        join(dir, `${FAMILY}.json`),
        JSON.stringify(
          { family: FAMILY, seed: SEED, totals, rows: Object.fromEntries(this.rows), divergences: this.divergences },
          null,
          2,
        ),
      );
    }
  }
}

const tally = new DifferentialTally();
afterAll(() => tally.print());

const outcome = <T>(promise: Promise<T>): Promise<T | string> =>
  promise.catch((error: Error) => `error: ${error.message}`);

/** Expanded JSON-LD with object keys sorted: the same meaning compares equal. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as JsonObject)[k])]),
    );
  return value;
}

async function prepare(
  credential: JsonObject,
  which: Variant,
  mutation: LeafMutation,
  list: Rewrite[],
): Promise<JsonObject> {
  if (which === 'mutated') return applyLeafMutation(credential, mutation)?.document ?? credential;
  if (which === 'rewritten') return (await applyRewrites(credential, list))?.document ?? credential;
  return credential;
}

describe('the canonicalisation fast path against the reference', () => {
  it(
    `gives the reference's canonical N-Quads and expansion on ${CASES.toLocaleString('en-GB')} generated credentials`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          anyCredential,
          variant,
          leafMutation,
          rewrites,
          async ({ kind, credential }, which, mutation, list) => {
            const document = await prepare(credential, which, mutation, list);
            const [expected, actual] = await Promise.all([
              outcome(referenceCanonicalizer.canonize(structuredClone(document), { documentLoader })),
              outcome(canonizeWithPath(document, documentLoader)),
            ]);
            const nquads = typeof actual === 'string' ? actual : actual.nquads;
            const path =
              typeof actual === 'string'
                ? 'reference (error)'
                : actual.path === 'fast'
                  ? 'fast'
                  : `reference: ${actual.reason}`;
            const isValid = !expected.startsWith('error: ');
            tally.cases++;
            if (isFullRun && tally.cases % 10_000 === 0)
              console.log(
                `${FAMILY}: ${tally.cases.toLocaleString('en-GB')} cases, ${tally.divergenceCount} divergences`,
              );
            tally.count(`${kind} ${which}: ${isValid ? 'valid' : 'refused'}, ${path}`);
            const record = (what: string): void =>
              tally.diverged({ kind, variant: which, what, document: JSON.stringify(document) });
            if (nquads !== expected) record(`canonical N-Quads differ (${path})`);
            else if (which === 'as generated' && isValid && path !== 'fast')
              record(`a valid generated credential left the fast path (${path})`);
            else if (!isFullRun || tally.cases % 10 === 0) {
              // Expansion too (what a verifier reads the signed meaning from); in the long run every tenth case.
              const [expandedFast, expandedReference] = await Promise.all([
                outcome(expandJsonLd(document, documentLoader).then(sorted)),
                outcome(
                  jsonld.expand(structuredClone(document), { documentLoader, safe: true, base: null }).then(sorted),
                ),
              ]);
              if (JSON.stringify(expandedFast) !== JSON.stringify(expandedReference)) record('expansions differ');
              else tally.identical++;
            } else {
              tally.identical++;
            }
          },
        ),
        { seed: SEED, numRuns: CASES },
      );
      expect(tally.report()).toBe('no divergences');
    },
    TEST_TIMEOUT,
  );
});
