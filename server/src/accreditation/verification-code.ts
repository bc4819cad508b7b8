import { randomBytes } from 'node:crypto';

// Crockford-like alphabet: no I, L, O or U, so a code read aloud or typed is not mistaken.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short public code for a register entry, e.g. `ACC-7K2M-Q9XD`: 40 random bits. */
export function newVerificationCode(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let i = 0; i < 8; i += 1) out += ALPHABET[bytes[i]! % 32];
  return `ACC-${out.slice(0, 4)}-${out.slice(4)}`;
}
