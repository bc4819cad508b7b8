import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { EXCHANGE_TTL_MS } from './exchange-log.js';
import { createTestWallet, signDidAuth, signDidAuthDataIntegrity, type TestWallet } from './wallet-test-helpers.js';

const t = useTestApp();

type Json = Record<string, unknown>;
let provider: TestUser;
let learner: TestUser;
let slug: string;

beforeAll(async () => {
  provider = await signUpUser(t.app);
  learner = await signUpUser(t.app);
  slug = (await createOrg(t.app, provider)).slug;
});

/** Issues a credential to the learner's email (linked to their account); returns its row id. */
async function issueToLearner(statusPurposes: string[] = ['revocation', 'suspension']): Promise<string> {
  const { credentialSubject, ...rest } = sampleCredential();
  const { id: _id, ...subject } = credentialSubject;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/credentials`,
    headers: { cookie: provider.cookie },
    payload: {
      credential: { ...rest, credentialSubject: subject },
      options: { recipientEmail: learner.email, statusPurposes },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ verifiableCredential: Json }>().verifiableCredential.id as string;
  return id.split('/').pop()!;
}

async function startExchange(credentialId: string, user: TestUser = learner) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/me/credentials/${credentialId}/exchanges`,
    headers: { cookie: user.cookie },
    payload: {},
  });
}

/** The exchange's path and its DIDAuthentication request, as a wallet finds them from the interaction URL. */
async function openAsWallet(credentialId: string) {
  const started = await startExchange(credentialId);
  expect(started.statusCode, started.body).toBe(201);
  const { interactionUrl } = started.json<{ interactionUrl: string }>();
  const interaction = await t.app.inject({
    method: 'GET',
    url: new URL(interactionUrl).pathname + new URL(interactionUrl).search,
    headers: { accept: 'application/json' },
  });
  expect(interaction.statusCode, interaction.body).toBe(200);
  const vcapi = new URL(interaction.json<{ protocols: { vcapi: string } }>().protocols.vcapi).pathname;
  const request = await t.app.inject({ method: 'POST', url: vcapi, payload: {} });
  expect(request.statusCode, request.body).toBe(200);
  const vpr = request.json<{
    verifiablePresentationRequest: { query: { type: string }[]; challenge: string; domain: string };
  }>().verifiablePresentationRequest;
  return { vcapi, vpr, started: started.json<Json>() };
}

function present(vcapi: string, verifiablePresentation: unknown) {
  return t.app.inject({ method: 'POST', url: vcapi, payload: { verifiablePresentation } });
}

async function credentialCount(): Promise<number> {
  return (
    await t.database.db
      .selectFrom('credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}

async function verify(credential: unknown) {
  return t.app.inject({ method: 'POST', url: '/credentials/verify', payload: { verifiableCredential: credential } });
}

describe('wallet pickup through a VC-API exchange', () => {
  let wallet: TestWallet;
  beforeAll(async () => {
    wallet = await createTestWallet();
  });

  it('hands a wallet proving its did:key (Ed25519Signature2020) the credential bound to that DID, which verifies, once', async () => {
    const credentialId = await issueToLearner();
    const { vcapi, vpr, started } = await openAsWallet(credentialId);
    expect(started.interactionUrl).toMatch(/^http:\/\/cairn\.test\/interactions\/[\w-]{16}\?iuv=1$/);
    expect(Date.parse(started.expiresAt as string) - t.clock.now.getTime()).toBe(EXCHANGE_TTL_MS);
    const legacy = new URL(started.legacyDeepLink as string);
    expect(legacy.origin + legacy.pathname).toBe('https://lcw.app/request.html');
    expect(legacy.searchParams.get('auth_type')).toBe('bearer');
    expect(legacy.searchParams.get('vc_request_url')).toBe(`http://cairn.test${vcapi}`);
    expect(vpr.query).toEqual([{ type: 'DIDAuthentication' }]);
    expect(vpr.domain).toBe('http://cairn.test');
    expect(legacy.searchParams.get('challenge')).toBe(vpr.challenge);

    const before = await credentialCount();
    const vp = await signDidAuth(wallet, { challenge: vpr.challenge, domain: vpr.domain });
    const picked = await present(vcapi, vp);
    expect(picked.statusCode, picked.body).toBe(200);
    const [copy] = picked.json<{ verifiablePresentation: { verifiableCredential: Json[] } }>().verifiablePresentation
      .verifiableCredential;
    expect((copy!.credentialSubject as Json).id).toBe(wallet.did);
    expect(await credentialCount()).toBe(before + 1);
    const verified = await verify(copy);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ verified: true });

    // Same status entries as the original: the lineage a verifier follows.
    const original = JSON.parse(
      (await t.app.inject({ method: 'GET', url: `/credentials/${credentialId}` })).body,
    ) as Json;
    expect(copy!.credentialStatus).toEqual(original.credentialStatus);
    expect(copy!.id).not.toBe(original.id);

    // Collected once: the same presentation again, or a fresh one, gets nothing more.
    expect((await present(vcapi, vp)).statusCode).toBe(409);
    const again = await t.app.inject({ method: 'POST', url: vcapi, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(await credentialCount()).toBe(before + 1);

    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/credentials/${credentialId}/exchanges`,
      headers: { cookie: learner.cookie },
    });
    expect(log.statusCode).toBe(200);
    const [pickup] = log.json<{ items: Json[] }>().items;
    expect(pickup).toMatchObject({ state: 'collected', holderDid: wallet.did });
    const steps = (pickup!.steps as Json[]).map((s) => s.step);
    expect(steps.slice(0, 3)).toEqual(['created', 'requested', 'collected']);
    expect((pickup!.steps as Json[]).find((s) => s.step === 'collected')!.message).toBe(`Picked up by ${wallet.did}`);
  });

  it('revoking or suspending the original does the same to the wallet copy', async () => {
    const credentialId = await issueToLearner();
    const { vcapi, vpr } = await openAsWallet(credentialId);
    const picked = await present(vcapi, await signDidAuth(wallet, { challenge: vpr.challenge, domain: vpr.domain }));
    const [copy] = picked.json<{ verifiablePresentation: { verifiableCredential: Json[] } }>().verifiablePresentation
      .verifiableCredential;
    const suspend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${credentialId}/suspend`,
      headers: { cookie: provider.cookie },
      payload: { reason: 'Under review' },
    });
    expect(suspend.statusCode, suspend.body).toBe(200);
    const suspended = await verify(copy);
    expect(suspended.statusCode).toBe(400);
    expect(JSON.stringify(suspended.json())).toMatch(/suspend/i);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${credentialId}/unsuspend`,
      headers: { cookie: provider.cookie },
      payload: {},
    });
    expect((await verify(copy)).statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${credentialId}/revoke`,
      headers: { cookie: provider.cookie },
      payload: { reason: 'Issued in error' },
    });
    const revoked = await verify(copy);
    expect(revoked.statusCode).toBe(400);
    expect(JSON.stringify(revoked.json())).toMatch(/revoked/i);
    // And a revoked credential cannot be opened for pickup again.
    expect((await startExchange(credentialId)).statusCode).toBe(409);
  });

  it('two wallets racing with the same answer: one gets the credential, the other 409, one copy issued', async () => {
    const { vcapi, vpr } = await openAsWallet(await issueToLearner(['revocation']));
    const vp = await signDidAuth(wallet, { challenge: vpr.challenge, domain: vpr.domain });
    const before = await credentialCount();
    const answers = await Promise.all([present(vcapi, vp), present(vcapi, vp), present(vcapi, vp)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await credentialCount()).toBe(before + 1);
  });

  it('accepts an eddsa-rdfc-2022 presentation, and older wallets posting the bare presentation with a bearer header', async () => {
    const first = await openAsWallet(await issueToLearner(['revocation']));
    const signed = await signDidAuthDataIntegrity({ challenge: first.vpr.challenge, domain: first.vpr.domain });
    const picked = await present(first.vcapi, signed.presentation);
    expect(picked.statusCode, picked.body).toBe(200);

    const credentialId = await issueToLearner(['revocation']);
    const started = (await startExchange(credentialId)).json<{ legacyDeepLink: string }>();
    const link = new URL(started.legacyDeepLink);
    const challenge = link.searchParams.get('challenge')!;
    const vp = await signDidAuth(wallet, { challenge, domain: 'http://cairn.test' });
    const legacy = await t.app.inject({
      method: 'POST',
      url: new URL(link.searchParams.get('vc_request_url')!).pathname,
      headers: { authorization: `Bearer ${challenge}` },
      payload: vp,
    });
    expect(legacy.statusCode, legacy.body).toBe(200);
  });
});

describe('refused, with nothing issued', () => {
  let wallet: TestWallet;
  let mallory: TestWallet;
  beforeAll(async () => {
    wallet = await createTestWallet();
    mallory = await createTestWallet();
  });

  async function expectRefused(response: { statusCode: number; headers: Record<string, unknown> }, status: number) {
    expect(response.statusCode).toBe(status);
    expect(String(response.headers['content-type'])).toContain('application/problem+json');
  }

  it('an expired exchange (after 10 minutes)', async () => {
    const { vcapi, vpr } = await openAsWallet(await issueToLearner());
    const vp = await signDidAuth(wallet, { challenge: vpr.challenge, domain: vpr.domain });
    const before = await credentialCount();
    t.clock.advance(EXCHANGE_TTL_MS + 1000);
    try {
      await expectRefused(await present(vcapi, vp), 410);
      await expectRefused(await t.app.inject({ method: 'POST', url: vcapi, payload: {} }), 410);
    } finally {
      t.clock.advance(-(EXCHANGE_TTL_MS + 1000));
    }
    expect(await credentialCount()).toBe(before);
  });

  it('a presentation signed by a key other than its holder, a wrong domain, an unsigned one, a replayed challenge', async () => {
    const credentialId = await issueToLearner();
    const { vcapi, vpr } = await openAsWallet(credentialId);
    const before = await credentialCount();

    const impostor = await signDidAuth(mallory, { challenge: vpr.challenge, domain: vpr.domain, holder: wallet.did });
    const refused = await present(vcapi, impostor);
    await expectRefused(refused, 422);
    expect(refused.json<{ detail: string }>().detail).toMatch(/not by its holder/);

    // The challenge was answered (badly): the same presentation, or a good one with it, is a replay.
    await expectRefused(await present(vcapi, impostor), 409);
    const replay = await signDidAuth(wallet, { challenge: vpr.challenge, domain: vpr.domain });
    await expectRefused(await present(vcapi, replay), 409);

    const renewed = await t.app.inject({ method: 'POST', url: vcapi, payload: {} });
    const { challenge, domain } = renewed.json<{
      verifiablePresentationRequest: { challenge: string; domain: string };
    }>().verifiablePresentationRequest;
    expect(challenge).not.toBe(vpr.challenge);
    await expectRefused(
      await present(vcapi, await signDidAuth(wallet, { challenge, domain: 'https://evil.example' })),
      422,
    );

    const next = (await t.app.inject({ method: 'POST', url: vcapi, payload: {} })).json<{
      verifiablePresentationRequest: { challenge: string };
    }>().verifiablePresentationRequest.challenge;
    await expectRefused(
      await present(vcapi, {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        holder: wallet.did,
      }),
      422,
    );
    const third = (await t.app.inject({ method: 'POST', url: vcapi, payload: {} })).json<{
      verifiablePresentationRequest: { challenge: string };
    }>().verifiablePresentationRequest.challenge;
    expect(new Set([vpr.challenge, challenge, next, third]).size).toBe(4);
    expect(await credentialCount()).toBe(before);

    // Each refusal is in the holder's log; the exchange still works with a good answer.
    const good = await present(vcapi, await signDidAuth(wallet, { challenge: third, domain }));
    expect(good.statusCode, good.body).toBe(200);
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/credentials/${credentialId}/exchanges`,
      headers: { cookie: learner.cookie },
    });
    const steps = log.json<{ items: { steps: { step: string }[] }[] }>().items[0]!.steps.map((s) => s.step);
    expect(steps.filter((s) => s === 'refused').length).toBe(5);
  });

  it('someone else’s credential, or nobody signed in; unknown interactions and exchanges', async () => {
    const credentialId = await issueToLearner();
    const stranger = await signUpUser(t.app);
    await expectRefused(await startExchange(credentialId, stranger), 404);
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/credentials/${credentialId}/exchanges`,
      headers: { cookie: stranger.cookie },
    });
    await expectRefused(log, 404);
    await expectRefused(
      await t.app.inject({ method: 'POST', url: `/api/v1/me/credentials/${credentialId}/exchanges`, payload: {} }),
      401,
    );
    await expectRefused(
      await t.app.inject({
        method: 'GET',
        url: '/interactions/AAAAAAAAAAAAAAAA?iuv=1',
        headers: { accept: 'application/json' },
      }),
      404,
    );
    await expectRefused(
      await t.app.inject({
        method: 'POST',
        url: '/workflows/credential-pickup/exchanges/AAAAAAAAAAAAAAAAAAAAAA',
        payload: {},
      }),
      404,
    );
  });

  it('a presentation over the verifier’s limits', async () => {
    const { vcapi, vpr } = await openAsWallet(await issueToLearner());
    const deep: Json = {};
    let at = deep;
    for (let i = 0; i < 200; i += 1) {
      const next: Json = {};
      at.n = next;
      at = next;
    }
    const vp = await signDidAuth(wallet, { challenge: vpr.challenge, domain: vpr.domain });
    const refused = await present(vcapi, { ...vp, deep });
    expect([413, 422]).toContain(refused.statusCode);
    const huge = await t.app.inject({
      method: 'POST',
      url: vcapi,
      payload: { verifiablePresentation: { ...vp, padding: 'x'.repeat(3 * 1024 * 1024) } },
    });
    expect(huge.statusCode).toBe(413);
  });

  it('property: a tampered presentation never gets a credential', async () => {
    const paths = [
      ['proof', 'proofValue'],
      ['proof', 'challenge'],
      ['proof', 'domain'],
      ['proof', 'verificationMethod'],
      ['proof', 'created'],
      ['proof', 'proofPurpose'],
      ['proof', 'type'],
      ['holder'],
      ['type', 0],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.nat(),
        fc.constantFrom('a', 'Z', '1', '_', ' '),
        async (path, position, replacement) => {
          const { vcapi, vpr } = await openAsWallet(await issueToLearner(['revocation']));
          const vp = structuredClone(await signDidAuth(wallet, { challenge: vpr.challenge, domain: vpr.domain }));
          let parent = vp as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          const key = path[path.length - 1]!;
          const value = String(parent[key]);
          const at = position % value.length;
          const changed = value[at] === replacement ? (replacement === 'a' ? 'b' : 'a') : replacement;
          parent[key] = value.slice(0, at) + changed + value.slice(at + 1);
          const before = await credentialCount();
          const response = await present(vcapi, vp);
          // Refused by the check of the presentation itself, not by some other path.
          expect(response.statusCode, response.body).toBe(422);
          expect(String(response.headers['content-type'])).toContain('application/problem+json');
          expect(await credentialCount()).toBe(before);
        },
      ),
      { numRuns: 20 },
    );
  });
});
