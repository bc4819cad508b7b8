/** Largest badge image accepted for baking or extraction unless the caller says otherwise. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** What a baked badge carries: a JSON credential or a compact VC-JWT. */
export type BakedCredential = Record<string, unknown> | string;

export type SizeLimit = { maxBytes?: number };

/** Thrown for any badge image that cannot be baked or read, with a reason a person can act on. */
export class BakingError extends Error {
  override name = 'BakingError';
}

export function assertSize(size: number, maxBytes = DEFAULT_MAX_BYTES, what = 'The image'): void {
  if (size > maxBytes) throw new BakingError(`${what} is ${size} bytes; the limit is ${maxBytes}`);
}

/** The text to embed for a payload: JSON for an object, the token itself for a JWT. */
export function payloadText(payload: unknown): { text: string; isJwt: boolean } {
  if (typeof payload === 'string') {
    const text = payload.trim();
    if (text.startsWith('{')) return { text, isJwt: false };
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text))
      throw new BakingError('The payload is neither JSON nor a compact JWT');
    return { text, isJwt: true };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new BakingError('The payload must be a credential object or a compact JWT');
  }
  return { text: JSON.stringify(payload), isJwt: false };
}

/** Parses extracted text back into a credential object or a JWT string. */
export function parsePayload(text: string): BakedCredential {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      throw new BakingError('The embedded credential is not valid JSON');
    }
  }
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(trimmed)) return trimmed;
  throw new BakingError('The embedded credential is neither JSON nor a compact JWT');
}
