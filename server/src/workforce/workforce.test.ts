import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme } from '../catalog/catalog-test-helpers.js';
import { completeProgramme } from '../pathways/pathway-test-helpers.js';
import { employerWorld } from '../testing/employer-world.js';
import { createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { forgedSkillClaim, putInWallet } from '../testing/wallet-documents.js';
import { clearEvidenceCache } from './skill-evidence.js';

const t = useTestApp();
let provider: TestUser;
let employer: TestUser;
let ana: TestUser; // shares everything
let ben: TestUser; // member who never shares
let outsider: TestUser;
let northwind: { slug: string; id: string };
let harbor: { slug: string; id: string };
let skills: { id: string; name: string }[];
let programme: { id: string; slug: string };
let paid: { id: string; slug: string };
let anaCredentialId: string;
let roleId: string;

const as = (user: TestUser) => ({ cookie: user.cookie });
const enrol = (user: TestUser, slug: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${northwind.slug}/${slug}/enrol`,
    headers: as(user),
    payload: {},
  });
const assignSponsoredSeat = (user: TestUser) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${harbor.slug}/assignments`,
    headers: as(employer),
    payload: {
      microcredentialId: paid.id,
      userIds: [user.id],
      dueAt: new Date(t.clock.now.getTime() + 30 * 86_400_000).toISOString(),
      isSponsored: true,
    },
  });
const gapsOf = async (query = '') =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/orgs/${harbor.slug}/roles/${roleId}/gaps${query}`,
    headers: as(employer),
  });

beforeAll(async () => {
  ({ provider, employer, ana, ben, northwind, harbor, skills } = await employerWorld(t.app, {
    ana: 'Ana Sharing',
    ben: 'Ben Private',
  }));
  outsider = await signUpUser(t.app, { name: 'Olga Outsider' });
  // Level 5 (EQF) maps to Cairn level 4.
  programme = await createProgramme(t.app, provider, northwind.slug, {
    slug: 'data-basics',
    title: 'Data basics',
    level: 5,
    skillIds: [skills[0]!.id],
  });
  paid = await createProgramme(t.app, provider, northwind.slug, {
    slug: 'data-paid',
    title: 'Data paid',
    skillIds: [skills[1]!.id],
    cost: { amountMinor: 19900, currency: 'EUR' },
  });
  anaCredentialId = await completeProgramme(t.app, ana, { ...programme, providerSlug: northwind.slug });
  await completeProgramme(t.app, ben, { ...programme, providerSlug: northwind.slug });
});

describe('role skill profiles', () => {
  it('creates a role and lists it with its skills', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/roles`,
      headers: as(employer),
      payload: {
        name: 'Data analyst',
        skills: [
          { skillId: skills[0]!.id, level: 3, essential: true },
          { skillId: skills[1]!.id, level: 2, essential: false },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    roleId = res.json().id;
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${harbor.slug}/roles`, headers: as(employer) });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: roleId,
        name: 'Data analyst',
        skills: expect.arrayContaining([
          expect.objectContaining({ skillId: skills[0]!.id, level: 3, essential: true }),
          expect.objectContaining({ skillId: skills[1]!.id, level: 2, essential: false }),
        ]),
      }),
    ]);
  });

  it('keeps versions when a role is edited', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${harbor.slug}/roles/${roleId}`,
      headers: as(employer),
      payload: {
        name: 'Data analyst',
        skills: [
          { skillId: skills[0]!.id, level: 3, essential: true },
          { skillId: skills[1]!.id, level: 2, essential: true },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    expect(res.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('imports a CSV on a 1-100 scale, mapped by the documented thresholds, all or nothing', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/roles/import`,
      headers: as(employer),
      payload: {
        scale: '1-100',
        csv: `role,skill,level,essential\nLead,${skills[0]!.id},55,yes\nLead,no-such-skill,10,no\n`,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ line: 3, field: 'skill' })]);
    const good = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${harbor.slug}/roles/import`,
      headers: as(employer),
      payload: {
        scale: '1-100',
        csv: `role,skill,level,essential\nLead,${skills[0]!.id},55,yes\nLead,${skills[2]!.id},81,no\n`,
      },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ created: 1, updated: 0 });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${harbor.slug}/roles`, headers: as(employer) });
    const lead = list.json().items.find((r: { name: string }) => r.name === 'Lead');
    expect(lead.skills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ skillId: skills[0]!.id, level: 3, essential: true }),
        expect.objectContaining({ skillId: skills[2]!.id, level: 5, essential: false }),
      ]),
    );
  });

  it('is invisible to another employer’s admin, exactly as a missing organisation', async () => {
    const rivalOwner = await signUpUser(t.app);
    await createOrg(t.app, rivalOwner, { roles: ['employer'], name: 'Rival' });
    const urls = [
      `/api/v1/orgs/${harbor.slug}/roles`,
      `/api/v1/orgs/${harbor.slug}/roles/${roleId}/gaps`,
      `/api/v1/orgs/${harbor.slug}/roles/${roleId}/gaps.csv`,
      `/api/v1/orgs/${harbor.slug}/assignments`,
      `/api/v1/orgs/${harbor.slug}/seat-budgets`,
      `/api/v1/orgs/${harbor.slug}/workforce-dashboard`,
    ];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url, headers: as(rivalOwner) });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Data analyst');
    }
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/no-such-org/roles',
      headers: as(rivalOwner),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is not visible to a plain member or an outsider', async () => {
    for (const who of [ana, outsider]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${harbor.slug}/roles`, headers: as(who) });
      expect([403, 404]).toContain(res.statusCode);
    }
  });
});

describe('consent and gaps', () => {
  it('shows nobody before anyone shares', async () => {
    const res = await gapsOf();
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toEqual([]);
  });

  it('refuses sharing with an employer one is not a member of, and sharing someone else’s credential', async () => {
    const notMember = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/me/sharing/${harbor.slug}`,
      headers: as(outsider),
      payload: { credentials: 'all' },
    });
    expect(notMember.statusCode).toBe(404);
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/me/sharing/${harbor.slug}`,
      headers: as(ben),
      payload: { credentials: [anaCredentialId] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(await shareCount()).toBe(0);
  });

  it('counts a shared credential that verifies, at the level the programme declares', async () => {
    const share = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/me/sharing/${harbor.slug}`,
      headers: as(ana),
      payload: { credentials: 'all' },
    });
    expect(share.statusCode).toBe(200);
    const res = await gapsOf();
    const members = res.json().members;
    // Ben completed the same programme but does not share: he is not in the report.
    expect(members.map((m: { name: string }) => m.name)).toEqual(['Ana Sharing']);
    const bySkill = Object.fromEntries(members[0].skills.map((s: { skillId: string }) => [s.skillId, s]));
    expect(bySkill[skills[0]!.id]).toMatchObject({ required: 3, verified: 4, status: 'met' });
    expect(bySkill[skills[1]!.id]).toMatchObject({ required: 2, verified: null, status: 'missing' });
    const csv = await gapsOf('').then(() =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${harbor.slug}/roles/${roleId}/gaps.csv`,
        headers: as(employer),
      }),
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('"Ana Sharing"');
    expect(csv.body).not.toContain('Ben Private');
  });

  it('never counts a forged credential in the wallet', async () => {
    // Claim a skill the signed credential does not align to.
    const forged = await forgedSkillClaim(
      t.database.db,
      anaCredentialId,
      `http://cairn.test/api/v1/skills/${skills[1]!.id}`,
    );
    await putInWallet(t.database.db, { learnerId: ana.id, document: forged, issuerDid: northwind.slug, tag: 'forged' });
    clearEvidenceCache();
    const member = (await gapsOf()).json().members[0];
    const skill1 = member.skills.find((s: { skillId: string }) => s.skillId === skills[1]!.id);
    expect(skill1).toMatchObject({ verified: null, status: 'missing' });
    // The genuine credential still counts: what the forgery changes, it does not poison.
    const skill0 = member.skills.find((s: { skillId: string }) => s.skillId === skills[0]!.id);
    expect(skill0).toMatchObject({ verified: 4, status: 'met' });
  });

  it('stops counting a revoked credential once the cached result is older than the status list TTL', async () => {
    // Ben revokes nothing; the provider revokes Ana's credential.
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${anaCredentialId}/revoke`,
      headers: { ...as(provider), 'x-cairn-csrf': '1' },
      payload: { reason: 'Issued in error' },
    });
    expect(revoked.statusCode).toBe(200);
    t.clock.advance(61_000);
    const member = (await gapsOf()).json().members[0];
    const skill0 = member.skills.find((s: { skillId: string }) => s.skillId === skills[0]!.id);
    expect(skill0).toMatchObject({ verified: null, status: 'missing' });
  });

  it('withdrawing consent removes the member from every report', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sharing/${harbor.slug}`, headers: as(ana) });
    expect(res.statusCode).toBe(204);
    expect((await gapsOf()).json().members).toEqual([]);
    const dash = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${harbor.slug}/workforce-dashboard`,
      headers: as(employer),
    });
    expect(dash.json().sharingMembers).toBe(0);
  });
});

describe('sponsored seats and private programmes', () => {
  it('assigns a paid programme on a sponsored seat; the learner enrols without a voucher', async () => {
    const noSeats = await assignSponsoredSeat(ben);
    expect(noSeats.statusCode).toBe(409);
    expect(await assignmentCount()).toBe(0);
    const budget = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${harbor.slug}/seat-budgets`,
      headers: as(employer),
      payload: { microcredentialId: paid.id, seats: 1 },
    });
    expect(budget.statusCode).toBe(200);
    const assigned = await assignSponsoredSeat(ben);
    expect(assigned.statusCode).toBe(201);
    // Ana has no seat: she still needs a voucher.
    const anaTry = await enrol(ana, paid.slug);
    expect(anaTry.statusCode).toBe(400);
    const benEnrol = await enrol(ben, paid.slug);
    expect(benEnrol.statusCode).toBe(201);
    const seats = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${harbor.slug}/seat-budgets`,
      headers: as(employer),
    });
    expect(seats.json().items[0]).toMatchObject({
      seatsTotal: 1,
      seatsUsed: 1,
      seats: [expect.objectContaining({ userName: 'Ben Private', sponsoredBy: 'Harbor Admin' })],
    });
    expect(seats.json().items[0].seats[0].claimedAt).not.toBeNull();
  });

  it('lists a private programme only to the employer’s members, never in the public catalogue', async () => {
    const draft = await createProgramme(
      t.app,
      provider,
      northwind.slug,
      { slug: 'harbor-only', title: 'Harbor only', skillIds: [skills[2]!.id] },
      { publish: false },
    );
    const audience = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${northwind.slug}/microcredentials/${draft.id}/audience`,
      headers: as(provider),
      payload: { employerSlug: harbor.slug },
    });
    expect(audience.statusCode).toBe(200);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${northwind.slug}/microcredentials/${draft.id}/versions/${draft.versionId}/publish`,
      headers: as(provider),
      payload: {},
    });
    expect(published.statusCode, published.body).toBe(200);
    const catalogue = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog?q=${encodeURIComponent('Harbor only')}`,
    });
    expect(JSON.stringify(catalogue.json())).not.toContain('harbor-only');
    const forAna = await t.app.inject({ method: 'GET', url: '/api/v1/me/private-programmes', headers: as(ana) });
    expect(forAna.json().items.map((p: { slug: string }) => p.slug)).toEqual(['harbor-only']);
    const forOutsider = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/private-programmes',
      headers: as(outsider),
    });
    expect(forOutsider.json().items).toEqual([]);
    const outsiderEnrol = await enrol(outsider, 'harbor-only');
    expect(outsiderEnrol.statusCode).toBe(404);
    const anaEnrol = await enrol(ana, 'harbor-only');
    expect(anaEnrol.statusCode).toBe(201);
  });
});

async function countOf(table: 'credential_shares' | 'learning_assignments') {
  return (
    await t.database.db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}
const shareCount = () => countOf('credential_shares');
const assignmentCount = () => countOf('learning_assignments');
