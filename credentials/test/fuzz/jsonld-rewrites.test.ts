// JSON-LD-equivalent rewrites: a value wrapped in an array, `{"@value": …}` objects, expanded
// IRIs as keys, `@id`/`@type` for `id`/`type`, reordered keys and items. Most keep the signed
// meaning; the verdict must then be the untouched credential's: a revoked credential rewritten
// this way is still refused. For jcs and JWT any change of bytes must be refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/util/json.js';
import { corpus, originalMeanings, signedMeaning, verify, type Corpus, type Subject } from './corpus.js';
import { applyRewrites, rewrites, runs, SEED, showPath, TEST_TIMEOUT, type Path, type Rewrite } from './generators.js';
import { Tally } from './tally.js';

const tally = new Tally('jsonld-rewrites');
let inputs: Corpus;

beforeAll(async () => {
  inputs = await corpus();
}, TEST_TIMEOUT);
afterAll(() => tally.print());

const originalMeaning = originalMeanings();

const jwtParts = (token: string): [JsonObject, string, string] => {
  const [h, p, s] = token.split('.') as [string, string, string];
  return [JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as JsonObject, h, s];
};

/** Rewrites one input and judges the verdict; `within` narrows where rewrites may land. */
async function rewriteAndJudge(
  subject: Subject,
  list: Rewrite[],
  mutationClass: string,
  within?: (path: Path) => boolean,
): Promise<void> {
  const isJwt = subject.format === 'jwt';
  const [document, header, signature] = isJwt
    ? jwtParts(subject.signed as string)
    : [subject.signed as JsonObject, '', ''];
  const applied = await applyRewrites(document, list, within);
  if (!applied) return;
  const candidate = isJwt
    ? `${header}.${Buffer.from(JSON.stringify(applied.document)).toString('base64url')}.${signature}`
    : applied.document;
  const [before, after, result] = await Promise.all([
    originalMeaning(subject),
    signedMeaning(candidate, subject.format),
    verify(candidate, inputs.fetchStatusList),
  ]);
  tally.sites.add(`${subject.kind}/${subject.format} ${applied.site}`);
  tally.judge({
    mutationClass: `${mutationClass}/${subject.format}`,
    subject: subject.name,
    description: applied.description,
    isMeaningChanged: after === undefined || after !== before,
    wasVerified: subject.isVerified,
    result,
  });
}

const underStatus = (path: Path): boolean => path.some((key) => key === 'credentialStatus');

describe('JSON-LD-equivalent rewrites', () => {
  it(
    'anywhere in rdfc, jcs and JWT credentials: a kept meaning keeps the verdict',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), rewrites, async (which, list) => {
          const subject = inputs.subjects[which % inputs.subjects.length]!;
          await rewriteAndJudge(subject, list, 'rewrite');
        }),
        { seed: SEED, numRuns: runs(16, 0.22) },
      );
      expect(tally.violationReport('rewrite/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );

  it(
    'of the status entry: a revoked credential stays refused however its status is spelled',
    async () => {
      const subjects = inputs.subjects.filter((s) => s.format === 'rdfc');
      await fc.assert(
        fc.asyncProperty(fc.nat(), rewrites, async (which, list) => {
          const subject = subjects[which % subjects.length]!;
          await rewriteAndJudge(subject, list, 'status-rewrite', underStatus);
        }),
        { seed: SEED, numRuns: runs(16, 0.08) },
      );
      expect(tally.violationReport('status-rewrite/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );

  // The spellings issue 9 names, each on every revoked rdfc input, so CI always tries them.
  it.each<[string, (entry: JsonObject) => JsonObject]>([
    ['statusPurpose as ["revocation"]', (e) => ({ ...e, statusPurpose: [e.statusPurpose!] })],
    ['statusPurpose as {"@value": "revocation"}', (e) => ({ ...e, statusPurpose: { '@value': e.statusPurpose! } })],
    [
      'statusPurpose under its expanded IRI',
      ({ statusPurpose, ...e }) => ({ ...e, 'https://www.w3.org/ns/credentials/status#statusPurpose': statusPurpose! }),
    ],
    ['@type and @id for type and id', ({ type, id, ...e }) => ({ '@id': id!, '@type': type!, ...e })],
    ['the entry wrapped in an array', (e) => e],
  ])(
    'a revoked credential with %s is still refused',
    async (label, rewriteEntry) => {
      const revoked = inputs.subjects.filter((s) => s.format === 'rdfc' && s.isRevoked);
      for (const subject of revoked) {
        const signed = subject.signed as JsonObject;
        const entry = rewriteEntry(signed.credentialStatus as JsonObject);
        const candidate = { ...signed, credentialStatus: label.includes('array') ? [entry] : entry };
        const [before, after, result] = await Promise.all([
          originalMeaning(subject),
          signedMeaning(candidate, 'rdfc'),
          verify(candidate, inputs.fetchStatusList),
        ]);
        expect(after, `${label} keeps the signed meaning of ${subject.name}`).toBe(before);
        tally.judge({
          mutationClass: `status-named/${label}`,
          subject: subject.name,
          description: `${label} at ${showPath(['credentialStatus'])}`,
          isMeaningChanged: false,
          wasVerified: false,
          result,
        });
      }
      expect(tally.violationReport(`status-named/${label}`)).toBe('no violations');
    },
    TEST_TIMEOUT,
  );
});
