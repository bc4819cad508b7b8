import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for a developer machine', () => {
    const result = parseConfig({});
    if (!('config' in result)) throw new Error(result.problems.join('; '));
    expect(result.config.port).toBe(3000);
    expect(result.config.publicUrl.origin).toBe('http://localhost:3000');
    expect(result.config.databaseUrl).toBeUndefined();
    expect(result.config.seed.isEnabled).toBe(true);
  });

  it('reports every problem at once', () => {
    const result = parseConfig({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      CAIRN_MASTER_KEY: 'short',
      CAIRN_SEED: 'maybe',
    });
    expect('problems' in result && result.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'CAIRN_MASTER_KEY',
      'CAIRN_SEED',
      'DATABASE_URL',
      'PORT',
    ]);
  });

  it('requires a master key in production', () => {
    const result = parseConfig({ NODE_ENV: 'production' });
    expect(result).toEqual({ problems: [expect.stringMatching(/^CAIRN_MASTER_KEY/)] });
  });

  it('accepts a base64 or hex master key', () => {
    const hex = 'ab'.repeat(32);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    for (const key of [hex, b64]) {
      const result = parseConfig({ CAIRN_MASTER_KEY: key });
      expect('config' in result && result.config.masterKey?.length).toBe(32);
    }
  });

  it('trusts no proxy by default, and a listed set of addresses and ranges when asked', () => {
    const none = parseConfig({});
    expect('config' in none && none.config.trustProxy).toEqual([]);
    const listed = parseConfig({ CAIRN_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,fd00::/8 , loopback' });
    expect('config' in listed && listed.config.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8', 'loopback']);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/8']) {
      const result = parseConfig({ CAIRN_TRUST_PROXY: bad });
      expect('problems' in result && result.problems, bad).toEqual([
        expect.stringMatching(/^CAIRN_TRUST_PROXY: must be a comma-separated list/),
      ]);
    }
  });
});
