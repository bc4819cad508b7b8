import { base58 } from '@scure/base';

// Base58 (Bitcoin alphabet), the `z` multibase used by Multikey and Data Integrity proofs.
// Thin names over @scure/base, so callers keep one import and one error style.

/** Encodes bytes as base58btc (no multibase prefix). */
export function base58Encode(bytes: Uint8Array): string {
  return base58.encode(bytes);
}

/** Decodes base58btc text (no multibase prefix); throws on a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array {
  try {
    return base58.decode(text);
  } catch (err) {
    throw new Error(`Invalid base58 text: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
