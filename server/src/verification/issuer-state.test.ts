import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { readIssuerState } from './stores/issuer-state.store.js';

// Verification keeps an issuer's DID document and published status lists in memory, checked
// against the database on every verification. These tests change what the database holds
// through one app and verify through another sharing the database (as two servers would),
// right after, with nothing in between to refresh a cache.

const t = useTestApp();
let second: App;
let owner: TestUser;
let slug: string;
let token: string;

type Vc = Record<string, unknown>;
type Result = { verified: boolean; checks: { id: string; status: string; message: string }[] };

beforeAll(async () => {
  second = await buildApp({ deps: t.deps, authRateLimit: 10_000 });
  await second.ready();
  owner = await signUpUser(t.app);
  slug = (await createOrg(t.app, owner, { roles: ['provider'], name: 'Cached Academy' })).slug;
  token = (await createApiKey(t.app, owner, slug)).token;
});
afterAll(async () => {
  await second?.close();
});

async function issue(statusPurposes: string[] = ['revocation']): Promise<Vc> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: { credential: sampleCredential(), options: { statusPurposes } },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ verifiableCredential: Vc }>().verifiableCredential;
}

async function verifyOn(app: App, verifiableCredential: Vc): Promise<Result> {
  const res = await app.inject({ method: 'POST', url: '/credentials/verify', payload: { verifiableCredential } });
  return res.json<Result>();
}

const status = (r: Result, id: string) => r.checks.find((c) => c.id === id)?.status;

async function changeStatus(vc: Vc, action: 'revoke' | 'suspend' | 'unsuspend') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/credentials/${encodeURIComponent(vc.id as string)}/${action}`,
    headers: { cookie: owner.cookie },
    payload: action === 'revoke' ? { reason: 'test' } : {},
  });
  expect(res.statusCode).toBeLessThan(300);
}

describe('verification from memory, checked against the database', () => {
  it('sees a revocation made through another server at the very next verification', async () => {
    const vc = await issue();
    // Both servers have read the list (and remember it) before it changes.
    expect((await verifyOn(t.app, vc)).verified).toBe(true);
    expect((await verifyOn(second, vc)).verified).toBe(true);
    await changeStatus(vc, 'revoke');
    const after = await verifyOn(second, vc);
    expect(after.verified).toBe(false);
    expect(status(after, 'revocation')).toBe('failed');
    expect((await verifyOn(t.app, vc)).verified).toBe(false);
  });

  it('sees a suspension and its lifting, each at once', async () => {
    const vc = await issue(['revocation', 'suspension']);
    expect(status(await verifyOn(second, vc), 'suspension')).toBe('passed');
    await changeStatus(vc, 'suspend');
    expect(status(await verifyOn(second, vc), 'suspension')).toBe('failed');
    await changeStatus(vc, 'unsuspend');
    expect(status(await verifyOn(second, vc), 'suspension')).toBe('passed');
  });

  it('serves a list written to the database by something other than this process at once', async () => {
    const vc = await issue();
    const other = await issue();
    expect((await verifyOn(second, vc)).verified).toBe(true);
    // Another server revokes `other` in the same list: here, the stored credential is swapped
    // for the one published after a revocation, by SQL, with nothing in this process told.
    const before = await t.deps.db.selectFrom('status_lists').select(['revocation_credential']).execute();
    await changeStatus(other, 'revoke');
    const revokedText = (await t.deps.db.selectFrom('status_lists').select(['revocation_credential']).execute()).map(
      (r) => r.revocation_credential,
    );
    expect(revokedText).not.toEqual(before.map((r) => r.revocation_credential));
    expect((await verifyOn(second, other)).verified).toBe(false);
    // The list as it was before the revocation, put back directly: `other` verifies again.
    for (const row of before) {
      await sql`update status_lists set revocation_credential = ${row.revocation_credential}
        where revocation_credential is distinct from ${row.revocation_credential}
          and org_id = (select id from organizations where slug = ${slug})`.execute(t.deps.db);
    }
    expect((await verifyOn(second, other)).verified).toBe(true);
    expect((await verifyOn(second, vc)).verified).toBe(true);
  });

  it('follows a key rotation at once, and drops a key taken out of the database at once', async () => {
    const old = await issue();
    expect((await verifyOn(second, old)).verified).toBe(true);
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/keys/rotate`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(rotated.statusCode).toBe(201);
    const fresh = await issue();
    // The new key is in the DID document the second server uses now; the old one still is too.
    expect((await verifyOn(second, fresh)).verified).toBe(true);
    expect((await verifyOn(second, old)).verified).toBe(true);
    // A key deleted from the database no longer counts, however recently it verified.
    const [proof] = [old.proof].flat() as { verificationMethod: string }[];
    const method = proof!.verificationMethod;
    await sql`delete from signing_keys where key_id = ${method.slice(method.indexOf('#') + 1)}
      and org_id = (select id from organizations where slug = ${slug})`.execute(t.deps.db);
    const after = await verifyOn(second, old);
    expect(after.verified).toBe(false);
    expect(status(after, 'proof')).toBe('failed');
  });

  it("changes a list's published version when its credentials are written, not when indexes are handed out", async () => {
    await issue();
    const versions = async () => new Map((await readIssuerState(t.deps.db, slug))!.lists);
    const before = await versions();
    const vc = await issue();
    expect(await versions()).toEqual(before);
    await changeStatus(vc, 'revoke');
    const after = await versions();
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after.values()]).not.toEqual([...before.values()]);
  });
});
