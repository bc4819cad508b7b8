import { describe, expect, it } from 'vitest';
import { verifyCredential } from '../src/index.js';
import { fixture, fixtureLoader, statusListFixture } from './helpers.js';

const statusOf = (result: Awaited<ReturnType<typeof verifyCredential>>, id: string) =>
  result.checks.find((c) => c.id === id)?.status;

describe('signed fixtures verify with our library', () => {
  it.each(['ob3-simple-eddsa-rdfc-2022.json', 'ob3-endorsement.json'])('%s verifies', async (name) => {
    const credential = fixture(name);
    const result = await verifyCredential({
      credential,
      documentLoader: fixtureLoader(credential),
      now: new Date('2025-06-01T00:00:00Z'),
    });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.format).toBe('ldp');
    for (const id of ['format', 'proof', 'issuer', 'schema', 'validFrom', 'validUntil'])
      expect(statusOf(result, id)).toBe('passed');
  });

  it('names the issuer in plain language', async () => {
    const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
    const result = await verifyCredential({ credential, documentLoader: fixtureLoader(credential) });
    expect(result.checks.find((c) => c.id === 'issuer')?.label).toBe('Issued by Example Corp');
    expect(result.checks.find((c) => c.id === 'validUntil')?.message).toBe('Does not expire');
  });

  it('ob3-complete verifies when its 1EdTechRevocationList, fetched through fetchStatusList, does not list it', async () => {
    const credential = fixture('ob3-complete.json');
    const fetched: string[] = [];
    const result = await verifyCredential({
      credential,
      documentLoader: fixtureLoader(credential),
      now: new Date('2025-06-01T00:00:00Z'),
      fetchStatusList: (url) => {
        fetched.push(url);
        return Promise.resolve({
          id: url,
          issuer: 'https://1edtech.edu/issuers/565049',
          revokedCredentials: [{ id: 'http://1edtech.edu/credentials/9999', revocationReason: 'Another credential' }],
        });
      },
    });
    expect(fetched).toEqual(['https://1edtech.edu/credentials/3732/revocations']);
    for (const id of ['format', 'proof', 'issuer', 'schema', 'validFrom', 'validUntil', 'revocation'])
      expect(statusOf(result, id)).toBe('passed');
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
  });

  it('ob3-complete fails offline: its 1EdTechRevocationList cannot be read, and a revoked credential must not pass for want of a list', async () => {
    const credential = fixture('ob3-complete.json');
    const result = await verifyCredential({
      credential,
      documentLoader: fixtureLoader(credential),
      now: new Date('2025-06-01T00:00:00Z'),
    });
    for (const id of ['format', 'proof', 'issuer', 'schema', 'validFrom', 'validUntil'])
      expect(statusOf(result, id)).toBe('passed');
    expect(result.checks.find((c) => c.id === 'revocation')).toMatchObject({
      status: 'failed',
      message: 'Its revocation list could not be checked offline',
    });
    expect(result.errors).toEqual(['Its revocation list could not be checked offline']);
    expect(result.verified).toBe(false);
  });

  it('reports the unverifiable legacy endorsements inside ob3-complete as warnings only', async () => {
    const credential = fixture('ob3-complete.json');
    const result = await verifyCredential({
      credential,
      documentLoader: fixtureLoader(credential),
      now: new Date('2025-06-01T00:00:00Z'),
    });
    const endorsements = result.checks.filter((c) => c.id.startsWith('endorsement-'));
    expect(endorsements.length).toBe(5);
    // They use the pre-standard "eddsa-rdf-2022" suite, which no current verifier supports.
    expect(endorsements.every((c) => c.status === 'warning')).toBe(true);
  });

  it('fails an expired credential with a plain message', async () => {
    const credential = fixture('ob3-complete.json');
    const result = await verifyCredential({
      credential,
      documentLoader: fixtureLoader(credential),
      now: new Date('2031-01-01T00:00:00Z'),
    });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.id === 'validUntil')).toMatchObject({
      status: 'failed',
      message: 'Expired on 2030-01-01',
    });
  });

  it('verifies clr2-simple and its embedded credential', async () => {
    const credential = fixture('clr2-simple.json');
    const result = await verifyCredential({ credential, documentLoader: fixtureLoader(credential) });
    expect(result.errors).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.checks.find((c) => c.id === 'embedded-0')).toMatchObject({
      status: 'passed',
      label: 'Includes “Teamwork Badge”',
    });
  });

  it('fails a CLR whose embedded credential was altered, even though the CLR proof is checked separately', async () => {
    const credential = fixture('clr2-simple.json');
    const subject = credential.credentialSubject as { verifiableCredential: { name: string }[] };
    subject.verifiableCredential[0]!.name = 'Forged Badge';
    const result = await verifyCredential({ credential, documentLoader: fixtureLoader(credential) });
    expect(result.verified).toBe(false);
    expect(statusOf(result, 'embedded-0')).toBe('failed');
    expect(statusOf(result, 'proof')).toBe('failed');
  });

  it('refuses the bundled 1EdTech list for ob3-credential-status-revoked-bitstring: the list names another URL as its id', async () => {
    const credential = fixture('ob3-credential-status-revoked-bitstring.json');
    const list = statusListFixture();
    const fetched: string[] = [];
    const result = await verifyCredential({
      credential,
      documentLoader: fixtureLoader(credential, list),
      fetchStatusList: (url) => {
        fetched.push(url);
        return Promise.resolve(list);
      },
    });
    expect(fetched).toEqual([(credential.credentialStatus as { statusListCredential: string }).statusListCredential]);
    expect(statusOf(result, 'proof')).toBe('passed');
    expect(result.checks.find((c) => c.id === 'revocation')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('says it is https://example.com/credentials/status/3') as string,
    });
    expect(result.verified).toBe(false);
  });

  it('fails a status entry it cannot check offline: a revoked credential must not pass for want of a list', async () => {
    const credential = fixture('ob3-credential-status-revoked-bitstring.json');
    const result = await verifyCredential({ credential, documentLoader: fixtureLoader(credential) });
    expect(result.checks.find((c) => c.id === 'revocation')).toMatchObject({
      status: 'failed',
      message: 'Its revocation list could not be checked offline',
    });
    expect(result.verified).toBe(false);
  });

  it.each(['w3c-eddsa-rdfc-2022-signed.json', 'w3c-eddsa-jcs-2022-signed.json'])(
    '%s: the signature verifies (issuer is not the key controller)',
    async (name) => {
      const result = await verifyCredential({ credential: fixture(name) });
      expect(statusOf(result, 'proof')).toBe('passed');
      expect(statusOf(result, 'issuer')).toBe('failed');
    },
  );

  it('accepts the credential as JSON text too', async () => {
    const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
    const result = await verifyCredential({
      credential: JSON.stringify(credential),
      documentLoader: fixtureLoader(credential),
    });
    expect(result.verified).toBe(true);
  });

  it('fails, without throwing, when the issuer key cannot be found', async () => {
    const result = await verifyCredential({ credential: fixture('ob3-simple-eddsa-rdfc-2022.json') });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.id === 'proof')?.message).toMatch(/network access is disabled/);
  });

  it('never throws on garbage, but throws TypeError on misuse', async () => {
    for (const credential of [
      'not json',
      42,
      [],
      {},
      { '@context': 'https://www.w3.org/2018/credentials/v1' },
      'a.b.c',
    ]) {
      const result = await verifyCredential({ credential });
      expect(result.verified).toBe(false);
      expect(result.errors.length).toBeGreaterThan(0);
    }
    await expect(verifyCredential({} as never)).rejects.toThrow(TypeError);
    await expect(verifyCredential(undefined as never)).rejects.toThrow(TypeError);
  });
});
