import { guardedFetchJson, guardedFetchText } from '../net/guarded-request.js';

export { isBlockedAddress } from '../net/blocked-addresses.js';

export type SafeFetchOptions = { timeoutMs?: number; maxBytes?: number };

/**
 * GETs JSON (or text) over https only, with a timeout and a size cap, refusing hosts that
 * resolve to private or loopback addresses (the shared guard in `net/`). For the CLI's did:web
 * and status list look-ups.
 */
export function safeFetchText(
  url: string,
  { timeoutMs = 5000, maxBytes = 1024 * 1024 }: SafeFetchOptions = {},
): Promise<string> {
  return guardedFetchText(url, { timeoutMs, maxBytes });
}

/** `safeFetchText` parsed as JSON. */
export function safeFetchJson(
  url: string,
  { timeoutMs = 5000, maxBytes = 1024 * 1024 }: SafeFetchOptions = {},
): Promise<unknown> {
  return guardedFetchJson(url, { timeoutMs, maxBytes });
}
