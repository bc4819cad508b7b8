import { beforeAll, describe, expect, it } from 'vitest';
import { verifyWithReference } from '../testing/reference-verifier.js';
import { fetchCredentialJson, issueBadgeOverApi, verifyOverHttp } from '../testing/credential-requests.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { createProgramme, starterSkillIds, type CreatedProgramme } from '../catalog/catalog-test-helpers.js';
import { completeProgramme } from '../pathways/pathway-test-helpers.js';

const t = useTestApp();
type Vc = Record<string, any>;
type Endorsement = { id: string; credentialRowId: string; credentialId: string; withdrawnAt: string | null };
type Finding = { by: string; atIssue: boolean; now: boolean; withdrawnAt: string | null; problems: string[] };
type Report = {
  verified: boolean;
  endorsements: Finding[];
  accreditations: unknown[];
  checks: { id: string; status: string }[];
};

let provider: TestUser;
let partner: TestUser;
let otherPartner: TestUser;
let dual: TestUser;
let learner1: TestUser;
let learner2: TestUser;
let endorsed: CreatedProgramme;
let other: CreatedProgramme;
let ownProgramme: CreatedProgramme;
let providerToken: string;

async function endorse(user: TestUser, orgSlug: string, payload: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgSlug}/endorsements`,
    headers: { cookie: user.cookie },
    payload,
  });
}
const credentialJson = (rowId: string) => fetchCredentialJson<Vc>(t.app, rowId);
const verify = (credential: Vc) => verifyOverHttp<Report>(t.app, credential);
async function search(query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    items: { slug: string; endorsedBy: string[] }[];
    facets: { endorsedBy: { value: string; label: string; count: number }[] };
  }>();
}
/** Issues a credential as the provider (API key), with the given achievement. */
async function issueWithAchievement(achievement: Vc): Promise<Vc> {
  const res = await issueBadgeOverApi(t.app, providerToken, {
    name: 'Handcrafted',
    credentialSubject: { type: ['AchievementSubject'], id: 'did:example:learner', achievement },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ verifiableCredential: Vc }>().verifiableCredential;
}

let firstEndorsement: Endorsement;
let credentialBefore: Vc;
let credentialAfter: Vc;

beforeAll(async () => {
  provider = await signUpUser(t.app);
  partner = await signUpUser(t.app);
  otherPartner = await signUpUser(t.app);
  dual = await signUpUser(t.app);
  learner1 = await signUpUser(t.app);
  learner2 = await signUpUser(t.app);
  await createOrg(t.app, provider, { roles: ['provider'], name: 'Northwind Academy', slug: 'north' });
  await createOrg(t.app, partner, { roles: ['partner'], name: 'Atlas Industry Alliance', slug: 'atlas' });
  await createOrg(t.app, otherPartner, { roles: ['partner'], name: 'Beacon Guild', slug: 'beacon' });
  await createOrg(t.app, dual, { roles: ['provider', 'partner'], name: 'Dual Role Ltd', slug: 'dual' });
  providerToken = (await createApiKey(t.app, provider, 'north', 'author')).token;
  const skillIds = (await starterSkillIds(t.app, 'SQL querying', 1)).map((s) => s.id);
  endorsed = await createProgramme(t.app, provider, 'north', { slug: 'data-basics', title: 'Data Basics', skillIds });
  other = await createProgramme(t.app, provider, 'north', { slug: 'other-course', title: 'Other Course', skillIds });
  ownProgramme = await createProgramme(t.app, dual, 'dual', { slug: 'own-course', title: 'Own Course', skillIds });
  // Issued before any endorsement exists.
  credentialBefore = await credentialJson(
    await completeProgramme(t.app, learner1, { id: endorsed.id, slug: endorsed.slug, providerSlug: 'north' }),
  );
  t.clock.advance(60_000);
});

describe('endorsements', () => {
  it('signs an EndorsementCredential of the programme version that verifies at its id URL', async () => {
    const res = await endorse(partner, 'atlas', {
      providerSlug: 'north',
      programmeSlug: 'data-basics',
      comment: 'Teaches exactly what our **analysts** need.',
    });
    expect(res.statusCode, res.body).toBe(201);
    firstEndorsement = res.json<Endorsement>();
    const vc = await credentialJson(firstEndorsement.credentialRowId);
    expect(vc.type).toContain('EndorsementCredential');
    expect(vc.credentialSubject).toMatchObject({
      type: ['EndorsementSubject'],
      id: `http://cairn.test/achievements/${endorsed.versionId}`,
      endorsementComment: 'Teaches exactly what our **analysts** need.',
    });
    expect(vc.id).toBe(firstEndorsement.credentialId);
    expect(vc.credentialStatus).toBeDefined();
    const report = await verify(vc);
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    // A stranger's verifier (the W3C reference library, standard contexts only) agrees.
    const reference = await verifyWithReference(t.app, vc);
    expect(reference.error).toBeUndefined();
    expect(reference.verified).toBe(true);
  });

  it('refuses a second endorsement of the same subject while one is in force (409)', async () => {
    const res = await endorse(partner, 'atlas', {
      providerSlug: 'north',
      programmeSlug: 'data-basics',
      comment: 'Again, and again.',
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses self-endorsement by an organisation with both roles (422), writing nothing', async () => {
    const res = await endorse(dual, 'dual', {
      providerSlug: 'dual',
      programmeSlug: ownProgramme.slug,
      comment: 'We are great, honestly.',
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const rows = await t.database.db
      .selectFrom('endorsements')
      .select('id')
      .where(
        'subject_org_id',
        '=',
        (
          await t.database.db
            .selectFrom('organizations')
            .select('id')
            .where('slug', '=', 'dual')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses an organisation that is not a partner, and outsiders', async () => {
    const notPartner = await endorse(provider, 'north', { providerSlug: 'dual', comment: 'A fine provider indeed.' });
    expect(notPartner.statusCode).toBe(403);
    const outsider = await endorse(provider, 'atlas', { providerSlug: 'north', comment: 'Sneaky sneaky endorsement.' });
    expect(outsider.statusCode).toBe(404);
  });

  it('lists the programme under "Endorsed by" in the catalogue, with a facet', async () => {
    const found = await search('endorsedBy=atlas');
    expect(found.items.map((i) => i.slug)).toEqual(['data-basics']);
    expect(found.items[0]!.endorsedBy).toEqual(['atlas']);
    expect(found.facets.endorsedBy).toEqual([{ value: 'atlas', label: 'Atlas Industry Alliance', count: 1 }]);
  });

  it('shows the signed endorsement in the programme page’s achievement', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/north/data-basics' });
    const achievement = res.json<{ achievement: Vc }>().achievement;
    expect(achievement.endorsement).toHaveLength(1);
    expect(achievement.endorsement[0].id).toBe(firstEndorsement.credentialId);
  });

  it('embeds it in credentials issued after it, not before; both verify', async () => {
    credentialAfter = await credentialJson(
      await completeProgramme(t.app, learner2, { id: endorsed.id, slug: endorsed.slug, providerSlug: 'north' }),
    );
    expect(credentialAfter.credentialSubject.achievement.endorsement).toHaveLength(1);
    expect(credentialBefore.credentialSubject.achievement.endorsement).toBeUndefined();
    const after = await verify(credentialAfter);
    expect(after.verified, JSON.stringify(after.checks)).toBe(true);
    // The embedded endorsement and the provider's signature over it verify in the reference too.
    expect((await verifyWithReference(t.app, credentialAfter)).verified).toBe(true);
    expect(after.endorsements).toMatchObject([
      { by: 'Atlas Industry Alliance', atIssue: true, now: true, withdrawnAt: null },
    ]);
    const before = await verify(credentialBefore);
    expect(before.verified).toBe(true);
    expect(before.endorsements).toEqual([]);
  });

  it('withdrawal: reported withdrawn now, in force at issue; the credential stays verified; out of the catalogue', async () => {
    t.clock.advance(60_000);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/atlas/endorsements/${firstEndorsement.id}/withdraw`,
      headers: { cookie: partner.cookie },
      payload: { reason: 'The syllabus changed' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Endorsement>().withdrawnAt).not.toBeNull();
    const report = await verify(credentialAfter);
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.endorsements).toHaveLength(1);
    expect(report.endorsements[0]).toMatchObject({ atIssue: true, now: false });
    expect(report.endorsements[0]!.withdrawnAt).toBe(t.clock.now.toISOString());
    expect((await search('endorsedBy=atlas')).items).toEqual([]);
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/partners/atlas' });
    expect(page.json<{ endorsements: unknown[] }>().endorsements).toEqual([]);
    // A credential issued now no longer claims it.
    const programme = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/north/data-basics' });
    expect(programme.json<{ achievement: Vc }>().achievement.endorsement).toBeUndefined();
  });
});

describe('embedded endorsements that do not hold (the credential itself still verifies)', () => {
  let otherEndorsement: Vc;
  let beaconEndorsement: Vc;

  beforeAll(async () => {
    const a = await endorse(partner, 'atlas', {
      providerSlug: 'north',
      programmeSlug: other.slug,
      comment: 'Good course for our trade.',
    });
    otherEndorsement = await credentialJson(a.json<Endorsement>().credentialRowId);
    const b = await endorse(otherPartner, 'beacon', {
      providerSlug: 'north',
      programmeSlug: endorsed.slug,
      comment: 'Beacon likes it too.',
    });
    beaconEndorsement = await credentialJson(b.json<Endorsement>().credentialRowId);
  });

  const achievementOf = (endorsement: Vc[]) => ({
    id: `http://cairn.test/achievements/${endorsed.versionId}`,
    type: ['Achievement'],
    name: 'Data Basics',
    description: 'A short programme.',
    criteria: { narrative: 'Pass the quiz.' },
    endorsement,
  });

  it('an endorsement whose subject is another achievement', async () => {
    const report = await verify(await issueWithAchievement(achievementOf([otherEndorsement])));
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.endorsements[0]).toMatchObject({ atIssue: false, now: false });
    expect(report.endorsements[0]!.problems.join(' ')).toMatch(/endorses .*achievements/);
  });

  it('an endorsement signed by another key than the endorser’s', async () => {
    const atlasDid = otherEndorsement.issuer.id as string;
    const claimed = {
      ...beaconEndorsement,
      issuer: { ...beaconEndorsement.issuer, id: atlasDid, name: 'Atlas Industry Alliance' },
    };
    const report = await verify(await issueWithAchievement(achievementOf([claimed])));
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.endorsements[0]).toMatchObject({ atIssue: false, now: false });
    expect(report.endorsements[0]!.problems.join(' ')).toMatch(/not signed with a key of the organisation|signature/i);
  });

  it('a forged endorsement (comment changed after signing)', async () => {
    const forged = {
      ...beaconEndorsement,
      credentialSubject: {
        ...beaconEndorsement.credentialSubject,
        endorsementComment: 'The best course in the world.',
      },
    };
    const report = await verify(await issueWithAchievement(achievementOf([forged])));
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.endorsements[0]).toMatchObject({ by: 'Beacon Guild', atIssue: false, now: false });
  });

  it('a genuine one, for contrast, holds', async () => {
    const report = await verify(await issueWithAchievement(achievementOf([beaconEndorsement])));
    expect(report.endorsements[0]).toMatchObject({ by: 'Beacon Guild', atIssue: true, now: true, problems: [] });
  });
});

describe('co-development', () => {
  it('a provider invites a partner, who reads the draft, comments and approves', async () => {
    const skillIds = (await starterSkillIds(t.app, 'SQL querying', 1)).map((s) => s.id);
    const draft = await createProgramme(
      t.app,
      provider,
      'north',
      { slug: 'co-built', title: 'Co-built Course', skillIds },
      { publish: false },
    );
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/north/co-development',
      headers: { cookie: provider.cookie },
      payload: { microcredentialId: draft.id, partnerSlug: 'atlas', message: 'Help us shape it?' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const id = invited.json<{ id: string }>().id;
    const seen = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/atlas/co-development',
      headers: { cookie: partner.cookie },
    });
    expect(seen.json<{ items: { id: string; role: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id, role: 'partner' }),
    );
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/atlas/co-development/${id}`,
      headers: { cookie: partner.cookie },
    });
    expect(detail.json<{ draft: { title: string; status: string } }>().draft).toMatchObject({
      title: 'Co-built Course',
      status: 'draft',
    });
    const commented = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/atlas/co-development/${id}/comments`,
      headers: { cookie: partner.cookie },
      payload: { body: 'Add a module on data ethics.' },
    });
    expect(commented.json<{ comments: { body: string }[] }>().comments.map((c) => c.body)).toEqual([
      'Add a module on data ethics.',
    ]);
    // Only the invited partner decides.
    const byProvider = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/north/co-development/${id}/approve`,
      headers: { cookie: provider.cookie },
      payload: {},
    });
    expect(byProvider.statusCode).toBe(403);
    const stranger = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/beacon/co-development/${id}`,
      headers: { cookie: otherPartner.cookie },
    });
    expect(stranger.statusCode).toBe(404);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/atlas/co-development/${id}/approve`,
      headers: { cookie: partner.cookie },
      payload: {},
    });
    expect(approved.json<{ status: string }>().status).toBe('approved');
    const version = await t.database.db
      .selectFrom('microcredential_versions')
      .select('partner_org_ids')
      .where('id', '=', draft.versionId)
      .executeTakeFirstOrThrow();
    expect(version.partner_org_ids).toHaveLength(1);
  });
});
