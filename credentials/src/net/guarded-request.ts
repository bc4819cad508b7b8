import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { blockedRangeOf } from './blocked-addresses.js';

export type ResolvedAddress = { address: string; family: number };

/** Resolves a host name to all its addresses (node:dns `lookup` with `all: true`, or a test double). */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** Who may be reached: the rules every outgoing request made on someone else's behalf obeys. */
export type NetworkPolicy = {
  /** Also allow plain http (https is always allowed). */
  allowHttp?: boolean;
  /** Also allow loopback, private, link-local and metadata addresses (development only). */
  allowPrivate?: boolean;
  lookup?: HostLookup;
};

export type GuardRefusalReason = 'invalid-url' | 'scheme' | 'credentials-in-url' | 'no-address' | 'blocked-address';

/** The request was refused before anything was sent: the URL or the address it leads to breaks the policy. */
export class GuardRefusal extends Error {
  readonly reason: GuardRefusalReason;
  /** For `blocked-address`: the address and the range it is in ("loopback", "cloud metadata", …). */
  readonly address: string | undefined;
  readonly range: string | undefined;

  constructor(reason: GuardRefusalReason, message: string, details: { address?: string; range?: string } = {}) {
    super(message);
    this.name = 'GuardRefusal';
    this.reason = reason;
    this.address = details.address;
    this.range = details.range;
  }
}

export const systemLookup: HostLookup = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/**
 * Checks `url` against `policy` and resolves its host once, checking every address it
 * resolves to. The caller connects to the returned address, never to the name again, so a
 * second DNS answer (rebinding) cannot steer the connection elsewhere.
 */
export async function resolveGuardedTarget(
  url: string | URL,
  policy: NetworkPolicy = {},
): Promise<{ url: URL; address: ResolvedAddress }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GuardRefusal('invalid-url', `Not a URL: ${String(url)}`);
  }
  const shown = parsed.toString();
  const isHttpAllowed = policy.allowHttp === true && parsed.protocol === 'http:';
  if (parsed.protocol !== 'https:' && !isHttpAllowed) {
    throw new GuardRefusal(
      'scheme',
      `Refusing to fetch ${shown}: only https is allowed${policy.allowHttp ? ' (or http)' : ''}`,
    );
  }
  if (parsed.username || parsed.password)
    throw new GuardRefusal('credentials-in-url', `Refusing to fetch ${shown}: credentials in URLs are not allowed`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses =
    isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await (policy.lookup ?? systemLookup)(host);
  if (addresses.length === 0)
    throw new GuardRefusal('no-address', `Refusing to fetch ${shown}: ${host} has no address`);
  if (!policy.allowPrivate) {
    for (const candidate of addresses) {
      const range = blockedRangeOf(candidate.address);
      if (range === undefined) continue;
      const where = candidate.address === host ? host : `${host} resolves to ${candidate.address}, which`;
      throw new GuardRefusal(
        'blocked-address',
        `Refusing to fetch ${shown}: ${where} is a private or local address (${range}); addresses in private, loopback or link-local ranges are refused`,
        { address: candidate.address, range },
      );
    }
  }
  return { url: parsed, address: addresses[0]! };
}

export type GuardedRequestOptions = NetworkPolicy & {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole budget: DNS, connection, request and response together. */
  timeoutMs?: number;
  /** Most bytes of the response body read. */
  maxBytes?: number;
  /** At `maxBytes`: fail (`error`, the default) or stop reading and return what arrived (`truncate`). */
  onOversize?: 'error' | 'truncate';
};

export type GuardedResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer; isTruncated: boolean };

/**
 * One HTTP request on someone else's behalf (SSRF-safe): URL and every resolved address
 * checked by `policy`, connection made to the checked address, one deadline for everything,
 * the body read up to a cap, redirects never followed (a 3xx is returned as it is).
 */
export async function guardedRequest(url: string | URL, options: GuardedRequestOptions = {}): Promise<GuardedResponse> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), timeoutMs);
  const shown = String(url);
  const timeoutError = () => new Error(`${shown} did not answer within ${timeoutMs} ms`);
  try {
    const target = await Promise.race([
      resolveGuardedTarget(url, options),
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(timeoutError()), { once: true }),
      ),
    ]);
    return await send(target.url, target.address, { ...options, maxBytes, signal: controller.signal, timeoutError });
  } finally {
    clearTimeout(deadline);
  }
}

function send(
  url: URL,
  address: ResolvedAddress,
  options: GuardedRequestOptions & { maxBytes: number; signal: AbortSignal; timeoutError: () => Error },
): Promise<GuardedResponse> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body =
      options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        // A fresh connection to the address that was checked, whatever DNS says now.
        agent: false,
        lookup: (_hostname, lookupOptions, callback) => {
          if ((lookupOptions as { all?: boolean }).all) callback(null, [address] as never, address.family);
          else callback(null, address.address, address.family);
        },
        ...(isIP(url.hostname.replace(/^\[|\]$/g, '')) === 0 ? { servername: url.hostname } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let isTruncated = false;
        const finish = () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), isTruncated });
        res.on('data', (chunk: Buffer) => {
          if (isTruncated) return;
          if (size + chunk.length > options.maxBytes) {
            if (options.onOversize !== 'truncate') {
              req.destroy(new Error(`${url.toString()} is larger than ${options.maxBytes} bytes`));
              return;
            }
            chunks.push(chunk.subarray(0, options.maxBytes - size));
            size = options.maxBytes;
            isTruncated = true;
            // Enough read: close the connection rather than download the rest.
            res.destroy();
            finish();
            return;
          }
          size += chunk.length;
          chunks.push(chunk);
        });
        res.on('end', finish);
        res.on('error', (err) => (isTruncated ? undefined : reject(err)));
      },
    );
    const onAbort = () => req.destroy(options.timeoutError());
    if (options.signal.aborted) onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    req.on('close', () => options.signal.removeEventListener('abort', onAbort));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * GETs a document over the guarded path and returns its text: 2xx only, a redirect is an
 * error (never followed), larger than `maxBytes` is an error. For did:web documents and
 * status lists.
 */
export async function guardedFetchText(
  url: string,
  options: NetworkPolicy & { timeoutMs?: number; maxBytes?: number; accept?: string } = {},
): Promise<string> {
  const response = await guardedRequest(url, {
    ...options,
    method: 'GET',
    headers: { accept: options.accept ?? 'application/json, application/did+json, application/vc+ld+json, */*' },
  });
  if (response.status >= 300 && response.status < 400)
    throw new Error(`${url} redirects (HTTP ${response.status}); redirects are not followed`);
  if (response.status < 200 || response.status >= 300) throw new Error(`${url} answered HTTP ${response.status}`);
  return response.body.toString('utf8');
}

/** `guardedFetchText` parsed as JSON. */
export async function guardedFetchJson(
  url: string,
  options?: Parameters<typeof guardedFetchText>[1],
): Promise<unknown> {
  const text = await guardedFetchText(url, options);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${url} did not return JSON`);
  }
}
