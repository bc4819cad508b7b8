import { crc32, inflateSync } from 'node:zlib';
import {
  assertSize,
  BakingError,
  DEFAULT_MAX_BYTES,
  parsePayload,
  payloadText,
  type BakedCredential,
  type SizeLimit,
} from './limits.js';

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The iTXt keyword Open Badges 3.0 uses for a baked credential. */
export const PNG_KEYWORD = 'openbadgecredential';

type Chunk = { type: string; data: Uint8Array };

function readChunks(png: Uint8Array): Chunk[] {
  if (png.length < SIGNATURE.length || SIGNATURE.some((b, i) => png[i] !== b)) throw new BakingError('Not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  let at = SIGNATURE.length;
  while (at < png.length) {
    if (at + 12 > png.length) throw new BakingError('The PNG is truncated');
    const length = view.getUint32(at);
    if (at + 12 + length > png.length) throw new BakingError('The PNG is truncated (a chunk runs past the end)');
    const type = Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new BakingError('The PNG is corrupt (invalid chunk type)');
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new BakingError(`The PNG is corrupt (checksum of the ${type} chunk does not match)`);
    }
    chunks.push({ type, data });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new BakingError('The PNG is corrupt (it does not start with IHDR)');
  if (chunks.at(-1)?.type !== 'IEND') throw new BakingError('The PNG is truncated (no IEND chunk)');
  return chunks;
}

function writeChunks(chunks: readonly Chunk[]): Uint8Array {
  const size = SIGNATURE.length + chunks.reduce((n, c) => n + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let at = SIGNATURE.length;
  for (const { type, data } of chunks) {
    view.setUint32(at, data.length);
    out.set(Buffer.from(type, 'latin1'), at + 4);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
    at += 12 + data.length;
  }
  return out;
}

/** An uncompressed iTXt chunk body: keyword, flag 0, method 0, empty language and translated keyword. */
export function encodeItxt(keyword: string, text: string): Uint8Array {
  return Buffer.concat([Buffer.from(keyword, 'latin1'), Uint8Array.of(0, 0, 0, 0, 0), Buffer.from(text, 'utf8')]);
}

/** Keyword and text of an iTXt chunk body (compressed text is inflated). */
export function decodeItxt(data: Uint8Array): { keyword: string; text: string } {
  const buffer = Buffer.from(data);
  const keywordEnd = buffer.indexOf(0);
  if (keywordEnd < 1 || keywordEnd + 3 > buffer.length) throw new BakingError('The PNG has a malformed iTXt chunk');
  const keyword = buffer.subarray(0, keywordEnd).toString('latin1');
  const isCompressed = buffer[keywordEnd + 1] === 1;
  const languageEnd = buffer.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd === -1 ? -1 : buffer.indexOf(0, languageEnd + 1);
  if (translatedEnd === -1) throw new BakingError('The PNG has a malformed iTXt chunk');
  const body = buffer.subarray(translatedEnd + 1);
  try {
    const text = (isCompressed ? inflateSync(body, { maxOutputLength: DEFAULT_MAX_BYTES }) : body).toString('utf8');
    return { keyword, text };
  } catch {
    throw new BakingError('The PNG has a compressed iTXt chunk that cannot be inflated');
  }
}

const isCredentialChunk = (chunk: Chunk): boolean =>
  chunk.type === 'iTXt' &&
  Buffer.from(chunk.data.subarray(0, PNG_KEYWORD.length + 1)).equals(Buffer.from(`${PNG_KEYWORD}\0`, 'latin1'));

/** Bakes a credential (object or compact JWT) into a PNG as one iTXt chunk, replacing any earlier one. */
export function bakePng(
  png: Uint8Array,
  payload: BakedCredential,
  { maxBytes = DEFAULT_MAX_BYTES }: SizeLimit = {},
): Uint8Array {
  assertSize(png.length, maxBytes);
  const { text } = payloadText(payload);
  const chunks = readChunks(png).filter((chunk) => !isCredentialChunk(chunk));
  chunks.splice(chunks.length - 1, 0, { type: 'iTXt', data: encodeItxt(PNG_KEYWORD, text) });
  const out = writeChunks(chunks);
  assertSize(out.length, maxBytes, 'The baked image');
  return out;
}

/** The credential baked into a PNG: an object for JSON, a string for a JWT. Rejects two credentials. */
export function extractPng(png: Uint8Array, { maxBytes = DEFAULT_MAX_BYTES }: SizeLimit = {}): BakedCredential {
  assertSize(png.length, maxBytes);
  const found = readChunks(png).filter(isCredentialChunk);
  if (found.length === 0) throw new BakingError('The PNG has no baked credential');
  if (found.length > 1) throw new BakingError('The PNG has more than one baked credential');
  return parsePayload(decodeItxt(found[0]!.data).text);
}
