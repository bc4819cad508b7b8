import { generateKeyPairSync, sign } from 'node:crypto';
import {
  buildEmailIdentity,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  signJwt,
  type JsonObject,
} from '@cairn/credentials';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import {
  completeProgramme,
  createPathway,
  listMyPathways,
  microRequirement,
  type TestProgramme,
} from '../pathways/pathway-test-helpers.js';
import { listMailsTo } from '../mail/mail.store.js';
import { reevaluateLearnerPathways } from '../pathways/pathway-awards.service.js';
import { runPendingTrustRecheck } from '../pathways/trust-recheck.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

// The attacks of the trust issue, replayed through HTTP: each must be refused and write nothing.
const t = useTestApp();
let owner: TestUser;
let rival: TestUser;
let learner: TestUser;
let northwind: { slug: string; did: string };
let rivalOrg: { slug: string; did: string };
const programmes: Record<string, TestProgramme & { versionId: string }> = {};
let pathwayId: string;

const attackerKeys = generateEd25519Multikey();
const attackerDid = didKeyFromPublicKey(attackerKeys.publicKeyMultibase);
const attacker = createSigner({ verificationMethod: didKeyVerificationMethod(attackerDid), ...attackerKeys });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function badge(issuer: string, achievementId: string, email: string): JsonObject {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Northwind Academy' },
    validFrom: '2026-01-01T00:00:00Z',
    name: 'Made-up achievement',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [buildEmailIdentity(email, 'pepper')],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        name: 'Made-up achievement',
        description: 'Never taught.',
        criteria: { narrative: 'None.' },
      },
    },
  };
}

async function verify(credential: JsonObject | string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/verify',
    payload: { verifiableCredential: credential },
  });
  return {
    status: res.statusCode,
    body: res.json<{
      verified: boolean;
      errors: string[];
      checks: { id: string; status: string; message: string }[];
    }>(),
  };
}

async function walletCount(learnerId: string) {
  return (
    await t.database.db
      .selectFrom('wallet_credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('learner_id', '=', learnerId)
      .executeTakeFirstOrThrow()
  ).n;
}

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Nora Northwind' });
  rival = await signUpUser(t.app, { name: 'Rex Rival' });
  learner = await signUpUser(t.app, { name: 'Lee Learner' });
  northwind = await createOrg(t.app, owner, { roles: ['provider'], name: 'Northwind Academy' });
  rivalOrg = await createOrg(t.app, rival, { roles: ['provider'], name: 'Rival Academy' });
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  for (const [key, cost] of [
    ['free', null],
    ['paid', { amountMinor: 90000, currency: 'EUR' }],
  ] as const) {
    const created = await createProgramme(t.app, owner, northwind.slug, {
      slug: unique(key),
      title: `Northwind ${key}`,
      cost,
      effortHours: 10,
      cpdHours: 5,
      skillIds,
    });
    const version = await t.database.db
      .selectFrom('microcredential_versions')
      .select('id')
      .where('microcredential_id', '=', created.id)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    programmes[key] = { id: created.id, slug: created.slug, providerSlug: northwind.slug, versionId: version.id };
  }
  pathwayId = await createPathway(t.app, owner, northwind.slug, {
    name: 'Northwind Diploma',
    tree: { type: 'all', children: [microRequirement(programmes.free!), microRequirement(programmes.paid!)] },
  });
});

const achievementUrl = (key: string) => `http://cairn.test/achievements/${programmes[key]!.versionId}`;

describe('attack 1: a VC-JWT that brings its own key does not verify', () => {
  it('refuses jwk / x5c / jku headers naming Northwind as issuer, EdDSA and RS256, on every entry point', async () => {
    const ed = generateKeyPairSync('ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const payload = {
      ...badge(northwind.did, 'https://evil.example/achievements/1', learner.email),
      iss: northwind.did,
    };
    const forgeries = [
      {
        header: { alg: 'EdDSA', typ: 'vc+jwt', jwk: ed.publicKey.export({ format: 'jwk' }) },
        key: ed.privateKey,
        alg: null,
      },
      {
        header: { alg: 'RS256', typ: 'vc+jwt', jwk: rsa.publicKey.export({ format: 'jwk' }) },
        key: rsa.privateKey,
        alg: 'sha256',
      },
      {
        header: { alg: 'EdDSA', kid: `${northwind.did}#key-1`, jku: 'https://evil.example/jwks' },
        key: ed.privateKey,
        alg: null,
      },
      { header: { alg: 'EdDSA', kid: `${northwind.did}#key-1`, x5c: ['MIIBIjAN'] }, key: ed.privateKey, alg: null },
      // Signed with the attacker's key, pointing at Northwind's real key id.
      {
        header: {
          alg: 'EdDSA',
          kid: (await t.app.inject({ method: 'GET', url: `/orgs/${northwind.slug}/did.json` })).json<{
            assertionMethod: string[];
          }>().assertionMethod[0],
        },
        key: ed.privateKey,
        alg: null,
      },
    ];
    for (const { header, key, alg } of forgeries) {
      const input = `${b64(header)}.${b64(payload)}`;
      const token = `${input}.${sign(alg, Buffer.from(input), key).toString('base64url')}`;
      const { body } = await verify(token);
      expect(body.verified).toBe(false);
      expect(body.errors.length).toBeGreaterThan(0);
      const wallet = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: learner.cookie },
        payload: { verifiableCredential: token },
      });
      expect(wallet.statusCode).toBe(400);
    }
    // A token signed by the attacker's own did:key but naming Northwind as issuer.
    const { body } = await verify(
      signJwt({ credential: badge(northwind.did, 'https://evil.example/a', learner.email), signer: attacker }),
    );
    expect(body.verified).toBe(false);
    expect(body.checks.find((c) => c.id === 'issuer')?.message).toContain('is not a key of the issuer');
    expect(await walletCount(learner.id)).toBe(0);
  });
});

describe('attack 2: a self-made badge naming a Cairn programme does not count as that programme', () => {
  it('keeps the badges as what they are (from did:key), counts neither programme, awards nothing', async () => {
    for (const [key, format] of [
      ['free', 'jwt'],
      ['paid', 'ldp'],
    ] as const) {
      const credential = badge(attackerDid, achievementUrl(key), learner.email);
      const vc =
        format === 'jwt'
          ? signJwt({ credential, signer: attacker })
          : await signCredential({
              credential,
              signer: attacker,
              cryptosuite: 'eddsa-rdfc-2022',
              documentLoader: createDocumentLoader(),
              now: new Date(),
            });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: learner.cookie },
        payload: { verifiableCredential: vc },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ issuer: { did: attackerDid }, awardedPathwayIds: [], pathways: [] });
    }
    const rows = await t.database.db
      .selectFrom('wallet_credentials')
      .select(['microcredential_id', 'cpd_hours'])
      .where('learner_id', '=', learner.id)
      .execute();
    expect(rows).toEqual([
      { microcredential_id: null, cpd_hours: 0 },
      { microcredential_id: null, cpd_hours: 0 },
    ]);
    const mine = await listMyPathways(t.app, learner);
    expect(mine.find((p) => p.id === pathwayId)?.awarded ?? false).toBe(false);
    const awards = await t.database.db
      .selectFrom('pathway_awards')
      .select('id')
      .where('learner_id', '=', learner.id)
      .execute();
    expect(awards).toEqual([]);
  });

  it("another organisation issuing Northwind's achievement through Cairn does not count either; Northwind's own does", async () => {
    const other = await signUpUser(t.app, { name: 'Olga Other' });
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${rivalOrg.slug}/credentials`,
      headers: { cookie: rival.cookie },
      payload: {
        credential: {
          credentialSubject: {
            type: ['AchievementSubject'],
            achievement: {
              id: achievementUrl('paid'),
              type: ['Achievement'],
              name: 'Northwind paid',
              description: 'x',
              criteria: { narrative: 'x' },
            },
          },
        },
        options: { recipientEmail: other.email },
      },
    });
    expect(issued.statusCode).toBe(201);
    await completeProgramme(t.app, other, programmes.free!);
    const mine = await listMyPathways(t.app, other);
    expect(mine.find((p) => p.id === pathwayId)).toMatchObject({ awarded: false, progress: { done: 1, required: 2 } });
  });
});

describe('attack 3: a revoked credential rewritten in an equivalent JSON-LD shape stays revoked', () => {
  it('answers revoked for ["revocation"], {"@value": "revocation"} and the expanded IRI', async () => {
    const holder = await signUpUser(t.app, { name: 'Hana Holder' });
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${northwind.slug}/credentials`,
      headers: { cookie: owner.cookie },
      payload: {
        credential: {
          credentialSubject: {
            type: ['AchievementSubject'],
            achievement: {
              id: 'https://northwind.example/a/1',
              type: ['Achievement'],
              name: 'Revocable',
              description: 'x',
              criteria: { narrative: 'x' },
            },
          },
        },
        options: { recipientEmail: holder.email },
      },
    });
    const vc = issued.json<{ verifiableCredential: JsonObject }>().verifiableCredential;
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${encodeURIComponent(vc.id as string)}/revoke`,
      headers: { cookie: owner.cookie },
      payload: { reason: 'Issued in error' },
    });
    expect(revoke.statusCode).toBe(200);
    const entry = vc.credentialStatus as JsonObject;
    const { statusPurpose, ...rest } = entry;
    for (const rewritten of [
      { ...entry, statusPurpose: [statusPurpose!] },
      { ...entry, statusPurpose: { '@value': statusPurpose! } },
      { ...rest, 'https://www.w3.org/ns/credentials/status#statusPurpose': statusPurpose! },
      [entry],
    ]) {
      const { body } = await verify({ ...vc, credentialStatus: rewritten });
      expect(body.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
      expect(body.checks.find((c) => c.id === 'revocation')).toMatchObject({
        status: 'failed',
        message: 'The issuer has revoked this credential',
      });
      expect(body.verified).toBe(false);
      const wallet = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: holder.cookie },
        payload: { verifiableCredential: { ...vc, credentialStatus: rewritten } },
      });
      expect(wallet.statusCode).toBe(400);
    }
    expect(await walletCount(holder.id)).toBe(0);
  });
});

describe('re-checking a database made under the old rules', () => {
  it('marks self-made entries untrusted and suspends the pathway credential that relied on them, telling learner and issuer', async () => {
    const victim = await signUpUser(t.app, { name: 'Vic Earlier' });
    // What the old importer stored: a did:key badge counted as Northwind's paid programme.
    const credential = badge(attackerDid, achievementUrl('paid'), victim.email);
    const document = signJwt({ credential, signer: attacker });
    await t.database.db
      .insertInto('wallet_credentials')
      .values({
        learner_id: victim.id,
        credential_id: credential.id as string,
        format: 'jwt',
        document,
        sha256: unique('sha'),
        achievement_id: achievementUrl('paid'),
        achievement_name: 'Northwind paid',
        issuer_did: attackerDid,
        issuer_name: 'Northwind Academy',
        microcredential_id: programmes.paid!.id,
        cpd_hours: 5,
        credits: 0,
        skill_ids: [],
        valid_from: new Date('2026-01-01T00:00:00Z'),
        valid_until: null,
      })
      .execute();
    await completeProgramme(t.app, victim, programmes.free!);
    await reevaluateLearnerPathways(t.deps, victim.id);
    const before = await listMyPathways(t.app, victim);
    expect(before.find((p) => p.id === pathwayId)).toMatchObject({ awarded: true });

    const run = await runPendingTrustRecheck(t.deps);
    expect(run).toMatchObject({ walletUntrusted: expect.any(Number) as number });
    expect(run!.walletUntrusted).toBeGreaterThanOrEqual(1);
    const entry = await t.database.db
      .selectFrom('wallet_credentials')
      .select(['status', 'status_reason'])
      .where('learner_id', '=', victim.id)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe('untrusted');
    expect(entry.status_reason).toContain('not by the provider');
    const award = await t.database.db
      .selectFrom('pathway_awards')
      .select(['status', 'credential_row_id'])
      .where('learner_id', '=', victim.id)
      .where('pathway_id', '=', pathwayId)
      .executeTakeFirstOrThrow();
    expect(award.status).toBe('suspended');
    const pathwayCredential = await t.database.db
      .selectFrom('credentials')
      .select(['suspended_at', 'credential_id'])
      .where('id', '=', award.credential_row_id!)
      .executeTakeFirstOrThrow();
    expect(pathwayCredential.suspended_at).not.toBeNull();
    const verified = await verify(
      JSON.parse(
        (
          await t.database.db
            .selectFrom('credentials')
            .select('document')
            .where('id', '=', award.credential_row_id!)
            .executeTakeFirstOrThrow()
        ).document,
      ) as JsonObject,
    );
    expect(verified.body.checks.find((c) => c.id === 'suspension')?.status).toBe('failed');
    expect((await listMailsTo(t.database.db, victim.email)).some((m) => m.subject.includes('suspended'))).toBe(true);
    expect((await listMailsTo(t.database.db, owner.email)).some((m) => m.subject.includes('suspended'))).toBe(true);
    // Once per database: a second start finds nothing pending.
    expect(await runPendingTrustRecheck(t.deps)).toBeUndefined();
  });
});
