import { createHash } from 'node:crypto';
import { isJsonObject } from '../util/json.js';
import type { IdentityObject } from './types.js';

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `sha256$<hex>` of normalised email + salt: the OB 3.0 hashed identity of a recipient. */
export function hashIdentity(email: string, salt: string): `sha256$${string}` {
  if (typeof email !== 'string' || typeof salt !== 'string') throw new TypeError('email and salt must be strings');
  return `sha256$${createHash('sha256')
    .update(normaliseEmail(email) + salt, 'utf8')
    .digest('hex')}`;
}

/** A hashed email IdentityObject with the given salt (use a fresh random salt per credential). */
export function buildEmailIdentity(email: string, salt: string): IdentityObject {
  return {
    type: 'IdentityObject',
    hashed: true,
    identityHash: hashIdentity(email, salt),
    identityType: 'emailAddress',
    salt,
  };
}

/**
 * Whether an IdentityObject names this email, hashed (sha256$ or md5$ is not accepted: too weak)
 * or plain. Used to show a learner that a badge is really theirs.
 */
export function identityMatches(identity: unknown, email: string): boolean {
  if (!isJsonObject(identity) || typeof email !== 'string') return false;
  if (identity.identityType !== 'emailAddress' || typeof identity.identityHash !== 'string') return false;
  if (identity.hashed === true) {
    const salt = typeof identity.salt === 'string' ? identity.salt : '';
    const [algorithm, hex] = identity.identityHash.split('$');
    if (algorithm?.toLowerCase() !== 'sha256' || !hex) return false;
    return hashIdentity(email, salt).slice('sha256$'.length) === hex.toLowerCase();
  }
  return normaliseEmail(identity.identityHash) === normaliseEmail(email);
}
