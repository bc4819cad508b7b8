import { gunzipSync, gzipSync } from 'node:zlib';
import { Bitstring, MIN_STATUS_LIST_LENGTH } from './bitstring.js';

// A list is tiny once compressed; cap what decompression may produce (gzip bombs).
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

/** `encodedList` for a bitstring: `u` (multibase base64url) + base64url-no-pad(GZIP(bytes)). */
export function encodeList(bitstring: Bitstring): string {
  return `u${gzipSync(bitstring.bytes).toString('base64url')}`;
}

/**
 * Decodes an `encodedList`. Rejects a list shorter than 131,072 entries (the spec's minimum,
 * which protects holders' privacy) and anything that is not gzip. `minLength` scales for
 * statusSize > 1.
 */
export function decodeList(
  encodedList: string,
  { minLength = MIN_STATUS_LIST_LENGTH }: { minLength?: number } = {},
): Bitstring {
  if (typeof encodedList !== 'string' || encodedList.length < 2) throw new Error('The status list has no encodedList');
  // The spec writes the multibase `u` prefix; early implementations omitted it: accept both.
  const text = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('The status list encodedList is not base64url text');
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(text, 'base64url'), { maxOutputLength: MAX_DECODED_BYTES });
  } catch {
    throw new Error('The status list encodedList is not valid GZIP data');
  }
  if (bytes.length * 8 < minLength) {
    throw new Error(`The status list has ${bytes.length * 8} entries; at least ${minLength} are required`);
  }
  return new Bitstring({ bytes: new Uint8Array(bytes) });
}
