import { describe, expect, it } from 'vitest';
import { checkVerifyLimits, VERIFY_LIMITS } from '../src/index.js';
import type { JsonObject } from '../src/util/json.js';
import { fixture, fixtureText } from './helpers.js';

const jwtOf = (payload: unknown) =>
  `${Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'vc+jwt' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

function withAlignments(count: number): JsonObject {
  const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
  const subject = credential.credentialSubject as JsonObject;
  subject.achievement = {
    ...(subject.achievement as JsonObject),
    alignment: Array.from({ length: count }, () => ({})),
  };
  return credential;
}

function clrEmbedding(embedded: unknown[]): JsonObject {
  const clr = fixture('clr2-simple.json');
  (clr.credentialSubject as JsonObject).verifiableCredential = embedded as JsonObject[];
  return clr;
}

describe('checkVerifyLimits', () => {
  it('accepts every real credential in the fixtures, as objects, as JSON text and as VC-JWT', () => {
    for (const name of [
      'ob3-complete.json',
      'ob3-simple-eddsa-rdfc-2022.json',
      'clr2-simple.json',
      'ob3-endorsement.json',
      'ob3-credential-status-revoked-bitstring.json',
      'w3c-eddsa-jcs-2022-signed.json',
    ]) {
      expect(checkVerifyLimits(fixture(name)), name).toBeUndefined();
      expect(checkVerifyLimits(fixtureText(name)), name).toBeUndefined();
    }
    expect(checkVerifyLimits(fixtureText('ob3-vc-jwt-rs256.jwt'))).toBeUndefined();
  });

  it('accepts a credential at the limits that real credentials stay well under', () => {
    expect(checkVerifyLimits(withAlignments(VERIFY_LIMITS.maxArrayLength))).toBeUndefined();
    expect(
      checkVerifyLimits(
        clrEmbedding(
          Array.from({ length: VERIFY_LIMITS.maxEmbeddedCredentials }, () =>
            fixture('ob3-simple-eddsa-rdfc-2022.json'),
          ),
        ),
      ),
    ).toBeUndefined();
  });

  it('refuses 12,000 alignments, saying how many and how many are accepted', () => {
    expect(checkVerifyLimits(withAlignments(12_000))).toEqual({
      kind: 'too_complex',
      message: 'The credential has 12,000 alignments; at most 1,000 are accepted.',
    });
  });

  it('names other long lists by what they hold', () => {
    const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
    credential.evidence = Array.from({ length: 1_001 }, () => ({ id: 'https://e.example' }));
    expect(checkVerifyLimits(credential)?.message).toBe(
      'The credential has 1,001 evidence items; at most 1,000 are accepted.',
    );
    expect(
      checkVerifyLimits({
        ...fixture('ob3-simple-eddsa-rdfc-2022.json'),
        extra: Array.from({ length: 2_000 }, () => 1),
      })?.message,
    ).toBe('The credential has 2,000 items in "extra"; at most 1,000 are accepted.');
  });

  it('refuses a CLR embedding 200 credentials, however small they are', () => {
    expect(checkVerifyLimits(clrEmbedding(Array.from({ length: 200 }, (_, i) => ({ id: `urn:x:${i}` }))))).toEqual({
      kind: 'too_complex',
      message: 'The credential embeds 200 credentials; at most 50 are accepted.',
    });
  });

  it('counts embedded credentials at every level, and decodes embedded VC-JWTs', () => {
    const inner = clrEmbedding(Array.from({ length: 30 }, () => ({ id: 'urn:x' })));
    expect(checkVerifyLimits(clrEmbedding([inner, inner]))?.message).toBe(
      'The credential embeds 62 credentials; at most 50 are accepted.',
    );
    // The embedded credential is a compact JWT whose payload is the bloated one.
    expect(checkVerifyLimits(clrEmbedding([jwtOf(withAlignments(5_000))]))?.message).toBe(
      'The credential has 5,000 alignments; at most 1,000 are accepted.',
    );
  });

  it('refuses more endorsements than the limit, counted across the credential', () => {
    const endorsement = fixture('ob3-endorsement.json');
    const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
    credential.endorsement = Array.from({ length: 11 }, () => endorsement);
    credential.issuer = {
      ...(credential.issuer as JsonObject),
      endorsement: Array.from({ length: 10 }, () => endorsement),
    };
    expect(checkVerifyLimits(credential)?.message).toBe('The credential has 21 endorsements; at most 20 are accepted.');
  });

  it('refuses more proofs on one credential than the limit', () => {
    const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
    const proof = credential.proof as JsonObject[] | JsonObject;
    credential.proof = Array.from({ length: 5 }, () => (Array.isArray(proof) ? proof[0]! : proof));
    expect(checkVerifyLimits(credential)?.message).toBe(
      'The credential carries 5 proofs on one credential; at most 4 are accepted.',
    );
  });

  it('refuses deep nesting without overflowing the stack, as an object and as JSON text', () => {
    let deep: JsonObject = {};
    for (let i = 0; i < 200_000; i += 1) deep = { a: deep };
    const expected = {
      kind: 'too_complex',
      message: 'The credential is nested more than 32 levels deep; at most 32 are accepted.',
    };
    expect(checkVerifyLimits({ ...fixture('ob3-simple-eddsa-rdfc-2022.json'), deep })).toEqual(expected);
    expect(checkVerifyLimits(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toEqual(expected);
  });

  it('refuses too many values in all, even spread over short lists and wide objects', () => {
    const wide: JsonObject = {};
    for (let i = 0; i < 25_000; i += 1) wide[`k${i}`] = i;
    expect(checkVerifyLimits(wide)).toEqual({
      kind: 'too_complex',
      message: 'The credential has more than 20,000 values in all; at most 20,000 are accepted.',
    });
    const lists = Array.from({ length: 30 }, () => Array.from({ length: 900 }, () => 0));
    expect(checkVerifyLimits({ lists })?.kind).toBe('too_complex');
  });

  it('refuses a credential over the size limit, as text, as JWT and as an object', () => {
    const big = { ...fixture('ob3-simple-eddsa-rdfc-2022.json'), description: 'x'.repeat(300 * 1024) };
    expect(checkVerifyLimits(big)).toEqual({
      kind: 'too_large',
      message: 'The credential is more than 256 KB of JSON; at most 256 KB are accepted.',
    });
    expect(checkVerifyLimits(JSON.stringify(big))).toEqual({
      kind: 'too_large',
      message: 'The credential is 302 KB; at most 256 KB are accepted.',
    });
    expect(checkVerifyLimits(jwtOf(big))?.kind).toBe('too_large');
    expect(checkVerifyLimits(' '.repeat(10 * 1024 * 1024))).toEqual({
      kind: 'too_large',
      message: 'The credential is 10.0 MB; at most 256 KB are accepted.',
    });
  });

  it('checks the payload of a compact VC-JWT', () => {
    expect(checkVerifyLimits(jwtOf(withAlignments(12_000)))?.message).toBe(
      'The credential has 12,000 alignments; at most 1,000 are accepted.',
    );
  });

  it('leaves unreadable input to the verifier, which says what is wrong with it', () => {
    expect(checkVerifyLimits('not a credential')).toBeUndefined();
    expect(checkVerifyLimits('e30.not-base64-json.sig')).toBeUndefined();
    expect(checkVerifyLimits(42)).toBeUndefined();
    expect(checkVerifyLimits(null)).toBeUndefined();
  });

  it('takes other limits when given', () => {
    expect(checkVerifyLimits(fixture('ob3-complete.json'), { ...VERIFY_LIMITS, maxDepth: 3 })?.kind).toBe(
      'too_complex',
    );
  });
});
