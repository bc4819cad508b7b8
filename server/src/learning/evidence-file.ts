import { extname } from 'node:path';

/** Largest evidence file any assignment may accept (authors choose lower limits). */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

const byExtension: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.zip': 'application/zip',
};

const textTypes = new Set(['text/plain', 'text/markdown', 'text/csv']);
const zipTypes = new Set([byExtension['.docx'], byExtension['.xlsx'], byExtension['.pptx'], 'application/zip']);

/** What the bytes say a file is, from its signature; undefined when they match no known kind. */
function sniff(bytes: Uint8Array): 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'text' | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'webp';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  const sample = Buffer.from(bytes.subarray(0, 4096));
  if (!sample.includes(0) && !sample.toString('utf8').includes('\uFFFD')) return 'text';
  return undefined;
}

/**
 * The media type of an uploaded evidence file, judged by its name AND its bytes; a file whose
 * content does not match its name (a renamed executable, say) is refused.
 */
export function detectEvidenceType(filename: string, bytes: Uint8Array): { mediaType: string } | { problem: string } {
  const declared = byExtension[extname(filename).toLowerCase()];
  if (!declared)
    return {
      problem: `Files ending in ${extname(filename) || '(no extension)'} are not accepted. Use PDF, an image, a text file or an Office document.`,
    };
  const actual = sniff(bytes);
  const isMatch =
    (actual === 'pdf' && declared === 'application/pdf') ||
    (actual === 'png' && declared === 'image/png') ||
    (actual === 'jpeg' && declared === 'image/jpeg') ||
    (actual === 'gif' && declared === 'image/gif') ||
    (actual === 'webp' && declared === 'image/webp') ||
    (actual === 'zip' && zipTypes.has(declared)) ||
    (actual === 'text' && textTypes.has(declared));
  if (!isMatch)
    return {
      problem: `${filename} is not really a ${extname(filename).slice(1).toUpperCase()} file: its content says otherwise.`,
    };
  return { mediaType: declared };
}
