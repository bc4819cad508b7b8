import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockedRangeOf,
  guardedFetchText,
  guardedRequest,
  GuardRefusal,
  isBlockedAddress,
  resolveGuardedTarget,
  type HostLookup,
} from '../src/index.js';

const resolvingTo =
  (...addresses: string[]): HostLookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('blocked address ranges', () => {
  it('names the range of every kind of address that must not be reached', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.10', 'private'],
      ['169.254.169.254', 'cloud metadata'],
      ['169.254.10.1', 'link-local'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['0.0.0.0', 'this network'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'reserved'],
      ['192.0.2.5', 'documentation'],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['::1.2.3.4', 'IPv4-compatible'],
      ['fd00:ec2::254', 'unique local (private)'],
      ['fe80::1%eth0', 'link-local'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'documentation'],
      // IPv6 spellings of IPv4 addresses are judged by the IPv4 address.
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:a9fe:a9fe', 'cloud metadata'],
      ['64:ff9b::10.0.0.1', 'private'],
      ['2002:c0a8:0101::1', 'private'],
      ['[::1]', 'loopback'],
      ['localhost', 'not an IP address'],
    ];
    for (const [address, range] of cases) expect(blockedRangeOf(address), address).toBe(range);
  });

  it('lets public unicast addresses through', () => {
    for (const address of [
      '93.184.216.34',
      '8.8.8.8',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8',
      '2002:0808:0808::1',
      '172.32.0.1',
      '100.128.0.1',
    ]) {
      expect(isBlockedAddress(address), address).toBe(false);
    }
  });

  it('judges an IPv4 address and each of its IPv6 spellings alike', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(isBlockedAddress(`::ffff:${v4}`)).toBe(isBlockedAddress(v4));
        expect(isBlockedAddress(hex)).toBe(isBlockedAddress(v4));
        // The URL parser writes mapped addresses in hex: the same verdict through a URL.
        expect(isBlockedAddress(new URL(`http://[::ffff:${v4}]/`).hostname)).toBe(isBlockedAddress(v4));
      }),
    );
  });
});

describe('resolveGuardedTarget', () => {
  it('refuses other schemes, credentials in the URL and hosts without an address', async () => {
    await expect(
      resolveGuardedTarget('http://example.com/', { lookup: resolvingTo('93.184.216.34') }),
    ).rejects.toMatchObject({ reason: 'scheme' });
    await expect(resolveGuardedTarget('ftp://example.com/', { allowHttp: true })).rejects.toMatchObject({
      reason: 'scheme',
    });
    await expect(
      resolveGuardedTarget('https://user:pw@example.com/', { lookup: resolvingTo('93.184.216.34') }),
    ).rejects.toMatchObject({ reason: 'credentials-in-url' });
    await expect(resolveGuardedTarget('https://nowhere.example/', { lookup: resolvingTo() })).rejects.toMatchObject({
      reason: 'no-address',
    });
    await expect(resolveGuardedTarget('not a url')).rejects.toBeInstanceOf(GuardRefusal);
  });

  it('refuses a host when any of its addresses is private, naming it', async () => {
    const refusal = await resolveGuardedTarget('https://mixed.example/', {
      lookup: resolvingTo('93.184.216.34', '10.0.0.7'),
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(GuardRefusal);
    expect(refusal).toMatchObject({ reason: 'blocked-address', address: '10.0.0.7', range: 'private' });
    expect((refusal as Error).message).toMatch(/mixed\.example resolves to 10\.0\.0\.7/);
  });

  it('refuses literal addresses, in every spelling the URL parser accepts', async () => {
    for (const url of [
      'https://127.0.0.1/',
      'https://2130706433/',
      'https://0x7f.1/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://169.254.169.254/latest/meta-data/',
    ]) {
      await expect(resolveGuardedTarget(url), url).rejects.toMatchObject({ reason: 'blocked-address' });
    }
  });

  it('allows private addresses and http when the policy says so', async () => {
    const target = await resolveGuardedTarget('http://dev.local:8080/hook', {
      allowHttp: true,
      allowPrivate: true,
      lookup: resolvingTo('127.0.0.1'),
    });
    expect(target.address).toEqual({ address: '127.0.0.1', family: 4 });
  });
});

describe('guardedRequest against a real local server', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://127.0.0.1/elsewhere' }).end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(200_000));
      } else if (req.url === '/silent') {
        // Never answers: the caller's deadline must end the request.
      } else {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () =>
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ method: req.method, body, host: req.headers.host })),
        );
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const local = { allowHttp: true, allowPrivate: true };

  it('is refused before connecting when private addresses are not allowed', async () => {
    await expect(guardedRequest(`http://127.0.0.1:${port}/`, { allowHttp: true })).rejects.toMatchObject({
      reason: 'blocked-address',
    });
  });

  it('connects to the address it checked: a second DNS answer is never asked for', async () => {
    let calls = 0;
    const rebinding: HostLookup = async () => {
      calls += 1;
      if (calls > 1) throw new Error('asked DNS twice');
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const response = await guardedRequest(`http://hooks.example:${port}/`, {
      ...local,
      lookup: rebinding,
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({
      method: 'POST',
      body: '{"a":1}',
      host: `hooks.example:${port}`,
    });
    expect(calls).toBe(1);
  });

  it('returns a redirect as it is, without following it; fetches refuse it', async () => {
    const response = await guardedRequest(`http://127.0.0.1:${port}/redirect`, local);
    expect(response.status).toBe(302);
    await expect(guardedFetchText(`http://127.0.0.1:${port}/redirect`, local)).rejects.toThrow(
      /redirects are not followed/,
    );
  });

  it('reads at most maxBytes of the body: truncated on request, an error otherwise', async () => {
    const truncated = await guardedRequest(`http://127.0.0.1:${port}/big`, {
      ...local,
      maxBytes: 1024,
      onOversize: 'truncate',
    });
    expect(truncated).toMatchObject({ status: 200, isTruncated: true });
    expect(truncated.body.length).toBe(1024);
    await expect(guardedRequest(`http://127.0.0.1:${port}/big`, { ...local, maxBytes: 1024 })).rejects.toThrow(
      /larger than 1024 bytes/,
    );
  });

  it('gives up at its deadline when the server never answers', async () => {
    await expect(guardedRequest(`http://127.0.0.1:${port}/silent`, { ...local, timeoutMs: 300 })).rejects.toThrow(
      /did not answer within 300 ms/,
    );
  });
});
