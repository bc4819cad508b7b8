import { isIP } from 'node:net';

/**
 * Addresses Cairn never connects to on someone else's behalf (SSRF): loopback, private,
 * link-local (with the cloud metadata address 169.254.169.254), carrier-grade NAT, multicast,
 * documentation and reserved ranges, in IPv4 and IPv6. IPv6 forms that carry an IPv4 address
 * (mapped `::ffff:a.b.c.d` in either spelling, NAT64, 6to4) are judged by the IPv4 address.
 */

type Range = { first: bigint; prefix: number; name: string };

const IPV4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.169.254', 32, 'cloud metadata'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const IPV6_RANGES: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  // The rest of ::/96 is the deprecated IPv4-compatible form: never a real destination.
  ['::', 96, 'IPv4-compatible'],
  ['64:ff9b:1::', 48, 'local NAT64'],
  ['100::', 64, 'discard'],
  ['2001::', 23, 'IETF protocol assignments (Teredo and others)'],
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'segment routing'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const v4Ranges: Range[] = IPV4_RANGES.map(([net, prefix, name]) => ({ first: ipv4ToBigInt(net)!, prefix, name }));
const v6Ranges: Range[] = IPV6_RANGES.map(([net, prefix, name]) => ({ first: ipv6ToBigInt(net)!, prefix, name }));

function inRange(value: bigint, bits: number, range: Range): boolean {
  const shift = BigInt(bits - range.prefix);
  return value >> shift === range.first >> shift;
}

function ipv4ToBigInt(text: string): bigint | undefined {
  if (isIP(text) !== 4) return undefined;
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function bigIntToIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => Number((value >> shift) & 0xffn)).join('.');
}

/** The 128-bit value of an IPv6 address (a zone such as `%eth0` is ignored), or undefined. */
function ipv6ToBigInt(text: string): bigint | undefined {
  const address = text.replace(/%.*$/, '');
  if (isIP(address) !== 6) return undefined;
  let groups = address.toLowerCase();
  // A trailing dotted IPv4 part stands for the last two groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (dotted) {
    const v4 = ipv4ToBigInt(dotted[2]!)!;
    groups = `${dotted[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = groups.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = tail === undefined ? headParts : [...headParts, ...Array<string>(missing).fill('0'), ...tailParts];
  if (parts.length !== 8) return undefined;
  return parts.reduce((acc, part) => (acc << 16n) | BigInt(parseInt(part, 16)), 0n);
}

/** The IPv4 address an IPv6 address stands for (mapped, NAT64 or 6to4), if any. */
function embeddedIpv4(value: bigint): bigint | undefined {
  if (value >> 32n === 0xffffn) return value & 0xffffffffn; // ::ffff:a.b.c.d
  if (value >> 32n === 0x64ff9b0000000000000000n) return value & 0xffffffffn; // 64:ff9b::a.b.c.d
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 2002:aabb:ccdd::
  return undefined;
}

/**
 * Why `address` must not be connected to ("loopback", "private", "cloud metadata", …), or
 * undefined when it is a public unicast address. Anything that is not an IP address is refused.
 */
export function blockedRangeOf(address: string): string | undefined {
  const v4 = ipv4ToBigInt(address);
  if (v4 !== undefined) return v4Ranges.find((r) => inRange(v4, 32, r))?.name;
  const v6 = ipv6ToBigInt(address.replace(/^\[|\]$/g, ''));
  if (v6 === undefined) return 'not an IP address';
  const inner = embeddedIpv4(v6);
  if (inner !== undefined) return blockedRangeOf(bigIntToIpv4(inner));
  return v6Ranges.find((r) => inRange(v6, 128, r))?.name;
}

/** True for an address a fetch on someone else's behalf must not reach (see `blockedRangeOf`). */
export function isBlockedAddress(address: string): boolean {
  return blockedRangeOf(address) !== undefined;
}
