import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { isBlockedAddress, safeFetchText } from '../src/cli/safe-fetch.js';
import {
  bakePng,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  signJwt,
} from '../src/index.js';
import { fixtureText, sampleCredential } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cairn-cli-'));
const keys = generateEd25519Multikey();
const did = didKeyFromPublicKey(keys.publicKeyMultibase);
const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

async function signedFile(): Promise<{ json: string; credential: Record<string, unknown> }> {
  const credential = await signCredential({
    credential: sampleCredential(did),
    signer,
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader: createDocumentLoader(),
    now: new Date(),
  });
  const json = join(dir, 'badge.json');
  writeFileSync(json, JSON.stringify(credential));
  return { json, credential };
}

describe('cairn verify', () => {
  it('prints each check with ✓ and exits 0 for a valid .json', async () => {
    const { json } = await signedFile();
    const { code, stdout } = await run('verify', json, '--offline');
    expect(code).toBe(0);
    expect(stdout).toContain('✓ Signature is valid');
    expect(stdout).toContain('✓ Issued by Acme Training');
    expect(stdout).toContain('Valid.');
  });

  it('exits 1 with ✗ for an altered credential', async () => {
    const { credential } = await signedFile();
    const file = join(dir, 'altered.json');
    writeFileSync(file, JSON.stringify({ ...credential, name: 'Forged' }));
    const { code, stdout } = await run('verify', file, '--offline');
    expect(code).toBe(1);
    expect(stdout).toContain('✗ Signature is valid');
  });

  it('verifies .jwt, .png and .svg files', async () => {
    const jwt = join(dir, 'badge.jwt');
    writeFileSync(jwt, signJwt({ credential: sampleCredential(did), signer }));
    expect((await run('verify', jwt, '--offline')).code).toBe(0);
    const { credential } = await signedFile();
    const image = new PNG({ width: 2, height: 2 });
    const png = join(dir, 'badge.png');
    writeFileSync(png, bakePng(new Uint8Array(PNG.sync.write(image)), credential));
    expect((await run('verify', png, '--offline')).code).toBe(0);
    const svg = join(dir, 'badge.svg');
    writeFileSync(svg, fixtureText('ob3-baked-jwt.svg'));
    // The 1EdTech fixture's key travels in its own jwk header, which cannot be tied to the issuer.
    const result = await run('verify', svg, '--offline', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { format: string; verified: boolean; errors: string[] };
    expect(report.format).toBe('jwt');
    expect(report.verified).toBe(false);
    expect(report.errors.join(' ')).toContain('jwk');
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('sign', 'x')).code).toBe(2);
    expect((await run('verify')).code).toBe(2);
    expect((await run('verify', 'a.json', '--bogus')).code).toBe(2);
    const missing = await run('verify', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read/);
  });

  it('runs as the cairn bin through tsx', async () => {
    const { json } = await signedFile();
    const bin = new URL('../bin/cairn.mjs', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'verify', json, '--offline']);
    expect(stdout).toContain('Valid.');
    await expect(promisify(execFile)(process.execPath, [bin])).rejects.toMatchObject({ code: 2 });
  });
});

describe('guarded fetch', () => {
  it('blocks loopback, private, link-local and mapped addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not-an-ip',
    ]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8']) {
      expect(isBlockedAddress(address), address).toBe(false);
    }
  });

  it('refuses http and local hosts before connecting', async () => {
    await expect(safeFetchText('http://example.com/x')).rejects.toThrow(/only https/);
    await expect(safeFetchText('https://127.0.0.1/x')).rejects.toThrow(/private or local/);
    await expect(safeFetchText('https://[::1]/x')).rejects.toThrow(/private or local/);
    await expect(safeFetchText('https://localhost/x')).rejects.toThrow(/private or local/);
  });
});
