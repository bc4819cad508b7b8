import { sign as cryptoSign } from 'node:crypto';
import { signingKeyOf, type Signer } from '../keys/signer.js';
import { base64UrlDecode, base64UrlEncode } from '../util/base64url.js';
import { idOf, isJsonObject, type JsonObject } from '../util/json.js';

export type SignJwtOptions = { credential: JsonObject; signer: Signer };

const toSeconds = (text: unknown): number | undefined => {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/**
 * Signs a credential as a compact VC-JWT (EdDSA). The payload is the credential itself plus the
 * registered claims OB 3.0 asks for (iss, jti, nbf, sub, exp), so JWT-only verifiers work too.
 */
export function signJwt({ credential, signer }: SignJwtOptions): string {
  if (!isJsonObject(credential)) throw new TypeError('credential must be a JSON object');
  if (!signer || typeof signer.secretKeyMultibase !== 'string') throw new TypeError('signer is required');
  const { proof: _proof, ...body } = credential;
  const payload: JsonObject = { ...body };
  const issuer = idOf(credential.issuer);
  if (issuer) payload.iss = issuer;
  if (typeof credential.id === 'string') payload.jti = credential.id;
  const nbf = toSeconds(credential.validFrom);
  if (nbf !== undefined) payload.nbf = nbf;
  const subject = isJsonObject(credential.credentialSubject) ? idOf(credential.credentialSubject) : undefined;
  if (subject) payload.sub = subject;
  const exp = toSeconds(credential.validUntil);
  if (exp !== undefined) payload.exp = exp;
  const header = { alg: 'EdDSA', kid: signer.verificationMethod, typ: 'vc+jwt' };
  const signingInput = `${encodeJson(header)}.${encodeJson(payload)}`;
  const signature = cryptoSign(null, Buffer.from(signingInput), signingKeyOf(signer));
  return `${signingInput}.${base64UrlEncode(signature)}`;
}

function encodeJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A compact JWS split and decoded, before any signature check. */
export type DecodedJwt = { header: JsonObject; payload: JsonObject; signingInput: string; signature: Uint8Array };

/** True when text looks like a compact JWS (three base64url parts). */
export function isCompactJwt(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text.trim());
}

/** Splits and decodes a compact JWS; throws with a readable reason when it is malformed. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new Error('A compact JWT has three parts separated by dots');
  const [h, p, s] = parts as [string, string, string];
  const header = parseJsonPart(h, 'header');
  const payload = parseJsonPart(p, 'payload');
  return { header, payload, signingInput: `${h}.${p}`, signature: base64UrlDecode(s) };
}

function parseJsonPart(part: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(base64UrlDecode(part)).toString('utf8'));
  } catch {
    throw new Error(`The JWT ${what} is not base64url-encoded JSON`);
  }
  if (!isJsonObject(value)) throw new Error(`The JWT ${what} is not a JSON object`);
  return value;
}
