// Issuer swaps: a credential that names an issuer but is signed by a key that issuer never
// authorised to assert. Re-signed by the attacker's did:key, by another organisation's did:web
// key, with a verification method controlled by someone else, with a key of the issuer's DID
// document that is not under assertionMethod, with the issuer's key id over the attacker's key;
// a CLR from the attacker embedding a forgery; a forged endorsement. None may verify.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner, type VerificationResult } from '../../src/index.js';
import type { JsonObject } from '../../src/util/json.js';
import {
  corpus,
  ob3Credential,
  PARTIES,
  signAs,
  verify,
  type Corpus,
  type Format,
  type Party,
  type Subject,
} from './corpus.js';
import { runs, SEED, TEST_TIMEOUT } from './generators.js';
import { describeChecks, Tally } from './tally.js';

const tally = new Tally('issuer-binding');
let inputs: Corpus;

beforeAll(async () => {
  inputs = await corpus();
}, TEST_TIMEOUT);
afterAll(() => tally.print());

/** The issuer's own verification method id, over the attacker's key pair. */
const borrowedKeyId = (victim: Party): Party => ({
  did: victim.did,
  signer: createSigner({
    verificationMethod: victim.signer.verificationMethod,
    publicKeyMultibase: PARTIES.attacker.signer.publicKeyMultibase,
    secretKeyMultibase: PARTIES.attacker.signer.secretKeyMultibase,
  }),
});

type Swap = {
  name: string;
  /** Who the credential names as issuer, given the victim. */
  names: (victim: Party) => Party;
  /** Whose key signs it. */
  signs: (victim: Party) => Party;
};

const SWAPS: Swap[] = [
  { name: 'names-victim/signed-by-attacker-did-key', names: (v) => v, signs: () => PARTIES.attacker },
  {
    name: 'names-other-organisation/signed-by-attacker-did-key',
    names: () => PARTIES.otherWeb,
    signs: () => PARTIES.attacker,
  },
  { name: 'names-victim/signed-by-other-organisation', names: (v) => v, signs: () => PARTIES.otherWeb },
  { name: 'names-victim/key-of-another-controller', names: (v) => v, signs: () => PARTIES.victimDelegate },
  { name: 'names-victim/key-not-under-assertionMethod', names: (v) => v, signs: () => PARTIES.victimAuthOnly },
  { name: 'names-victim/attacker-document-claims-victim', names: (v) => v, signs: () => PARTIES.attackerClaimsVictim },
  { name: 'names-victim/victim-key-id-attacker-key', names: (v) => v, signs: (v) => borrowedKeyId(v) },
];

/** The subject's credential re-issued: another issuer named, forged content, re-signed. */
async function reissue(subject: Subject, swap: Swap, forgedName: string): Promise<JsonObject | string> {
  const victim = PARTIES[subject.issuer];
  const named = swap.names(victim);
  const credential = structuredClone(subject.unsigned);
  const profile = credential.issuer as JsonObject;
  credential.issuer = { ...profile, id: named.did };
  const subjectNode = credential.credentialSubject as JsonObject;
  if (subject.kind === 'clr') credential.name = forgedName;
  else (subjectNode.achievement as JsonObject).name = forgedName;
  return signAs(credential, subject.format, swap.signs(victim));
}

describe('issuer binding', () => {
  it(
    "re-issuing with the named issuer's own key verifies, so refusals below come from the swap (control)",
    async () => {
      const honest: Swap = { name: 'honest', names: (v) => v, signs: (v) => v };
      for (const subject of inputs.subjects.filter((s) => !s.isRevoked)) {
        const result = await verify(await reissue(subject, honest, 'Forklift Master'), inputs.fetchStatusList);
        expect(result.verified, `${subject.name}: ${describeChecks(result)}`).toBe(true);
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'each swap on every active OB 3.0 input, did:key and did:web, rdfc, jcs and JWT (exhaustive)',
    async () => {
      const subjects = inputs.subjects.filter((s) => s.kind === 'ob3' && !s.isRevoked);
      for (const swap of SWAPS) {
        for (const subject of subjects) {
          const result = await verify(await reissue(subject, swap, 'Forklift Master'), inputs.fetchStatusList);
          tally.mustRefuse({
            mutationClass: `swap-each/${swap.name}`,
            subject: subject.name,
            description: swap.name,
            result,
          });
        }
      }
      expect(tally.violationReport('swap-each/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );

  it(
    'every swap, on every input, with attacker-chosen content, is refused (sampled)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.constantFrom(...SWAPS),
          fc.string({ minLength: 1, maxLength: 40 }),
          async (which, swap, forgedName) => {
            const subject = inputs.subjects[which % inputs.subjects.length]!;
            const result = await verify(await reissue(subject, swap, forgedName), inputs.fetchStatusList);
            tally.sites.add(`${subject.name} ${swap.name}`);
            tally.mustRefuse({
              mutationClass: `swap/${swap.name}`,
              subject: subject.name,
              description: `${swap.name}, name ${JSON.stringify(forgedName)}`,
              result,
            });
          },
        ),
        { seed: SEED, numRuns: runs(12, 0.08) },
      );
      expect(tally.violationReport('swap/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );

  it(
    'a CLR the attacker signs for itself that embeds a forgery naming the victim is refused',
    async () => {
      const clr = inputs.subjects.find((s) => s.kind === 'clr' && !s.isRevoked)!;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<Format>('rdfc', 'jcs', 'jwt'),
          fc.constantFrom(...SWAPS),
          async (format, swap) => {
            const victim = PARTIES.victimWeb;
            const forged = ob3Credential('victimWeb', false, 'urn:uuid:forged-embedded', 13);
            forged.issuer = { ...(forged.issuer as JsonObject), id: swap.names(victim).did };
            const embedded = await signAs(forged, format, swap.signs(victim));
            const unsigned = structuredClone(clr.unsigned);
            unsigned.issuer = { id: PARTIES.attacker.did, type: ['Profile'], name: 'Attacker Academy' };
            delete unsigned.credentialStatus;
            const subjectNode = unsigned.credentialSubject as JsonObject;
            subjectNode.verifiableCredential = [...(subjectNode.verifiableCredential as JsonObject[]), embedded];
            const result = await verify(await signAs(unsigned, 'rdfc', PARTIES.attacker), inputs.fetchStatusList);
            tally.mustRefuse({
              mutationClass: `clr-embeds/${swap.name}`,
              subject: `clr/rdfc/attacker embedding ${format}`,
              description: `embedded ${format} credential: ${swap.name}`,
              result,
            });
          },
        ),
        { seed: SEED, numRuns: runs(2, 0.01) },
      );
      expect(tally.violationReport('clr-embeds/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );

  it(
    'a forged endorsement inside a genuinely signed credential is never reported as valid',
    async () => {
      const endorsed = inputs.subjects.find((s) => s.kind === 'endorsed' && !s.isRevoked)!;
      const control = await verify(endorsed.signed, inputs.fetchStatusList);
      expect(
        control.checks.find((c) => c.id === 'endorsement-0')?.status,
        'the genuine endorsement passes (control)',
      ).toBe('passed');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...SWAPS),
          fc.string({ minLength: 1, maxLength: 40 }),
          async (swap, comment) => {
            const unsigned = structuredClone(endorsed.unsigned);
            const [genuine] = unsigned.endorsement as JsonObject[];
            const { proof: _proof, ...endorsementBody } = genuine!;
            // The forged endorsement claims to come from the victim organisation.
            const endorser = PARTIES.victimWeb;
            const forgedEndorsement = {
              ...endorsementBody,
              issuer: { ...(endorsementBody.issuer as JsonObject), id: swap.names(endorser).did },
              credentialSubject: { ...(endorsementBody.credentialSubject as JsonObject), endorsementComment: comment },
            };
            unsigned.endorsement = [await signAs(forgedEndorsement, 'rdfc', swap.signs(endorser))];
            const result = await verify(
              await signAs(unsigned, 'rdfc', PARTIES[endorsed.issuer]),
              inputs.fetchStatusList,
            );
            // The credential itself is genuine and may verify; what must not pass is the endorsement.
            const check = result.checks.find((c) => c.id === 'endorsement-0');
            const asVerdict: VerificationResult = { ...result, verified: check?.status === 'passed' };
            tally.mustRefuse({
              mutationClass: `endorsement/${swap.name}`,
              subject: endorsed.name,
              description: `embedded endorsement: ${swap.name} (endorsement check ${check?.status ?? 'absent'}; ${describeChecks(result)})`,
              result: asVerdict,
            });
          },
        ),
        { seed: SEED, numRuns: runs(4, 0.02) },
      );
      expect(tally.violationReport('endorsement/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );
});
