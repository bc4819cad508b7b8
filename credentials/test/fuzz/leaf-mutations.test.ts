// Every leaf of a signed credential changed, removed, or given a new sibling. The oracle decides
// whether the signed meaning changed (canonical N-Quads for rdfc, JCS bytes for jcs, the bytes of
// a JWT); changed → must not verify, unchanged → the verdict of the untouched credential.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/util/json.js';
import { base64UrlDecode } from '../../src/util/base64url.js';
import { corpus, originalMeanings, signedMeaning, verify, type Corpus, type Format } from './corpus.js';
import { applyLeafMutation, leafMutation, runs, SEED, TEST_TIMEOUT } from './generators.js';
import { Tally } from './tally.js';

const tally = new Tally('leaf-mutations');
let inputs: Corpus;

beforeAll(async () => {
  inputs = await corpus();
}, TEST_TIMEOUT);
afterAll(() => tally.print());

const originalMeaning = originalMeanings();

describe('the untouched inputs', () => {
  it(
    'verify when active and are refused for revocation when revoked',
    async () => {
      const verdicts = await Promise.all(
        inputs.subjects.map(async (subject) => {
          const result = await verify(subject.signed, inputs.fetchStatusList);
          const revocation = result.checks.find((c) => c.id === 'revocation')?.status;
          return `${subject.name}: ${String(result.verified)} revocation ${String(revocation)}`;
        }),
      );
      const expected = inputs.subjects.map(
        (s) => `${s.name}: ${String(!s.isRevoked)} revocation ${s.isRevoked ? 'failed' : 'passed'}`,
      );
      expect(verdicts).toEqual(expected);
      expect(inputs.subjects.map((s) => s.name)).toHaveLength(16);
    },
    TEST_TIMEOUT,
  );
});

describe('every leaf changed, removed or added to', () => {
  it.each<[Exclude<Format, 'jwt'>, number, number]>([
    ['rdfc', 24, 0.24],
    ['jcs', 16, 0.07],
  ])(
    '%s: meaning changed → refused; unchanged → same verdict',
    async (format, ciRuns, share) => {
      const subjects = inputs.subjects.filter((s) => s.format === format);
      await fc.assert(
        fc.asyncProperty(fc.nat(), leafMutation, async (which, mutation) => {
          const subject = subjects[which % subjects.length]!;
          const applied = applyLeafMutation(subject.signed as JsonObject, mutation);
          if (!applied) return;
          const [before, after, result] = await Promise.all([
            originalMeaning(subject),
            signedMeaning(applied.document, format),
            verify(applied.document, inputs.fetchStatusList),
          ]);
          tally.sites.add(`${subject.kind}/${format} ${applied.site}`);
          tally.judge({
            mutationClass: `leaf/${format}/${mutation.op}`,
            subject: subject.name,
            description: applied.description,
            isMeaningChanged: after === undefined || after !== before,
            wasVerified: subject.isVerified,
            result,
          });
        }),
        { seed: SEED, numRuns: runs(ciRuns, share) },
      );
      expect(tally.violationReport(`leaf/${format}/`)).toBe('no violations');
    },
    TEST_TIMEOUT,
  );

  it(
    'jwt: any change of header, payload or signature bytes → refused',
    async () => {
      const subjects = inputs.subjects.filter((s) => s.format === 'jwt');
      // The token as a document: header and payload decoded, the signature as its base64url text.
      const asDocument = (token: string): JsonObject => {
        const [h, p, s] = token.split('.') as [string, string, string];
        const json = (part: string): JsonObject =>
          JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as JsonObject;
        return { header: json(h), payload: json(p), signature: s };
      };
      // A removed part is encoded as nothing: `a..c` is still a token to refuse.
      const encode = (value: unknown): string => Buffer.from(JSON.stringify(value) ?? '').toString('base64url');
      // Bytes signed plus signature bytes: re-encoding the signature's base64url alone is not a change.
      const bytesOf = (token: string): string => {
        const [h, p, s] = token.split('.') as [string, string, string];
        let signature: string;
        try {
          signature = Buffer.from(base64UrlDecode(s)).toString('hex');
        } catch {
          signature = `unreadable:${s}`;
        }
        return `${h}.${p}.${signature}`;
      };
      await fc.assert(
        fc.asyncProperty(fc.nat(), leafMutation, fc.boolean(), async (which, mutation, isRespaced) => {
          const subject = subjects[which % subjects.length]!;
          const token = subject.signed as string;
          const applied = applyLeafMutation(asDocument(token), mutation);
          if (!applied) return;
          const { header, payload, signature } = applied.document;
          // Half the time the payload is also re-serialised with spaces: same JSON, other bytes.
          const payloadPart = isRespaced
            ? Buffer.from(JSON.stringify(payload, null, 1) ?? '').toString('base64url')
            : encode(payload);
          const forged = `${encode(header)}.${payloadPart}.${typeof signature === 'string' ? signature : encode(signature)}`;
          const result = await verify(forged, inputs.fetchStatusList);
          tally.sites.add(`jwt ${applied.site}`);
          tally.judge({
            mutationClass: `leaf/jwt/${mutation.op}`,
            subject: subject.name,
            description: `${applied.description}${isRespaced ? ' (payload re-spaced)' : ''}`,
            isMeaningChanged: bytesOf(forged) !== bytesOf(token),
            wasVerified: subject.isVerified,
            result,
          });
        }),
        { seed: SEED, numRuns: runs(24, 0.07) },
      );
      expect(tally.violationReport('leaf/jwt/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );
});
