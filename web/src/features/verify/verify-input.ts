/** What the verifier accepts: a credential as a JSON object, or a VC-JWT string. */
export type CredentialInput = Record<string, unknown> | string;

export type ParseResult = { ok: true; value: CredentialInput } | { ok: false; error: string };

const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Reads pasted text as a credential before anything is sent: JSON must be an object,
 * anything else must look like a compact JWT (three base64url parts).
 */
export function parsePastedCredential(text: string): ParseResult {
  const trimmed = text.trim();
  if (!trimmed)
    return { ok: false, error: 'Paste a credential first: its JSON, or the JWT (three parts separated by dots).' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : 'invalid JSON';
      return { ok: false, error: `This is not valid JSON (${reason}). Check that you copied the whole credential.` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { ok: false, error: 'The JSON must be a single credential object, starting with {.' };
    }
    return { ok: true, value: parsed as Record<string, unknown> };
  }
  const compact = trimmed.replace(/\s+/g, '');
  if (JWT_PATTERN.test(compact)) return { ok: true, value: compact };
  return {
    ok: false,
    error: 'This is neither JSON nor a JWT. A JSON credential starts with {; a JWT has three parts separated by dots.',
  };
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.json', '.jwt', '.png', '.svg'] as const;
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_EXTENSIONS, 'application/json', 'image/png', 'image/svg+xml'].join(',');

/** Why a chosen file cannot be verified, checked before uploading; null when it can be sent. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) {
    return `${file.name} is not a credential file Cairn can read. Choose a .json, .jwt, .png or .svg file.`;
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}
