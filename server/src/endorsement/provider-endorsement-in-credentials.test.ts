import { beforeAll, describe, expect, it } from 'vitest';
import { fetchCredentialJson, issueBadgeOverApi, verifyOverHttp } from '../testing/credential-requests.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { createProgramme, starterSkillIds, type CreatedProgramme } from '../catalog/catalog-test-helpers.js';
import { completeProgramme } from '../pathways/pathway-test-helpers.js';

const t = useTestApp();
type Vc = Record<string, any>;
type Finding = {
  by: string;
  subject: 'achievement' | 'issuer';
  subjectId: string | null;
  atIssue: boolean;
  now: boolean;
  withdrawnAt: string | null;
  problems: string[];
};
type Report = { verified: boolean; endorsements: Finding[]; checks: { id: string; status: string }[] };

let provider: TestUser;
let partner: TestUser;
let programme: CreatedProgramme;
let providerToken: string;
let credentialBefore: Vc;
let credentialAfter: Vc;
let endorsementRowId: string;

const credentialJson = (rowId: string) => fetchCredentialJson<Vc>(t.app, rowId);
const verify = (credential: Vc) => verifyOverHttp<Report>(t.app, credential);
/** A plain subject, for credentials the provider issues through the API. */
function subject(): Vc {
  const { id, type, name, description, criteria } = credentialAfter.credentialSubject.achievement;
  return {
    type: ['AchievementSubject'],
    id: 'did:example:learner',
    achievement: { id, type, name, description, criteria },
  };
}
/** The provider issues, through the API, a credential whose issuer Profile carries `endorsement`. */
function issueWithProfileEndorsement(endorsement: Vc) {
  return issueBadgeOverApi(t.app, providerToken, {
    name: 'Handcrafted',
    issuer: { ...credentialAfter.issuer, endorsement: [endorsement] },
    credentialSubject: subject(),
  });
}
async function complete(learner: TestUser): Promise<Vc> {
  return credentialJson(
    await completeProgramme(t.app, learner, { id: programme.id, slug: programme.slug, providerSlug: 'north' }),
  );
}

beforeAll(async () => {
  provider = await signUpUser(t.app);
  partner = await signUpUser(t.app);
  await createOrg(t.app, provider, { roles: ['provider'], name: 'Northwind Academy', slug: 'north' });
  await createOrg(t.app, partner, { roles: ['partner'], name: 'Atlas Industry Alliance', slug: 'atlas' });
  providerToken = (await createApiKey(t.app, provider, 'north', 'author')).token;
  const skillIds = (await starterSkillIds(t.app, 'SQL querying', 1)).map((s) => s.id);
  programme = await createProgramme(t.app, provider, 'north', { slug: 'data-basics', title: 'Data Basics', skillIds });
  credentialBefore = await complete(await signUpUser(t.app));
  t.clock.advance(60_000);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/atlas/endorsements',
    headers: { cookie: partner.cookie },
    payload: { providerSlug: 'north', comment: 'Northwind trains our apprentices well.' },
  });
  expect(res.statusCode, res.body).toBe(201);
  endorsementRowId = res.json<{ credentialRowId: string }>().credentialRowId;
  t.clock.advance(60_000);
  credentialAfter = await complete(await signUpUser(t.app));
});

describe('an endorsement of the provider travels in its credentials', () => {
  it('is in the issuer Profile of a credential issued after it, not before; both verify', async () => {
    expect(credentialBefore.issuer.endorsement).toBeUndefined();
    expect(credentialAfter.issuer.endorsement).toHaveLength(1);
    expect(credentialAfter.issuer.endorsement[0].credentialSubject.id).toBe(credentialAfter.issuer.id);
    // An endorsement of the provider is not one of the programme.
    expect(credentialAfter.credentialSubject.achievement.endorsement).toBeUndefined();

    const after = await verify(credentialAfter);
    expect(after.verified, JSON.stringify(after.checks)).toBe(true);
    expect(after.endorsements).toMatchObject([
      {
        by: 'Atlas Industry Alliance',
        subject: 'issuer',
        subjectId: credentialAfter.issuer.id,
        atIssue: true,
        now: true,
        withdrawnAt: null,
        problems: [],
      },
    ]);
    const before = await verify(credentialBefore);
    expect(before.verified).toBe(true);
    expect(before.endorsements).toEqual([]);
  });

  it('a forged provider endorsement in the Profile is reported, without changing verified', async () => {
    const genuine = await credentialJson(endorsementRowId);
    const forged = {
      ...genuine,
      credentialSubject: { ...genuine.credentialSubject, endorsementComment: 'The best provider in the world.' },
    };
    const res = await issueWithProfileEndorsement(forged);
    expect(res.statusCode, res.body).toBe(201);
    const credential = res.json<{ verifiableCredential: Vc }>().verifiableCredential;
    expect(credential.issuer.endorsement).toHaveLength(1);
    const report = await verify(credential);
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.endorsements).toHaveLength(1);
    expect(report.endorsements[0]).toMatchObject({ subject: 'issuer', atIssue: false, now: false });
    expect(report.endorsements[0]!.problems.length).toBeGreaterThan(0);
  });

  it('a programme endorsement moved onto the Profile does not count for the issuer', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/atlas/endorsements',
      headers: { cookie: partner.cookie },
      payload: { providerSlug: 'north', programmeSlug: programme.slug, comment: 'A good course.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ofProgramme = await credentialJson(res.json<{ credentialRowId: string }>().credentialRowId);
    const issued = await issueWithProfileEndorsement(ofProgramme);
    expect(issued.statusCode, issued.body).toBe(201);
    const report = await verify(issued.json<{ verifiableCredential: Vc }>().verifiableCredential);
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.endorsements[0]).toMatchObject({ subject: 'issuer', atIssue: false, now: false });
    expect(report.endorsements[0]!.problems.join(' ')).toMatch(/endorses .*achievements/);
  });
});
