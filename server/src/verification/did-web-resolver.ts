import { lookup as dnsLookup } from 'node:dns';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { didWebToUrl } from '@cairn/credentials';

/** Resolves a host name to its addresses (node:dns `lookup` with `all: true`, or a test double). */
export type HostLookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

export type GuardedFetchOptions = {
  /** Where Cairn itself is reached: its own URLs may be fetched even on a private address. */
  publicUrl: URL;
  lookup?: HostLookup;
  timeoutMs?: number;
  maxBytes?: number;
};

export type GuardedFetch = (url: string) => Promise<unknown>;

// Never steered here (SSRF): loopback, private, link-local, carrier-grade NAT, multicast and
// reserved ranges, in IPv4 and IPv6.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for an address a fetch must not reach, including IPv4-mapped IPv6 forms. */
export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const systemLookup: HostLookup = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/**
 * GETs JSON from another server the careful way: https only; the host is resolved first and
 * refused when any address is private, loopback or link-local (then the connection goes to
 * the checked address, so DNS cannot answer differently the second time); 5 s timeout; 1 MB
 * cap; no redirects. Cairn's own public URL is the one exception to the address rule.
 */
export function createGuardedFetch(options: GuardedFetchOptions): GuardedFetch {
  const lookup = options.lookup ?? systemLookup;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  return async (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`Not a URL: ${url}`);
    }
    const isOwn = parsed.origin === options.publicUrl.origin;
    if (parsed.protocol !== 'https:' && !isOwn) throw new Error(`Refusing to fetch ${url}: only https is allowed`);
    if (parsed.username || parsed.password) throw new Error(`Refusing to fetch ${url}: credentials in URLs are not allowed`);
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    let address: { address: string; family: number };
    if (isIP(host) !== 0) {
      address = { address: host, family: isIP(host) };
    } else {
      const addresses = await lookup(host);
      if (addresses.length === 0) throw new Error(`Refusing to fetch ${url}: ${host} has no address`);
      const bad = addresses.find((a) => isBlockedAddress(a.address));
      if (bad && !isOwn) throw new Error(`Refusing to fetch ${url}: ${host} resolves to a private, loopback or link-local address (${bad.address})`);
      address = addresses[0]!;
    }
    if (!isOwn && isBlockedAddress(address.address)) throw new Error(`Refusing to fetch ${url}: ${address.address} is a private, loopback or link-local address`);
    const text = await get(parsed, address, { timeoutMs, maxBytes });
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`${url} did not return JSON`);
    }
  };
}

function get(url: URL, address: { address: string; family: number }, limits: { timeoutMs: number; maxBytes: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/did+json, application/json, application/vc+ld+json' },
        // Connect to the address that was checked, whatever DNS says now.
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) callback(null, [address] as never, address.family);
          else callback(null, address.address, address.family);
        },
        servername: url.hostname,
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          return reject(new Error(`${url.toString()} redirects (HTTP ${status}); redirects are not followed`));
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return reject(new Error(`${url.toString()} answered HTTP ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            req.destroy(new Error(`${url.toString()} is larger than ${limits.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.setTimeout(limits.timeoutMs, () => req.destroy(new Error(`${url.toString()} did not answer within ${limits.timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export type DidWebResolverOptions = {
  fetch: GuardedFetch;
  /** Resolves Cairn's own issuers without the network (their keys are in the database). */
  resolveOwn?: (did: string) => Promise<unknown>;
  /** `did:web:{host}` prefix of Cairn's own DIDs. */
  ownPrefix?: string;
};

/** A did:web resolver for credentials from elsewhere: own issuers locally, the rest through the guarded fetch. */
export function createDidWebResolver(options: DidWebResolverOptions) {
  return async (did: string): Promise<unknown> => {
    if (!did.startsWith('did:web:')) throw new Error(`${did} is not a did:web DID`);
    if (options.resolveOwn && options.ownPrefix && did.startsWith(options.ownPrefix)) return options.resolveOwn(did);
    return options.fetch(didWebToUrl(did));
  };
}
