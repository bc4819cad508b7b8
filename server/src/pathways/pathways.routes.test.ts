import {
  buildEmailIdentity,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  type JsonObject,
} from '@cairn/credentials';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { listMailsTo } from '../mail/mail.store.js';
import {
  completeProgramme,
  createPathway,
  listMyPathways,
  microRequirement,
  type TestProgramme,
} from './pathway-test-helpers.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let ownerA: TestUser;
let ownerB: TestUser;
let orgA: { slug: string };
let orgB: { slug: string };
const programmes: Record<string, TestProgramme> = {};

const pathway = (
  owner: TestUser,
  orgSlug: string,
  body: Record<string, unknown>,
  options: { publish?: boolean } = {},
) => createPathway(t.app, owner, orgSlug, body, options);
const micro = (key: string, id?: string) => microRequirement(programmes[key]!, id);
/** Enrols and passes the one quiz of a programme; the credential is issued on completion. */
const complete = (learner: TestUser, key: string) => completeProgramme(t.app, learner, programmes[key]!);

type MyCredential = { id: string; achievementName: string; status: string; verifiableCredential: JsonObject };
async function myCredentials(learner: TestUser) {
  return (
    await t.app.inject({ method: 'GET', url: '/api/v1/me/credentials', headers: { cookie: learner.cookie } })
  ).json<{ items: MyCredential[] }>().items;
}
const myPathways = (learner: TestUser) => listMyPathways(t.app, learner);
async function count(table: 'pathway_awards' | 'wallet_credentials', learnerId: string) {
  return (
    await t.database.db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('learner_id', '=', learnerId)
      .executeTakeFirstOrThrow()
  ).n;
}

beforeAll(async () => {
  ownerA = await signUpUser(t.app, { name: 'Ana Provider' });
  ownerB = await signUpUser(t.app, { name: 'Ben Provider' });
  orgA = await createOrg(t.app, ownerA, { roles: ['provider'], name: 'Stone Academy' });
  orgB = await createOrg(t.app, ownerB, { roles: ['provider'], name: 'River College' });
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  for (const [key, owner, org, cost, effort] of [
    ['a1', ownerA, orgA, null, 10],
    ['a2', ownerA, orgA, { amountMinor: 5000, currency: 'EUR' }, 20],
    ['a3', ownerA, orgA, { amountMinor: 9000, currency: 'EUR' }, 6],
    ['b1', ownerB, orgB, { amountMinor: 2000, currency: 'EUR' }, 30],
  ] as const) {
    const created = await createProgramme(t.app, owner, org.slug, {
      slug: unique(key),
      title: `Programme ${key.toUpperCase()}`,
      cost,
      effortHours: effort,
      cpdHours: 5,
      skillIds,
    });
    programmes[key] = { id: created.id, slug: created.slug, providerSlug: org.slug };
    if (cost) {
      const voucher = await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${org.slug}/vouchers`,
        headers: { cookie: owner.cookie },
        payload: { microcredentialId: created.id, maxRedemptions: 100 },
      });
      programmes[key].voucherCode = voucher.json<{ code: string }>().code;
    }
  }
});

describe('the pathway editor', () => {
  it('refuses n greater than the children, empty groups and unknown achievements, by field path', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/pathways`,
      headers: { cookie: ownerA.cookie },
      payload: {
        slug: unique('bad'),
        name: 'Impossible',
        tree: {
          type: 'all',
          children: [
            { type: 'atLeast', n: 3, children: [micro('a1'), micro('a2')] },
            { type: 'all', children: [] },
            {
              type: 'achievement',
              ref: { kind: 'microcredential', microcredentialId: '00000000-0000-4000-8000-000000000000' },
            },
          ],
        },
      },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { field: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'tree.children.0.n',
        'tree.children.1.children',
        'tree.children.2.ref.microcredentialId',
      ]),
    );
    expect(errors.find((e) => e.field === 'tree.children.0.n')!.message).toMatch(/3 of 2/);
  });

  it('refuses a pathway that requires itself, or one that includes it (a cycle)', async () => {
    const inner = await pathway(ownerA, orgA.slug, { name: 'Inner', tree: { type: 'all', children: [micro('a1')] } });
    const outer = await pathway(ownerA, orgA.slug, {
      name: 'Outer',
      tree: { type: 'all', children: [{ type: 'achievement', ref: { kind: 'pathway', pathwayId: inner } }] },
    });
    const self = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgA.slug}/pathways/${inner}/draft`,
      headers: { cookie: ownerA.cookie },
      payload: {
        name: 'Inner',
        tree: { type: 'all', children: [{ type: 'achievement', ref: { kind: 'pathway', pathwayId: inner } }] },
      },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toEqual([
      { field: 'tree.children.0.ref.pathwayId', message: 'A pathway cannot require itself.' },
    ]);
    const cycle = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgA.slug}/pathways/${inner}/draft`,
      headers: { cookie: ownerA.cookie },
      payload: {
        name: 'Inner',
        tree: {
          type: 'all',
          children: [micro('a1'), { type: 'achievement', ref: { kind: 'pathway', pathwayId: outer } }],
        },
      },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0]).toMatchObject({
      field: 'tree.children.1.ref.pathwayId',
      message: expect.stringMatching(/Outer.*cycle/),
    });
    const check = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgA.slug}/pathways/validate`,
      headers: { cookie: ownerA.cookie },
      payload: {
        pathwayId: inner,
        name: 'Inner',
        tree: {
          type: 'atLeast',
          n: 1,
          children: [{ type: 'achievement', ref: { kind: 'pathway', pathwayId: outer } }],
        },
      },
    });
    expect(check.json()).toMatchObject({ valid: false, errors: [{ field: 'tree.children.0.ref.pathwayId' }] });
  });

  it('freezes a published version: edits make a new draft, and a stranger cannot edit', async () => {
    const id = await pathway(ownerA, orgA.slug, { name: 'Frozen', tree: { type: 'all', children: [micro('a1')] } });
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgA.slug}/pathways/${id}/draft`,
      headers: { cookie: ownerA.cookie },
      payload: { name: 'Frozen v2', tree: { type: 'all', children: [micro('a1'), micro('a2')] } },
    });
    expect(edited.statusCode).toBe(200);
    const versions = edited.json<{
      versions: { versionNumber: number; status: string; name: string; achievement: JsonObject | null }[];
    }>().versions;
    expect(versions.map((v) => [v.versionNumber, v.status, v.name])).toEqual([
      [1, 'published', 'Frozen'],
      [2, 'draft', 'Frozen v2'],
    ]);
    expect(versions[0]!.achievement).toMatchObject({
      type: ['Achievement'],
      achievementType: 'Certificate',
      name: 'Frozen',
    });
    const stranger = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgA.slug}/pathways/${id}/draft`,
      headers: { cookie: ownerB.cookie },
      payload: { name: 'Mine', tree: { type: 'all', children: [micro('a1')] } },
    });
    expect(stranger.statusCode).toBe(404);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/pathways/${id}` })).json();
    expect(page).toMatchObject({ name: 'Frozen', versionNumber: 1 });
  });
});

describe('stacking, award and CLR', () => {
  let learner: TestUser;
  let stack: string;
  let bigger: string;
  let externalAchievement: string;
  const externalKey = generateEd25519Multikey();
  const externalDid = didKeyFromPublicKey(externalKey.publicKeyMultibase);

  beforeAll(async () => {
    learner = await signUpUser(t.app, { name: 'Lia Learner' });
    externalAchievement = `https://badges.elsewhere.example/achievements/${unique('x')}`;
    stack = await pathway(ownerA, orgA.slug, {
      name: 'Data Practitioner Certificate',
      description: 'Three programmes from two providers.',
      tree: {
        type: 'all',
        children: [
          micro('a1', 'core'),
          {
            id: 'pick',
            type: 'atLeast',
            n: 2,
            title: 'Two electives',
            children: [micro('a2'), micro('a3'), micro('b1')],
          },
        ],
      },
      recommendedOrder: ['core', 'pick'],
    });
    bigger = await pathway(ownerB, orgB.slug, {
      name: 'Advanced Diploma',
      achievementType: 'Diploma',
      tree: { type: 'all', children: [{ type: 'achievement', ref: { kind: 'pathway', pathwayId: stack } }] },
    });
  });

  it('shows the public page as a map of stones with totals and providers', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/pathways/${stack}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.providers.map((p: { name: string }) => p.name).sort()).toEqual(['River College', 'Stone Academy']);
    expect(page.achievement).toMatchObject({ achievementType: 'Certificate', name: 'Data Practitioner Certificate' });
    expect(page.map.nodes.find((n: { id: string }) => n.id === 'pick')).toMatchObject({
      kind: 'atLeast',
      n: 2,
      of: 3,
      label: 'Two electives',
      recommendedPosition: 2,
    });
    expect(page.map.edges).toContainEqual({ from: 'core', to: 'pick', kind: 'then' });
    expect(page.map.edges).toContainEqual({ from: 'pick', to: 'r1', kind: 'stacksOnto' });
    // Cheapest: A1 (free) + B1 (20) + A2 (50); shortest: A1 + A3 + A2 = 36 h.
    expect(page.totals.cheapest).toMatchObject({ costMinor: 7000, cost: [{ currency: 'EUR', amountMinor: 7000 }] });
    expect(page.totals.shortest).toMatchObject({ effortHours: 36 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/pathways?q=practitioner' })).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(stack);
  });

  it('counts credentials toward a pathway without joining, and plans what is left', async () => {
    await complete(learner, 'a1');
    await complete(learner, 'a2');
    const mine = await myPathways(learner);
    expect(mine.find((p) => p.id === stack)).toMatchObject({
      name: 'Data Practitioner Certificate',
      awarded: false,
      progress: { done: 2, required: 3 },
    });
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/pathways/${stack}`, headers: { cookie: learner.cookie } })
    ).json();
    expect(detail.remaining.find((r: { nodeId: string }) => r.nodeId === 'pick')).toMatchObject({
      need: 1,
      label: 'Two electives',
      options: expect.any(Array),
    });
    expect(detail.remaining.map((r: { nodeId: string }) => r.nodeId)).not.toContain('core');
    expect(detail.completion.cheapest.offers.map((o: { title: string }) => o.title)).toEqual(['Programme B1']);
    expect(detail.completion.shortest.offers.map((o: { title: string }) => o.title)).toEqual(['Programme A3']);
    expect(detail.estimate).toMatchObject({ costMinor: 2000, effortHours: 6 });
    const a1 = (await myCredentials(learner)).find((c) => c.achievementName === 'Programme A1')!;
    const counts = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/me/credentials/${a1.id}/pathways`,
        headers: { cookie: learner.cookie },
      })
    ).json();
    // A1 also counts toward the single-programme pathways of the editor tests.
    expect(counts.items.map((p: { id: string }) => p.id)).toContain(stack);
    expect(counts.items.map((p: { id: string }) => p.id)).not.toContain(bigger);
  });

  it('awards exactly once when two completions race, with a CLR that embeds and verifies', async () => {
    await Promise.all([complete(learner, 'a3'), complete(learner, 'b1')]);
    // Completions issue only their own credentials; awards follow in the consumers' jobs.
    expect((await t.jobs.drain()).failed).toEqual([]);
    const awards = await t.database.db
      .selectFrom('pathway_awards')
      .select(['pathway_id', 'credential_row_id', 'clr_row_id'])
      .where('learner_id', '=', learner.id)
      .where('pathway_id', 'in', [stack, bigger])
      .execute();
    expect(awards.map((a) => a.pathway_id).sort()).toEqual([stack, bigger].sort());
    expect(awards.every((a) => a.credential_row_id && a.clr_row_id)).toBe(true);
    const mine = await myPathways(learner);
    expect(mine.find((p) => p.id === stack)).toMatchObject({ awarded: true, progress: { done: 3, required: 3 } });
    // The pathway credential completes the pathway that requires this one.
    expect(mine.find((p) => p.id === bigger)).toMatchObject({ awarded: true });

    const creds = await myCredentials(learner);
    const certificate = creds.filter((c) => c.achievementName === 'Data Practitioner Certificate');
    expect(certificate).toHaveLength(1);
    expect(certificate[0]!.verifiableCredential.credentialSubject).toMatchObject({
      achievement: { achievementType: 'Certificate' },
    });
    const clrs = creds.filter((c) => (c.verifiableCredential.type as string[]).includes('ClrCredential'));
    expect(clrs.map((c) => c.achievementName)).toEqual(
      expect.arrayContaining([
        'Data Practitioner Certificate: Comprehensive Learner Record',
        'Advanced Diploma: Comprehensive Learner Record',
      ]),
    );
    expect(
      clrs.filter((c) => c.achievementName === 'Data Practitioner Certificate: Comprehensive Learner Record'),
    ).toHaveLength(1);
    const clr = clrs.find(
      (c) => c.achievementName === 'Data Practitioner Certificate: Comprehensive Learner Record',
    )!.verifiableCredential;
    expect(clr['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    const subject = clr.credentialSubject as {
      type: string[];
      verifiableCredential: JsonObject[];
      association: { associationType: string; targetId: string }[];
      identifier: unknown[];
    };
    expect(subject.type).toEqual(['ClrSubject']);
    expect(subject.identifier).toHaveLength(1);
    // The pathway credential and the four components it counted: A1 and every elective held when
    // the award job ran (both racing completions had committed by then, so A2, A3 and B1).
    expect(subject.verifiableCredential).toHaveLength(5);
    expect(subject.association.every((a) => a.associationType === 'isPartOf')).toBe(true);
    expect(subject.association).toHaveLength(4);

    const verified = (
      await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: clr, options: { recipientEmail: learner.email } },
      })
    ).json();
    expect(verified.checks.filter((c: { status: string }) => c.status === 'failed')).toEqual([]);
    expect(verified.verified).toBe(true);
    expect(verified.checks.filter((c: { id: string }) => c.id.startsWith('embedded-'))).toHaveLength(5);

    const json = await t.app.inject({
      method: 'GET',
      url: `/credentials/${clrs[0]!.id}`,
      headers: { accept: 'application/json' },
    });
    expect(json.statusCode).toBe(200);
    const png = await t.app.inject({ method: 'GET', url: `/credentials/${certificate[0]!.id}/badge.png` });
    expect(png.headers['content-type']).toBe('image/png');
    const mails = await listMailsTo(t.database.db, learner.email);
    expect(mails.filter((m) => m.subject === 'You earned Data Practitioner Certificate')).toHaveLength(1);
  });

  it('suspends pathway credentials with a component and reinstates them with it', async () => {
    const creds = await myCredentials(learner);
    const certificate = creds.find((c) => c.achievementName === 'Data Practitioner Certificate')!;
    const suspended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${certificate.id}/suspend`,
      headers: { cookie: ownerA.cookie },
      payload: { reason: 'Under review' },
    });
    expect(suspended.json()).toMatchObject({ status: 'suspended' });
    expect((await t.jobs.drain()).failed).toEqual([]);
    let mine = await myPathways(learner);
    expect(mine.find((p) => p.id === bigger)).toMatchObject({ isSuspended: true });
    expect((await myCredentials(learner)).find((c) => c.achievementName === 'Advanced Diploma')!.status).toBe(
      'suspended',
    );
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${certificate.id}/unsuspend`,
      headers: { cookie: ownerA.cookie },
      payload: {},
    });
    expect((await t.jobs.drain()).failed).toEqual([]);
    mine = await myPathways(learner);
    expect(mine.find((p) => p.id === bigger)).toMatchObject({ isSuspended: false });
    expect((await myCredentials(learner)).find((c) => c.achievementName === 'Advanced Diploma')!.status).toBe('active');
    expect(
      (await listMailsTo(t.database.db, ownerB.email)).some((m) =>
        m.subject.includes('Advanced Diploma: your pathway credential is reinstated'),
      ),
    ).toBe(true);
  });

  it('suspends the pathway credential when a component is revoked, and tells the learner and the issuer', async () => {
    const a1 = (await myCredentials(learner)).find((c) => c.achievementName === 'Programme A1')!;
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${a1.id}/revoke`,
      headers: { cookie: ownerA.cookie },
      payload: { reason: 'Issued in error' },
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await t.jobs.drain()).failed).toEqual([]);
    const creds = await myCredentials(learner);
    expect(creds.find((c) => c.achievementName === 'Data Practitioner Certificate')!.status).toBe('suspended');
    expect(
      creds.find((c) => c.achievementName === 'Data Practitioner Certificate: Comprehensive Learner Record')!.status,
    ).toBe('suspended');
    expect(creds.find((c) => c.achievementName === 'Advanced Diploma')!.status).toBe('suspended');
    const verified = (
      await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: {
          verifiableCredential: creds.find((c) => c.achievementName === 'Data Practitioner Certificate')!
            .verifiableCredential,
        },
      })
    ).json();
    expect(verified.checks.find((c: { id: string }) => c.id === 'suspension').status).toBe('failed');
    expect(
      (await listMailsTo(t.database.db, learner.email)).some(
        (m) => m.subject === 'Data Practitioner Certificate: your pathway credential is suspended',
      ),
    ).toBe(true);
    expect(
      (await listMailsTo(t.database.db, ownerA.email)).some((m) =>
        m.subject.startsWith('Data Practitioner Certificate: your pathway credential is suspended'),
      ),
    ).toBe(true);
  });

  describe('credentials from elsewhere', () => {
    let walletPathway: string;
    let holder: TestUser;
    const loader = createDocumentLoader();
    const signer = createSigner({ verificationMethod: didKeyVerificationMethod(externalDid), ...externalKey });

    async function signedElsewhere(email: string, overrides: JsonObject = {}) {
      const credential: JsonObject = {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: `urn:uuid:${crypto.randomUUID()}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: externalDid, type: ['Profile'], name: 'Elsewhere Badges' },
        validFrom: '2026-01-01T00:00:00Z',
        name: 'Spreadsheet Modelling',
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [buildEmailIdentity(email, 'pepper')],
          achievement: {
            id: externalAchievement,
            type: ['Achievement'],
            name: 'Spreadsheet Modelling',
            description: 'Models in spreadsheets.',
            criteria: { narrative: 'Passed the exam.' },
          },
        },
        ...overrides,
      };
      return signCredential({
        credential,
        signer,
        cryptosuite: 'eddsa-rdfc-2022',
        documentLoader: loader,
        now: new Date('2026-01-01T00:00:00Z'),
      });
    }

    beforeAll(async () => {
      holder = await signUpUser(t.app, { name: 'Hal Holder' });
      walletPathway = await pathway(ownerA, orgA.slug, {
        name: 'Analyst Starter',
        tree: {
          type: 'all',
          children: [
            micro('a3'),
            {
              type: 'achievement',
              ref: {
                kind: 'external',
                achievementId: externalAchievement,
                issuerDids: [externalDid],
                name: 'Spreadsheet Modelling',
              },
            },
          ],
        },
      });
      await complete(holder, 'a3');
    });

    it('refuses a bad signature, somebody else’s credential and a revoked one, storing nothing', async () => {
      const tampered = await signedElsewhere(holder.email);
      (tampered.credentialSubject as JsonObject).achievement = {
        ...((tampered.credentialSubject as JsonObject).achievement as JsonObject),
        name: 'Rocket Science',
      };
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: holder.cookie },
        payload: { verifiableCredential: tampered },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().detail).toMatch(/does not verify.*signature/);

      const other = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: holder.cookie },
        payload: { verifiableCredential: await signedElsewhere('someone.else@example.com') },
      });
      expect(other.statusCode).toBe(403);
      expect(other.json().detail).toMatch(/belongs to someone else/);

      const issued = await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${orgB.slug}/credentials`,
        headers: { cookie: ownerB.cookie },
        payload: {
          credential: {
            credentialSubject: {
              type: ['AchievementSubject'],
              achievement: {
                id: externalAchievement,
                type: ['Achievement'],
                name: 'Revoked thing',
                description: 'x',
                criteria: { narrative: 'x' },
              },
            },
          },
          options: { recipientEmail: holder.email },
        },
      });
      expect(issued.statusCode).toBe(201);
      const issuedBody = issued.json<{ verifiableCredential: JsonObject }>();
      const rv = await t.app.inject({
        method: 'POST',
        url: `/api/v1/credentials/${encodeURIComponent(issuedBody.verifiableCredential.id as string)}/revoke`,
        headers: { cookie: ownerB.cookie },
        payload: { reason: 'Withdrawn' },
      });
      expect(rv.json()).toMatchObject({ status: 'revoked' });
      const revoked = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: holder.cookie },
        payload: { verifiableCredential: issuedBody.verifiableCredential },
      });
      expect(revoked.statusCode).toBe(400);
      expect(revoked.json().detail).toMatch(/not in force.*revoked/);

      const expired = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: holder.cookie },
        payload: { verifiableCredential: await signedElsewhere(holder.email, { validUntil: '2026-01-02T00:00:00Z' }) },
      });
      expect(expired.statusCode).toBe(400);
      expect(expired.json().detail).toMatch(/not valid now/);

      expect(await count('wallet_credentials', holder.id)).toBe(0);
      expect(await count('pathway_awards', holder.id)).toBe(0);
    });

    it('keeps a credential signed elsewhere (did:key) and counts it toward a pathway, which is awarded', async () => {
      const vc = await signedElsewhere(holder.email);
      const boundary = '----cairn-wallet';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="badge.json"\r\nContent-Type: application/json\r\n\r\n`,
        ),
        Buffer.from(JSON.stringify(vc)),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: {
          cookie: holder.cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-cairn-csrf': '1',
        },
        payload,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        achievementId: externalAchievement,
        issuer: { did: externalDid, name: 'Elsewhere Badges' },
        awardedPathwayIds: [walletPathway],
        pathways: [{ id: walletPathway }],
      });
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/wallet',
        headers: { cookie: holder.cookie },
        payload: { verifiableCredential: vc },
      });
      expect(again.statusCode).toBe(409);

      const mine = await myPathways(holder);
      expect(mine.find((p) => p.id === walletPathway)).toMatchObject({
        awarded: true,
        progress: { done: 2, required: 2 },
      });
      const clr = (await myCredentials(holder)).find((c) =>
        (c.verifiableCredential.type as string[]).includes('ClrCredential'),
      )!;
      const verified = (
        await t.app.inject({
          method: 'POST',
          url: '/credentials/verify',
          payload: { verifiableCredential: clr.verifiableCredential },
        })
      ).json();
      expect(verified.checks.filter((c: { status: string }) => c.status === 'failed')).toEqual([]);
      const walletList = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me/wallet', headers: { cookie: holder.cookie } })
      ).json();
      expect(walletList.items).toHaveLength(1);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/wallet/${walletList.items[0].id}`,
        headers: { cookie: holder.cookie },
      });
      expect(del.statusCode).toBe(204);
      expect(await count('wallet_credentials', holder.id)).toBe(0);
    });
  });
});
