import { isCompactJwt } from '../proofs/vc-jwt.js';

/**
 * How big and how complex a credential may be before a verifier refuses to look at it.
 * Verification cost grows with the JSON-LD graph (canonicalisation) and with the number of
 * signatures (embedded credentials, endorsements, proofs): before these limits, a 1 MB
 * credential with 12,000 alignments took 9.5 s of CPU and a CLR embedding 200 credentials
 * 12.6 s (about 60 ms a credential). Each limit sits far above what real credentials carry and
 * low enough that a credential at the limit costs around a second or two, not minutes.
 *
 * Measured on real credentials (credentials/test/fixtures, the 1EdTech and W3C examples, and
 * what Cairn issues), largest first: the spec's "complete" OpenBadgeCredential is 25 KB with
 * 553 JSON values, nesting depth 10, its longest array 4 items, 5 endorsements and 1 proof; the
 * 1EdTech CLR example embeds 1 credential in 4.5 KB (depth 7); a Cairn credential is 2-5 KB; a
 * Cairn pathway CLR embeds one credential per programme of the pathway, typically under 20.
 */
export const VERIFY_LIMITS = {
  /**
   * Bytes of the credential's JSON text (or of the whole compact VC-JWT): ten times the
   * "complete" example; room for a CLR of 50 Cairn credentials or 1,000 full alignments.
   */
  maxBytes: 256 * 1024,
  /** JSON values (objects, arrays, strings, numbers...) in all: 36 times the complete example. */
  maxNodes: 20_000,
  /**
   * Nesting of objects and arrays: the complete example reaches 10, an embedded one in a CLR
   * about 13; 32 leaves room for extensions and stops pathological input early.
   */
  maxDepth: 32,
  /** Items in one array (alignments, results, evidence...); real ones hold tens. */
  maxArrayLength: 1_000,
  /** Credentials embedded in a CLR (all levels); each is a signature to check. */
  maxEmbeddedCredentials: 50,
  /** Endorsements anywhere in the credential (all levels); each is a signature to check. */
  maxEndorsements: 20,
  /** Proofs on one credential: one signature, two for a credential signed both ways. */
  maxProofsPerCredential: 4,
} as const;

export type VerifyLimits = { [K in keyof typeof VERIFY_LIMITS]: number };

export type VerifyLimitViolation = { kind: 'too_large' | 'too_complex'; message: string };

const count = (n: number) => n.toLocaleString('en-GB');

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

// How an array is named in messages, by the property that holds it.
const ARRAY_NAMES: Record<string, string> = {
  alignment: 'alignments',
  endorsement: 'endorsements',
  endorsementJwt: 'endorsements',
  verifiableCredential: 'embedded credentials',
  proof: 'proofs',
  result: 'results',
  resultDescription: 'result descriptions',
  evidence: 'evidence items',
  credentialStatus: 'status entries',
  identifier: 'identifiers',
  '@context': 'contexts',
  type: 'types',
  association: 'associations',
  achievement: 'achievements',
};

function arrayName(key: string | undefined): string {
  if (key === undefined) return 'items in one list';
  return ARRAY_NAMES[key] ?? `items in "${key}"`;
}

/** The JSON payload of a compact JWT, or undefined when it does not decode. */
function jwtPayload(token: string): unknown {
  const payload = token.trim().split('.')[1];
  if (payload === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

// Properties whose string values may be whole credentials (a compact VC-JWT), as in a CLR.
const CREDENTIAL_KEYS = new Set(['verifiableCredential', 'endorsement', 'endorsementJwt']);

type Pending = { value: unknown; depth: number; key: string | undefined };

/**
 * Checks a credential (object, JSON text or compact VC-JWT) against `VERIFY_LIMITS` before any
 * verification work is spent on it. Cheap: one iterative walk that stops at the first limit
 * exceeded (so deeply nested or huge input can neither overflow the stack nor cost more than
 * the limits allow). Returns undefined when the credential is within limits, including input
 * that is not readable at all (the verifier reports that); otherwise the first limit exceeded,
 * with a message for people.
 */
export function checkVerifyLimits(
  input: unknown,
  limits: VerifyLimits = VERIFY_LIMITS,
): VerifyLimitViolation | undefined {
  let root: unknown = input;
  if (typeof input === 'string') {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > limits.maxBytes) {
      return {
        kind: 'too_large',
        message: `The credential is ${sizeText(bytes)}; at most ${sizeText(limits.maxBytes)} are accepted.`,
      };
    }
    const text = input.trim();
    if (isCompactJwt(text)) {
      root = jwtPayload(text);
    } else {
      try {
        root = JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    }
    // The size is settled; the walk below must not count the decoded text a second time.
    return walk(root, { ...limits, maxBytes: Number.POSITIVE_INFINITY }, limits.maxBytes);
  }
  return walk(root, limits, limits.maxBytes);
}

function walk(root: unknown, limits: VerifyLimits, shownMaxBytes: number): VerifyLimitViolation | undefined {
  const complex = (message: string): VerifyLimitViolation => ({ kind: 'too_complex', message });
  const tooMany = () =>
    complex(
      `The credential has more than ${count(limits.maxNodes)} values in all; at most ${count(limits.maxNodes)} are accepted.`,
    );
  const tooLarge = (): VerifyLimitViolation => ({
    kind: 'too_large',
    message: `The credential is more than ${sizeText(shownMaxBytes)} of JSON; at most ${sizeText(shownMaxBytes)} are accepted.`,
  });
  let nodes = 0;
  let bytes = 0;
  let embedded = 0;
  let endorsements = 0;
  const stack: Pending[] = [{ value: root, depth: 0, key: undefined }];
  while (stack.length > 0) {
    const { value, depth, key } = stack.pop()!;
    nodes += 1;
    if (nodes + stack.length > limits.maxNodes) return tooMany();
    if (depth > limits.maxDepth) {
      return complex(
        `The credential is nested more than ${count(limits.maxDepth)} levels deep; at most ${count(limits.maxDepth)} are accepted.`,
      );
    }
    if (typeof value === 'string') {
      // Quotes and a separator around each string; escapes are not counted (an estimate).
      bytes += Buffer.byteLength(value, 'utf8') + 3;
      if (key !== undefined && CREDENTIAL_KEYS.has(key) && isCompactJwt(value)) {
        const payload = jwtPayload(value);
        if (payload !== undefined) stack.push({ value: payload, depth: depth + 1, key: undefined });
      }
    } else if (Array.isArray(value)) {
      bytes += 2;
      if (value.length > limits.maxArrayLength) {
        return complex(
          `The credential has ${count(value.length)} ${arrayName(key)}; at most ${count(limits.maxArrayLength)} are accepted.`,
        );
      }
      if (key === 'proof' && value.length > limits.maxProofsPerCredential) {
        return complex(
          `The credential carries ${count(value.length)} proofs on one credential; at most ${count(limits.maxProofsPerCredential)} are accepted.`,
        );
      }
      // Array items keep the property's name, so `alignment: [...]` items are alignments.
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], depth: depth + 1, key });
    } else if (typeof value === 'object' && value !== null) {
      bytes += 2;
      for (const [k, v] of Object.entries(value)) {
        bytes += Buffer.byteLength(k, 'utf8') + 3;
        if (k === 'verifiableCredential' || k === 'endorsement' || k === 'endorsementJwt') {
          const items = Array.isArray(v) ? v.length : v === undefined || v === null ? 0 : 1;
          if (k === 'verifiableCredential') embedded += items;
          else endorsements += items;
          if (embedded > limits.maxEmbeddedCredentials) {
            return complex(
              `The credential embeds ${count(embedded)} credentials; at most ${count(limits.maxEmbeddedCredentials)} are accepted.`,
            );
          }
          if (endorsements > limits.maxEndorsements) {
            return complex(
              `The credential has ${count(endorsements)} endorsements; at most ${count(limits.maxEndorsements)} are accepted.`,
            );
          }
        }
        stack.push({ value: v, depth: depth + 1, key: k });
        // Checked per key: one object with a million keys must not be walked to the end first.
        if (bytes > limits.maxBytes) return tooLarge();
        if (nodes + stack.length > limits.maxNodes) return tooMany();
      }
    } else {
      // Numbers, booleans and null: a few bytes each.
      bytes += 6;
    }
    if (bytes > limits.maxBytes) return tooLarge();
  }
  return undefined;
}
