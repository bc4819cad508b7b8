import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A URL-safe random secret with `bytes` of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 of a high-entropy token. Tokens (sessions, API keys, invitations, resets) are
 * stored only as this hash, so a database leak does not hand out working credentials.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
