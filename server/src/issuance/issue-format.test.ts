import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp } from '../testing/test-app.js';

// Every Data Integrity proof the server makes goes through the package's signCredential:
// wrapping it shows which credentials were signed that way.
const signCalls = vi.hoisted(() => ({ types: [] as unknown[] }));
vi.mock('@cairn/credentials', async (importOriginal) => {
  const original = await importOriginal<typeof import('@cairn/credentials')>();
  return {
    ...original,
    signCredential: (async (options) => {
      signCalls.types.push(options.credential.type);
      return original.signCredential(options);
    }) as typeof original.signCredential,
  };
});

const t = useTestApp();
let token: string;

beforeAll(async () => {
  const owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Format Academy' });
  token = (await createApiKey(t.app, owner, org.slug, 'author')).token;
});
beforeEach(() => {
  signCalls.types = [];
});

async function issue(body: object) {
  return t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });
}
/** Data Integrity proofs made for issued credentials (status list credentials are signed too, on their own). */
const credentialProofs = () =>
  signCalls.types.filter((type) => Array.isArray(type) && type.includes('OpenBadgeCredential')).length;

describe('signing only in the format asked for', () => {
  it('makes one Data Integrity proof for an ldp credential', async () => {
    const res = await issue({ credential: sampleCredential() });
    expect(res.statusCode).toBe(201);
    expect(credentialProofs()).toBe(1);
  });

  it('makes no Data Integrity proof for a VC-JWT, which still verifies', async () => {
    const res = await issue({ credential: sampleCredential(), options: { format: 'jwt' } });
    expect(res.statusCode).toBe(201);
    expect(credentialProofs()).toBe(0);
    const jwt = res.json<{ verifiableCredential: string }>().verifiableCredential;
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(payload.proof).toBeUndefined();
    const verified = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: jwt },
    });
    expect(verified.json<{ verified: boolean }>().verified).toBe(true);
  });

  it('still refuses a VC-JWT whose JSON-LD a verifier could not read', async () => {
    const credential = { ...sampleCredential(), notATerm: 'dropped by JSON-LD' };
    const res = await issue({ credential, options: { format: 'jwt' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toMatch(/could not be signed|JSON-LD/);
    expect(credentialProofs()).toBe(0);
  });
});
