import { extractPng, extractSvg } from '@cairn/credentials';
import { AppError } from '../http/app-error.js';

type JsonObject = Record<string, unknown>;

// Kept apart from verification.service.ts: the verify worker reads files too and must not load
// the database layer.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads a credential out of an uploaded file by what its bytes are, not what its name claims:
 * a baked PNG or SVG, a JSON credential or a compact VC-JWT.
 */
export function readCredentialFile(bytes: Buffer, filename: string): JsonObject | string {
  const bad = (why: string) =>
    new AppError('validation_failed', `${filename}: ${why}`, { fields: [{ field: 'file', message: why }] });
  if (bytes.length === 0) throw bad('the file is empty.');
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    try {
      return extractPng(bytes);
    } catch (error) {
      throw bad(error instanceof Error ? error.message : 'no credential could be read from this PNG.');
    }
  }
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (/^<(\?xml|svg|!--)/i.test(text) || text.includes('<svg')) {
    try {
      return extractSvg(text);
    } catch (error) {
      throw bad(error instanceof Error ? error.message : 'no credential could be read from this SVG.');
    }
  }
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as JsonObject;
    } catch (error) {
      throw bad(`this is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
    }
  }
  if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(text)) return text;
  throw bad('this is neither a credential (JSON or VC-JWT) nor a baked PNG or SVG badge.');
}
