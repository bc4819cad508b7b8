import { describe, expect, it } from 'vitest';
import { createDidWebResolver, createGuardedFetch, isBlockedAddress, type HostLookup } from './did-web-resolver.js';

const publicUrl = new URL('https://cairn.example');
const resolvingTo =
  (address: string): HostLookup =>
  async () => [{ address, family: address.includes(':') ? 6 : 4 }];

describe('the did:web resolver for credentials from elsewhere', () => {
  it('refuses hosts that resolve to loopback, private and link-local addresses, without connecting', async () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '169.254.169.254',
      '::1',
      '192.168.0.10',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      const fetch = createGuardedFetch({ publicUrl, lookup: resolvingTo(address) });
      const resolve = createDidWebResolver({ fetch });
      await expect(resolve('did:web:issuer.example')).rejects.toThrow(/private, loopback or link-local/);
    }
  });

  it('refuses literal private addresses, plain http and unknown hosts', async () => {
    const fetch = createGuardedFetch({ publicUrl, lookup: resolvingTo('93.184.216.34') });
    await expect(fetch('https://127.0.0.1/.well-known/did.json')).rejects.toThrow(/private, loopback or link-local/);
    await expect(fetch('https://[::1]/did.json')).rejects.toThrow(/private, loopback or link-local/);
    await expect(fetch('http://issuer.example/did.json')).rejects.toThrow(/only https/);
    const none = createGuardedFetch({ publicUrl, lookup: async () => [] });
    await expect(none('https://nowhere.example/did.json')).rejects.toThrow(/no address/);
  });

  it('resolves this server’s own issuers locally, without the network', async () => {
    const resolve = createDidWebResolver({
      fetch: () => Promise.reject(new Error('no network in tests')),
      ownPrefix: 'did:web:cairn.example:',
      resolveOwn: async (did) => ({ id: did }),
    });
    await expect(resolve('did:web:cairn.example:orgs:northwind')).resolves.toEqual({
      id: 'did:web:cairn.example:orgs:northwind',
    });
    await expect(resolve('did:web:elsewhere.example')).rejects.toThrow(/no network/);
  });

  it('classifies addresses', () => {
    expect(isBlockedAddress('8.8.8.8')).toBe(false);
    expect(isBlockedAddress('2606:4700::1111')).toBe(false);
    expect(isBlockedAddress('172.16.5.4')).toBe(true);
    expect(isBlockedAddress('not-an-ip')).toBe(true);
  });
});
