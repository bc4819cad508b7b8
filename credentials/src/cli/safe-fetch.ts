import { lookup as dnsLookup } from 'node:dns';
import { request } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export type SafeFetchOptions = { timeoutMs?: number; maxBytes?: number };

// Addresses a badge verifier must never be steered to (SSRF): loopback, private, link-local,
// carrier-grade NAT, multicast and reserved ranges, in IPv4 and IPv6.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for an address a network fetch must not reach (including IPv4-mapped IPv6 forms). */
export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

// Resolve, check, then connect to the checked address: no second lookup an attacker could
// answer differently (DNS rebinding).
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses;
    const bad = list.find((a) => isBlockedAddress(a.address));
    if (bad || list.length === 0) {
      return callback(new Error(`Refusing to connect to ${hostname}: it resolves to a private or local address`), '', 0);
    }
    if (options.all) return callback(null, list, 0);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};

/**
 * GETs JSON (or text) over https only, with a timeout and a size cap, refusing hosts that resolve
 * to private or loopback addresses. For the CLI's did:web and status list look-ups.
 */
export function safeFetchText(url: string, { timeoutMs = 5000, maxBytes = 1024 * 1024 }: SafeFetchOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return reject(new Error(`Not a URL: ${url}`));
    }
    if (parsed.protocol !== 'https:') return reject(new Error(`Refusing to fetch ${url}: only https is allowed`));
    if (isIP(parsed.hostname.replace(/^\[|\]$/g, '')) !== 0 && isBlockedAddress(parsed.hostname.replace(/^\[|\]$/g, ''))) {
      return reject(new Error(`Refusing to fetch ${url}: private or local address`));
    }
    const req = request(parsed, { method: 'GET', lookup: guardedLookup, headers: { accept: 'application/json, application/did+json, */*' } }, (res) => {
      if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) {
        res.resume();
        return reject(new Error(`${url} answered HTTP ${res.statusCode ?? '?'}`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy(new Error(`${url} is larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${url} did not answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** `safeFetchText` parsed as JSON. */
export async function safeFetchJson(url: string, options?: SafeFetchOptions): Promise<unknown> {
  const text = await safeFetchText(url, options);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${url} did not return JSON`);
  }
}
