import { compactVerify, errors as joseErrors } from 'jose';
import { decodeJwt, type DecodedJwt } from '../proofs/vc-jwt.js';
import { isJsonObject, show, type JsonObject } from '../util/json.js';
import type { DocumentLoader } from '../contexts/document-loader.js';
import { controllerOfMethodId, resolveJwtAssertionKey } from './key-resolver.js';
import type { SignedFacts } from './signed-meaning.js';

/** Signature algorithms accepted on a VC-JWT; the key type must match (JOSE checks it). */
export const JWT_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;

/**
 * Header fields a VC-JWT may carry. Keys and key references (`jwk`, `x5c`, `x5u`, `jku`) are
 * refused: a key the token brings with it proves only that someone had that key, never that
 * the issuer did. The key comes from the issuer's DID document through `kid`, nothing else.
 */
export const ALLOWED_JWT_HEADER_FIELDS = ['alg', 'kid', 'typ', 'cty'] as const;

export type JwtDecoding = { ok: true; jwt: DecodedJwt } | { ok: false; reason: string };

/** Decodes and checks the header before anything is trusted. */
export function decodeVcJwt(token: string): JwtDecoding {
  let jwt: DecodedJwt;
  try {
    jwt = decodeJwt(token);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const { header } = jwt;
  if (!(JWT_ALGORITHMS as readonly unknown[]).includes(header.alg)) {
    return {
      ok: false,
      reason: `The JWT algorithm "${show(header.alg)}" is not accepted (${JWT_ALGORITHMS.join(', ')} only)`,
    };
  }
  const extra = Object.keys(header).filter((k) => !(ALLOWED_JWT_HEADER_FIELDS as readonly string[]).includes(k));
  const keyBearing = extra.filter((k) => ['jwk', 'x5c', 'x5u', 'jku', 'x5t', 'x5t#S256'].includes(k));
  if (keyBearing.length > 0) {
    return {
      ok: false,
      reason: `The JWT header carries its own key or key location (${keyBearing.join(', ')}); a key that travels with the token cannot be tied to the issuer, so Cairn only uses keys from the issuer's DID document (kid)`,
    };
  }
  if (extra.length > 0)
    return { ok: false, reason: `The JWT header has fields that are not accepted: ${extra.join(', ')}` };
  if (typeof header.kid !== 'string' || header.kid === '')
    return { ok: false, reason: 'The JWT header names no key (kid)' };
  return { ok: true, jwt };
}

export type JwtSignatureOutcome =
  { ok: true; keyId: string; controller: string } | { ok: false; stage: 'key' | 'signature'; reason: string };

/**
 * Verifies the JWS with the issuer's own key: `kid` must be a verification method of the
 * issuer DID (from the signed payload), listed under `assertionMethod` of its DID document.
 */
export async function verifyJwtWithIssuerKey(
  token: string,
  jwt: DecodedJwt,
  issuerId: string | undefined,
  documentLoader: DocumentLoader,
): Promise<JwtSignatureOutcome> {
  if (!issuerId)
    return { ok: false, stage: 'key', reason: 'The credential names no issuer id, so no key can be looked up' };
  const rawKid = typeof jwt.header.kid === 'string' ? jwt.header.kid : '';
  const kid = rawKid.startsWith('#') ? `${issuerId}${rawKid}` : rawKid;
  if (controllerOfMethodId(kid) !== issuerId) {
    return { ok: false, stage: 'key', reason: `The signing key ${kid} is not a key of the issuer ${issuerId}` };
  }
  let resolved;
  try {
    resolved = await resolveJwtAssertionKey(kid, documentLoader);
  } catch (error) {
    return { ok: false, stage: 'key', reason: (error as Error).message };
  }
  if (resolved.controller !== issuerId) {
    return {
      ok: false,
      stage: 'key',
      reason: `The signing key belongs to ${resolved.controller}, not to the issuer ${issuerId}`,
    };
  }
  try {
    await compactVerify(token, resolved.key, {
      algorithms: [typeof jwt.header.alg === 'string' ? jwt.header.alg : ''],
    });
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      return {
        ok: false,
        stage: 'signature',
        reason: 'the signature does not match the content: it was changed after signing, or signed with another key',
      };
    }
    return {
      ok: false,
      stage: 'signature',
      reason: `the key does not fit the algorithm or the token is malformed (${(error as Error).message})`,
    };
  }
  return { ok: true, keyId: kid, controller: resolved.controller };
}

const seconds = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/** The registered claims must say what the credential says (OB 3.0 §8.2.4.1). */
export function jwtClaimProblems(payload: JsonObject, facts: SignedFacts): string[] {
  const problems: string[] = [];
  if (payload.iss !== undefined && payload.iss !== facts.issuerId) problems.push('iss is not the issuer id');
  if (payload.jti !== undefined && payload.jti !== facts.id) problems.push('jti is not the credential id');
  const subjectIds = facts.subjects.map((s) => s.id).filter((id) => id !== undefined);
  if (payload.sub !== undefined && (typeof payload.sub !== 'string' || !subjectIds.includes(payload.sub)))
    problems.push('sub is not the subject id');
  for (const [claim, field, value] of [
    ['nbf', 'validFrom', facts.validFrom],
    ['exp', 'validUntil', facts.validUntil],
  ] as const) {
    const claimed = payload[claim];
    if (claimed === undefined) continue;
    if (typeof claimed !== 'number' || !Number.isFinite(claimed)) problems.push(`${claim} is not a number`);
    else if (value === undefined) problems.push(`${claim} is set but the credential has no ${field}`);
    else if (claimed !== seconds(value)) problems.push(`${claim} is not ${field}`);
  }
  if (isJsonObject(payload.vc))
    problems.push(
      'the payload wraps the credential in "vc" (VC-JWT 1.1); Cairn reads VC 2.0 JWTs, whose payload is the credential',
    );
  return problems;
}
