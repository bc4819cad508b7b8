// JOSE header attacks on a VC-JWT that names the victim as issuer: a key carried by the token
// (jwk, x5c, x5u, jku), a kid of another DID's key or of a key not allowed to assert, alg none,
// HS256 keyed with the issuer's public key, RS256/ES256 with the attacker's keys. All refused.
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyObject, publicKeyObject } from '../../src/keys/multikey.js';
import type { JsonObject, JsonValue } from '../../src/util/json.js';
import { corpus, PARTIES, verify, type Corpus, type Party, type Subject } from './corpus.js';
import { runs, SEED, TEST_TIMEOUT } from './generators.js';
import { describeChecks, Tally } from './tally.js';

const tally = new Tally('jwt-headers');
let inputs: Corpus;
let jwtSubjects: Subject[];

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

beforeAll(async () => {
  inputs = await corpus();
  jwtSubjects = inputs.subjects.filter((s) => s.format === 'jwt');
}, TEST_TIMEOUT);
afterAll(() => tally.print());

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const edPrivate = (party: Party): KeyObject => privateKeyObject(party.signer.secretKeyMultibase);
const jwkOf = (key: KeyObject): JsonObject => key.export({ format: 'jwk' }) as JsonObject;

type Signing = (input: string) => Buffer | string;
const signEd =
  (party: Party): Signing =>
  (input) =>
    sign(null, Buffer.from(input), edPrivate(party));
const signRsa: Signing = (input) => sign('sha256', Buffer.from(input), rsa.privateKey);
const signEs: Signing = (input) =>
  sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' });

/** A forged token: what the attacker puts in the header, and how the attacker signs. */
type Attack = {
  name: string;
  variants?: number;
  build: (victim: Party, variant: number) => { header: JsonObject; sign: Signing };
};

const attacker = PARTIES.attacker;
const vm = (party: Party): string => party.signer.verificationMethod;

/** Secrets an HS256 forger might derive from the issuer's published key. */
function publicKeySecrets(victim: Party): Buffer[] {
  const key = publicKeyObject(victim.signer.publicKeyMultibase);
  const jwk = jwkOf(key);
  return [
    Buffer.from(typeof jwk.x === 'string' ? jwk.x : '', 'base64url'),
    Buffer.from(victim.signer.publicKeyMultibase),
    Buffer.from(JSON.stringify(jwk)),
    key.export({ format: 'der', type: 'spki' }),
    Buffer.from(key.export({ format: 'pem', type: 'spki' })),
  ];
}

const ATTACKS: Attack[] = [
  {
    name: 'jwk/attacker-ed25519',
    build: () => ({
      header: { alg: 'EdDSA', typ: 'vc+jwt', jwk: jwkOf(publicKeyObject(attacker.signer.publicKeyMultibase)) },
      sign: signEd(attacker),
    }),
  },
  {
    name: 'jwk+kid/victim-kid',
    build: (v) => ({
      header: { alg: 'EdDSA', kid: vm(v), jwk: jwkOf(publicKeyObject(attacker.signer.publicKeyMultibase)) },
      sign: signEd(attacker),
    }),
  },
  {
    name: 'jwk/attacker-rs256',
    build: () => ({ header: { alg: 'RS256', typ: 'vc+jwt', jwk: jwkOf(rsa.publicKey) }, sign: signRsa }),
  },
  { name: 'jwk/attacker-es256', build: () => ({ header: { alg: 'ES256', jwk: jwkOf(ec.publicKey) }, sign: signEs }) },
  { name: 'rs256/victim-kid', build: (v) => ({ header: { alg: 'RS256', kid: vm(v) }, sign: signRsa }) },
  { name: 'es256/victim-kid', build: (v) => ({ header: { alg: 'ES256', kid: vm(v) }, sign: signEs }) },
  {
    name: 'x5c/attacker-key',
    build: (v, n) => ({
      header: {
        alg: 'EdDSA',
        ...(n % 2 ? { kid: vm(v) } : {}),
        x5c: [
          publicKeyObject(attacker.signer.publicKeyMultibase)
            .export({ format: 'der', type: 'spki' })
            .toString('base64'),
        ],
      },
      sign: signEd(attacker),
    }),
  },
  {
    name: 'x5u/attacker-url',
    build: (v, n) => ({
      header: { alg: 'EdDSA', ...(n % 2 ? { kid: vm(v) } : {}), x5u: 'https://attacker.example/cert.pem' },
      sign: signEd(attacker),
    }),
  },
  {
    name: 'jku/attacker-url',
    build: (v, n) => ({
      header: { alg: 'EdDSA', kid: n % 2 ? vm(v) : 'attacker-1', jku: 'https://attacker.example/jwks.json' },
      sign: signEd(attacker),
    }),
  },
  {
    name: 'kid/other-organisation',
    build: () => ({ header: { alg: 'EdDSA', kid: vm(PARTIES.otherWeb) }, sign: signEd(PARTIES.otherWeb) }),
  },
  {
    name: 'kid/attacker-did-key',
    build: () => ({ header: { alg: 'EdDSA', kid: vm(attacker) }, sign: signEd(attacker) }),
  },
  {
    name: 'kid/delegate-of-other-controller',
    build: () => ({ header: { alg: 'EdDSA', kid: vm(PARTIES.victimDelegate) }, sign: signEd(PARTIES.victimDelegate) }),
  },
  {
    name: 'kid/authentication-only-key',
    build: () => ({ header: { alg: 'EdDSA', kid: vm(PARTIES.victimAuthOnly) }, sign: signEd(PARTIES.victimAuthOnly) }),
  },
  {
    name: 'kid/attacker-web-claims-victim',
    build: () => ({
      header: { alg: 'EdDSA', kid: vm(PARTIES.attackerClaimsVictim) },
      sign: signEd(PARTIES.attackerClaimsVictim),
    }),
  },
  {
    name: 'kid/victim-key-attacker-signature',
    build: (v) => ({ header: { alg: 'EdDSA', kid: vm(v), typ: 'vc+jwt' }, sign: signEd(attacker) }),
  },
  {
    name: 'kid/victim-did-without-fragment',
    build: (v) => ({ header: { alg: 'EdDSA', kid: v.did }, sign: signEd(attacker) }),
  },
  {
    name: 'kid/relative-fragment',
    build: (v) => ({ header: { alg: 'EdDSA', kid: `#${vm(v).split('#')[1]!}` }, sign: signEd(attacker) }),
  },
  {
    name: 'alg/none',
    variants: 5,
    build: (v, n) => ({ header: { alg: ['none', 'None', 'NONE', '', 'eddsa'][n % 5]!, kid: vm(v) }, sign: () => '' }),
  },
  { name: 'alg/none-with-signature', build: (v) => ({ header: { alg: 'none', kid: vm(v) }, sign: signEd(attacker) }) },
  {
    name: 'hs256/issuer-public-key',
    variants: 15,
    build: (v, n) => {
      const secret = publicKeySecrets(v)[n % 5]!;
      const alg = ['HS256', 'HS384', 'HS512'][Math.floor(n / 5) % 3]!;
      return {
        header: { alg, kid: vm(v) },
        sign: (input) =>
          createHmac(`sha${alg.slice(2)}`, secret)
            .update(input)
            .digest(),
      };
    },
  },
  {
    name: 'crit/b64-false',
    build: (v) => ({ header: { alg: 'EdDSA', kid: vm(v), b64: false, crit: ['b64'] }, sign: signEd(attacker) }),
  },
];

type Claims = 'as-issued' | 'no-registered-claims' | 'iss-attacker';

/** The victim's credential as the payload, with the attacker's own achievement name. */
function forgedPayload(subject: Subject, forgedName: string, claims: Claims): JsonObject {
  const token = subject.signed as string;
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as JsonObject;
  const achievement = (payload.credentialSubject as JsonObject).achievement as JsonObject;
  achievement.name = forgedName;
  if (claims === 'no-registered-claims') for (const claim of ['iss', 'jti', 'nbf', 'sub', 'exp']) delete payload[claim];
  if (claims === 'iss-attacker') payload.iss = attacker.did;
  return payload;
}

function compact(header: JsonValue, payload: JsonValue, signing: Signing): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  const signature = signing(input);
  return `${input}.${typeof signature === 'string' ? signature : b64(signature)}`;
}

describe('JWT header attacks', () => {
  it(
    'the token builder makes tokens that verify when signed honestly (control)',
    async () => {
      for (const subject of jwtSubjects.filter((s) => !s.isRevoked)) {
        const victim = PARTIES[subject.issuer];
        const token = compact(
          { alg: 'EdDSA', kid: vm(victim), typ: 'vc+jwt' },
          forgedPayload(subject, 'Safe Lifting Practices', 'as-issued'),
          signEd(victim),
        );
        const result = await verify(token, inputs.fetchStatusList);
        expect(result.verified, describeChecks(result)).toBe(true);
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'each attack, in each of its variants, on every JWT input (exhaustive)',
    async () => {
      for (const attack of ATTACKS) {
        for (let variant = 0; variant < (attack.variants ?? 2); variant++) {
          for (const subject of jwtSubjects) {
            const { header, sign: signing } = attack.build(PARTIES[subject.issuer], variant);
            const result = await verify(
              compact(header, forgedPayload(subject, 'Forklift Master', 'as-issued'), signing),
              inputs.fetchStatusList,
            );
            tally.mustRefuse({
              mutationClass: `jwt-header-each/${attack.name}`,
              subject: subject.name,
              description: `header ${JSON.stringify(header).slice(0, 160)}`,
              result,
            });
          }
        }
      }
      expect(tally.violationReport('jwt-header-each/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );

  it(
    'every forged header is refused (sampled with attacker-chosen content and claims)',
    async () => {
      const claims = fc.constantFrom<Claims>('as-issued', 'no-registered-claims', 'iss-attacker');
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.constantFrom(...ATTACKS),
          fc.nat(),
          fc.string({ minLength: 1, maxLength: 40 }),
          claims,
          async (which, attack, variant, forgedName, claim) => {
            const subject = jwtSubjects[which % jwtSubjects.length]!;
            const { header, sign: signing } = attack.build(PARTIES[subject.issuer], variant);
            const token = compact(header, forgedPayload(subject, forgedName, claim), signing);
            const result = await verify(token, inputs.fetchStatusList);
            tally.sites.add(`${attack.name} ${JSON.stringify(header.alg)} ${claim}`);
            tally.mustRefuse({
              mutationClass: `jwt-header/${attack.name}`,
              subject: subject.name,
              description: `header ${JSON.stringify(header).slice(0, 160)}, claims ${claim}`,
              result,
            });
          },
        ),
        { seed: SEED, numRuns: runs(20, 0.12) },
      );
      expect(tally.violationReport('jwt-header/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );
});
