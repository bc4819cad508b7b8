import { guardedRequest, type NetworkPolicy } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { getCredentialDocument } from '../issuance/use-cases/get-credential-document.js';
import { MAX_CANDIDATE_FILE_BYTES } from './candidate-upload.js';

/** Reads the bytes a credential URL serves (JSON, VC-JWT, or a baked PNG/SVG). Throws with a reason. */
export type CredentialFetcher = (url: string) => Promise<Buffer>;

/** Whole budget of one fetch: DNS, connection and body. */
export const FETCH_TIMEOUT_MS = 5000;

/**
 * Credential URLs as a candidate check reads them: this Cairn's own `/credentials/{id}` from
 * the database (no request to itself); anything else only through the shared SSRF guard —
 * https, never a private, loopback, link-local or metadata address, no redirects, 5 s, 10 MB.
 */
export function createCredentialFetcher(deps: Deps, policy: NetworkPolicy = {}): CredentialFetcher {
  return async (url) => {
    const parsed = new URL(url);
    if (parsed.origin === deps.publicUrl.origin) {
      const match = /^\/credentials\/([0-9a-f-]{36})\/?$/i.exec(parsed.pathname);
      if (!match) throw new Error(`${url} is not a credential of this Cairn`);
      const { document } = await getCredentialDocument(deps, match[1]!);
      return Buffer.from(document, 'utf8');
    }
    const response = await guardedRequest(url, {
      ...policy,
      method: 'GET',
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: MAX_CANDIDATE_FILE_BYTES,
      headers: { accept: 'application/vc+ld+json, application/vc+jwt, application/json, image/png, image/svg+xml' },
    });
    if (response.status !== 200) throw new Error(`${url} answered HTTP ${response.status}, not a credential`);
    return response.body;
  };
}
