import { hashIdentity } from '@cairn/credentials';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { reevaluateAllLearners } from './reevaluate-all-learners.js';
import { settlePathways } from './pathway-settler.js';
import { recheckWallets } from './wallet-status.service.js';
import {
  completeProgramme,
  createPathway,
  listMyPathways,
  microRequirement,
  publishPathway,
  type TestProgramme,
} from './pathway-test-helpers.js';

const t = useTestApp();
let owner: TestUser;
let org: { slug: string };
const programmes: TestProgramme[] = [];

async function awardsOf(learner: TestUser) {
  return t.database.db
    .selectFrom('pathway_awards')
    .select(['pathway_id', 'version_id'])
    .where('learner_id', '=', learner.id)
    .execute();
}

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Sam Settler' });
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Settle Academy' });
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  for (const key of ['s1', 's2', 's3']) {
    const created = await createProgramme(t.app, owner, org.slug, {
      slug: unique(key),
      title: `Programme ${key.toUpperCase()}`,
      cpdHours: 4,
      skillIds,
    });
    programmes.push({ id: created.id, slug: created.slug, providerSlug: org.slug });
  }
});

describe('settling pathways after publication', () => {
  it('awards a learner who already holds everything a newly published pathway asks for, once', async () => {
    const early = await signUpUser(t.app, { name: 'Eda Early' });
    const partial = await signUpUser(t.app, { name: 'Pia Partial' });
    await completeProgramme(t.app, early, programmes[0]!);
    await completeProgramme(t.app, early, programmes[1]!);
    await completeProgramme(t.app, partial, programmes[0]!);
    expect((await t.jobs.drain()).failed).toEqual([]);

    const id = await createPathway(t.app, owner, org.slug, {
      name: 'Already There',
      tree: { type: 'all', children: [microRequirement(programmes[0]!), microRequirement(programmes[1]!)] },
    });
    // Publishing records pathway.published (and its job) with the version; nothing is awarded until the job runs.
    const event = await t.database.db
      .selectFrom('domain_events')
      .select(['id', 'actor_kind', 'actor_user_id', 'data'])
      .where('type', '=', 'pathway.published')
      .where(sql<boolean>`data->>'pathwayId' = ${id}`)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_kind: 'user', actor_user_id: owner.id, data: { pathwayId: id, version: 1 } });
    expect(await awardsOf(early)).toEqual([]);

    // The event's consumer queues the settlement of this pathway; the settlement awards.
    const ran = await t.jobs.drain();
    expect(ran.failed).toEqual([]);
    expect(ran.completed).toBeGreaterThanOrEqual(2);
    // Eda is awarded; Pia now counts toward it (1 of 2) without having joined.
    expect((await awardsOf(early)).map((a) => a.pathway_id)).toEqual([id]);
    expect((await listMyPathways(t.app, early)).find((p) => p.id === id)).toMatchObject({
      awarded: true,
      progress: { done: 2, required: 2 },
    });
    expect((await listMyPathways(t.app, partial)).find((p) => p.id === id)).toMatchObject({
      awarded: false,
      progress: { done: 1, required: 2 },
    });

    const again = await settlePathways(t.deps);
    expect(again).toMatchObject({ updated: 0, awarded: 0, failed: 0 });
    expect(await awardsOf(early)).toHaveLength(1);
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/pathways`, headers: { cookie: owner.cookie } })
    ).json<{ items: { id: string; learners: number; awarded: number }[] }>();
    expect(list.items.find((p) => p.id === id)).toMatchObject({ learners: 2, awarded: 1 });
  });

  it('reports what a full re-evaluation wrote, and writes nothing when nothing changed', async () => {
    const fresh = await signUpUser(t.app, { name: 'Flo Fresh' });
    await completeProgramme(t.app, fresh, programmes[2]!);
    expect((await t.jobs.drain()).failed).toEqual([]);
    // Published after Flo's credential and with no settlement run (its job is not run here):
    // nobody's progress on it is written yet. Flo (S3) and Eda (S2, from the test above) each
    // count one of its two.
    const id = await createPathway(t.app, owner, org.slug, {
      name: 'Third Step',
      tree: { type: 'all', children: [microRequirement(programmes[2]!), microRequirement(programmes[1]!)] },
    });
    expect(
      await t.database.db.selectFrom('pathway_learners').select('learner_id').where('pathway_id', '=', id).execute(),
    ).toEqual([]);

    const users = (
      await t.database.db
        .selectFrom('users')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const full = await reevaluateAllLearners(t.deps, { batchSize: 2 });
    expect(full.learners).toBe(users);
    expect(full.updated).toBe(2);
    expect(full.satisfiedWithoutAward).toEqual([]);
    const rows = await t.database.db
      .selectFrom('pathway_learners')
      .select(['learner_id', 'done', 'required', 'is_joined'])
      .where('pathway_id', '=', id)
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.learner_id === fresh.id)).toEqual({
      learner_id: fresh.id,
      done: 1,
      required: 2,
      is_joined: false,
    });
    expect((await reevaluateAllLearners(t.deps, { batchSize: 2 })).updated).toBe(0);
  });
});

describe('a pathway edited while learners are on it', () => {
  it('keeps each learner on the version they started, and awards that version', async () => {
    const id = await createPathway(
      t.app,
      owner,
      org.slug,
      { name: 'Moving Target', tree: { type: 'all', children: [microRequirement(programmes[0]!)] } },
      { publish: false },
    );
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.slug}/pathways/${id}/draft`,
      headers: { cookie: owner.cookie },
      payload: {
        name: 'Moving Target',
        tree: { type: 'all', children: [microRequirement(programmes[0]!), microRequirement(programmes[1]!)] },
      },
    });
    await publishPathway(t.app, owner, org.slug, id);
    const starter = await signUpUser(t.app, { name: 'Sol Starter' });
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pathways/${id}/join`,
      headers: { cookie: starter.cookie },
      payload: {},
    });
    expect(joined.statusCode).toBeLessThan(300);
    await completeProgramme(t.app, starter, programmes[0]!);

    // Version 2 asks for a third programme; Sol stays on version 1.
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.slug}/pathways/${id}/draft`,
      headers: { cookie: owner.cookie },
      payload: {
        name: 'Moving Target',
        tree: {
          type: 'all',
          children: [
            microRequirement(programmes[0]!),
            microRequirement(programmes[1]!),
            microRequirement(programmes[2]!),
          ],
        },
      },
    });
    expect(edit.statusCode).toBe(200);
    await publishPathway(t.app, owner, org.slug, id);
    await settlePathways(t.deps, { pathwayIds: [id] });

    const late = await signUpUser(t.app, { name: 'Lou Late' });
    await completeProgramme(t.app, late, programmes[0]!);
    expect((await listMyPathways(t.app, late)).find((p) => p.id === id)).toMatchObject({
      progress: { done: 1, required: 3 },
    });
    expect((await listMyPathways(t.app, starter)).find((p) => p.id === id)).toMatchObject({
      awarded: false,
      progress: { done: 1, required: 2 },
    });

    await completeProgramme(t.app, starter, programmes[1]!);
    expect((await t.jobs.drain()).failed).toEqual([]);
    const versions = await t.database.db
      .selectFrom('pathway_versions')
      .select(['id', 'version_number'])
      .where('pathway_id', '=', id)
      .orderBy('version_number')
      .execute();
    expect(await awardsOf(starter)).toContainEqual({ pathway_id: id, version_id: versions[0]!.id });
    expect((await awardsOf(late)).filter((a) => a.pathway_id === id)).toEqual([]);
  });
});

describe('a wallet credential its issuer later suspends or revokes', () => {
  it('stops counting, suspends the pathway credential it is part of, and counts again when reinstated', async () => {
    const issuerOwner = await signUpUser(t.app, { name: 'Ivo Issuer' });
    const issuer = await createOrg(t.app, issuerOwner, { roles: ['provider'], name: 'Guild Elsewhere' });
    const issuerDid = (
      await t.database.db
        .selectFrom('organizations')
        .select('did')
        .where('slug', '=', issuer.slug)
        .executeTakeFirstOrThrow()
    ).did;
    const achievementId = `https://guild.example/achievements/${unique('a')}`;
    const id = await createPathway(t.app, owner, org.slug, {
      name: 'Guild Bridge',
      tree: {
        type: 'all',
        children: [
          microRequirement(programmes[0]!),
          {
            type: 'achievement',
            ref: { kind: 'external', achievementId, issuerDids: [issuerDid], name: 'Guild Membership' },
          },
        ],
      },
    });
    // Issued to an email the issuer hashed itself: Cairn cannot read the address, so the
    // credential does not join the holder's account on its own and arrives through the wallet.
    const email = `${unique('wes')}@example.com`;
    const identifier = [
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed: true,
        salt: 'guild-salt',
        identityHash: hashIdentity(email, 'guild-salt'),
      },
    ];
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${issuer.slug}/credentials`,
      headers: { cookie: issuerOwner.cookie },
      payload: {
        credential: {
          credentialSubject: {
            type: ['AchievementSubject'],
            identifier,
            achievement: {
              id: achievementId,
              type: ['Achievement'],
              name: 'Guild Membership',
              description: 'A member of the guild.',
              criteria: { narrative: 'Admitted.' },
            },
          },
        },
        options: { statusPurposes: ['revocation', 'suspension'] },
      },
    });
    expect(issued.statusCode).toBe(201);
    const vc = issued.json<{ verifiableCredential: { id: string } }>().verifiableCredential;
    const holder = await signUpUser(t.app, { email, name: 'Wes Wallet' });
    await completeProgramme(t.app, holder, programmes[0]!);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/wallet',
      headers: { cookie: holder.cookie },
      payload: { verifiableCredential: vc },
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ status: 'active', awardedPathwayIds: [id] });
    const walletId = imported.json<{ id: string }>().id;
    const pathwayCredentialStatus = async () => {
      const mine = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me/credentials', headers: { cookie: holder.cookie } })
      ).json<{ items: { achievementName: string; status: string }[] }>().items;
      return mine.find((c) => c.achievementName === 'Guild Bridge')!.status;
    };
    expect(await pathwayCredentialStatus()).toBe('active');

    const credentialPath = `/api/v1/credentials/${encodeURIComponent(vc.id)}`;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${credentialPath}/suspend`,
          headers: { cookie: issuerOwner.cookie },
          payload: { reason: 'Dues unpaid' },
        })
      ).statusCode,
    ).toBe(200);
    const checked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/wallet/${walletId}/status-check`,
      headers: { cookie: holder.cookie },
      payload: {},
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({
      status: 'suspended',
      statusReason: expect.stringMatching(/suspended/),
      statusCheckError: null,
      pathways: [],
    });
    expect(await pathwayCredentialStatus()).toBe('suspended');
    // Still awarded (the record of what was earned stays), but suspended.
    expect((await listMyPathways(t.app, holder)).find((p) => p.id === id)).toMatchObject({
      awarded: true,
      isSuspended: true,
    });

    // The periodic run notices the reinstatement.
    await t.app.inject({
      method: 'POST',
      url: `${credentialPath}/unsuspend`,
      headers: { cookie: issuerOwner.cookie },
      payload: {},
    });
    const run = await recheckWallets(t.deps);
    expect(run).toMatchObject({ changed: 1, unreadable: 0 });
    expect(await pathwayCredentialStatus()).toBe('active');
    expect((await listMyPathways(t.app, holder)).find((p) => p.id === id)).toMatchObject({
      awarded: true,
      isSuspended: false,
    });
    const item = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me/wallet', headers: { cookie: holder.cookie } })
    ).json<{ items: { status: string; pathways: { id: string }[] }[] }>().items[0]!;
    expect(item).toMatchObject({ status: 'active', pathways: [{ id }] });

    await t.app.inject({
      method: 'POST',
      url: `${credentialPath}/revoke`,
      headers: { cookie: issuerOwner.cookie },
      payload: { reason: 'Expelled' },
    });
    expect((await recheckWallets(t.deps)).changed).toBe(1);
    const wallet = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me/wallet', headers: { cookie: holder.cookie } })
    ).json<{ items: { status: string }[] }>().items;
    expect(wallet.map((w) => w.status)).toEqual(['revoked']);
    expect(await pathwayCredentialStatus()).toBe('suspended');
    // Nothing changed since: a second run changes nothing.
    expect((await recheckWallets(t.deps)).changed).toBe(0);
  });
});

describe('a component that expires', () => {
  it('suspends the pathway credential at the next periodic settlement', async () => {
    const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
    const created = await createProgramme(t.app, owner, org.slug, {
      slug: unique('expiring'),
      title: 'Expiring Programme',
      skillIds,
      validityMonths: 1,
    });
    const expiring: TestProgramme = { id: created.id, slug: created.slug, providerSlug: org.slug };
    const id = await createPathway(t.app, owner, org.slug, {
      name: 'Short-Lived',
      tree: { type: 'all', children: [microRequirement(expiring)] },
    });
    const learner = await signUpUser(t.app, { name: 'Eli Expiry' });
    await completeProgramme(t.app, learner, expiring);
    expect((await t.jobs.drain()).failed).toEqual([]);
    expect((await listMyPathways(t.app, learner)).find((p) => p.id === id)).toMatchObject({
      awarded: true,
      isSuspended: false,
    });

    expect((await settlePathways(t.deps)).suspendedForExpiry).toBe(0);
    t.clock.advance(40 * 24 * 60 * 60 * 1000);
    const settled = await settlePathways(t.deps);
    expect(settled.suspendedForExpiry).toBe(1);
    // (Read from the database: forty days on, the learner's session has expired.)
    const award = await t.database.db
      .selectFrom('pathway_awards')
      .select(['status', 'credential_row_id'])
      .where('learner_id', '=', learner.id)
      .where('pathway_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(award.status).toBe('suspended');
    const credential = await t.database.db
      .selectFrom('credentials')
      .select(['suspended_at', 'suspension_reason'])
      .where('id', '=', award.credential_row_id!)
      .executeTakeFirstOrThrow();
    expect(credential.suspended_at).not.toBeNull();
    expect(credential.suspension_reason).toMatch(/Expiring Programme/);
    // Already suspended: the next run leaves it be.
    expect((await settlePathways(t.deps)).suspendedForExpiry).toBe(0);
  });

  it('records credential.expired once, and its consumer suspends the pathway credential without waiting for the settlement', async () => {
    // (A provider of its own: the test above moved the clock past the first owner's session.)
    const provider = await signUpUser(t.app, { name: 'Lee Lapse' });
    const lapsingOrg = await createOrg(t.app, provider, { roles: ['provider'], name: 'Lapse Academy' });
    const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
    const created = await createProgramme(t.app, provider, lapsingOrg.slug, {
      slug: unique('lapsing'),
      title: 'Lapsing Programme',
      skillIds,
      validityMonths: 1,
    });
    const lapsing: TestProgramme = { id: created.id, slug: created.slug, providerSlug: lapsingOrg.slug };
    const id = await createPathway(t.app, provider, lapsingOrg.slug, {
      name: 'Lapsing Path',
      tree: { type: 'all', children: [microRequirement(lapsing)] },
    });
    const learner = await signUpUser(t.app, { name: 'Lia Lapse' });
    const credentialId = await completeProgramme(t.app, learner, lapsing);
    expect((await t.jobs.drain()).failed).toEqual([]);
    const award = () =>
      t.database.db
        .selectFrom('pathway_awards')
        .select(['status', 'credential_row_id'])
        .where('learner_id', '=', learner.id)
        .where('pathway_id', '=', id)
        .executeTakeFirstOrThrow();
    expect((await award()).status).toBe('active');
    const expiredEvents = () =>
      t.database.db
        .selectFrom('domain_events')
        .select(['org_id', 'actor_kind', 'actor_reason', 'data'])
        .where('type', '=', 'credential.expired')
        .where(sql<boolean>`data->>'credentialId' = ${credentialId}`)
        .execute();

    // Not yet expired: the scan records nothing for it.
    await t.jobs.trigger(t.deps.db, 'credentialExpiry');
    expect((await t.jobs.drain()).failed).toEqual([]);
    expect(await expiredEvents()).toEqual([]);

    t.clock.advance(40 * 24 * 60 * 60 * 1000);
    await t.jobs.trigger(t.deps.db, 'credentialExpiry');
    expect((await t.jobs.drain()).failed).toEqual([]);
    const orgId = lapsingOrg.id;
    expect(await expiredEvents()).toEqual([
      {
        org_id: orgId,
        actor_kind: 'system',
        actor_reason: 'credential expiry scan',
        data: expect.objectContaining({ credentialId, recipientUserId: learner.id }),
      },
    ]);
    const suspended = await award();
    expect(suspended.status).toBe('suspended');
    const pathwayCredential = await t.database.db
      .selectFrom('credentials')
      .select(['suspended_at', 'suspension_reason'])
      .where('id', '=', suspended.credential_row_id!)
      .executeTakeFirstOrThrow();
    expect(pathwayCredential.suspension_reason).toMatch(/Lapsing Programme/);
    // The pathway credential's suspension is an event too (for webhooks and larger pathways).
    const followUp = await t.database.db
      .selectFrom('domain_events')
      .select('actor_reason')
      .where('type', '=', 'credential.suspended')
      .where(sql<boolean>`data->>'credentialId' = ${suspended.credential_row_id!}`)
      .execute();
    expect(followUp).toEqual([{ actor_reason: 'pathway awards' }]);

    // Announced once: the next scan leaves it be.
    await t.jobs.trigger(t.deps.db, 'credentialExpiry');
    expect((await t.jobs.drain()).failed).toEqual([]);
    expect(await expiredEvents()).toHaveLength(1);
  });

  it('runs the six-hourly settlement as a scheduled job: wallet statuses read again, every pathway settled', async () => {
    const checked = () => t.database.db.selectFrom('wallet_credentials').select(['id', 'status_checked_at']).execute();
    expect((await checked()).length).toBeGreaterThan(0);
    // The clock moved on weeks since the last check: every entry is due.
    await t.jobs.trigger(t.deps.db, 'settlePathways');
    const ran = await t.jobs.drain();
    expect(ran.failed).toEqual([]);
    expect(ran.completed).toBeGreaterThanOrEqual(1);
    for (const entry of await checked()) expect(entry.status_checked_at).toEqual(t.clock.now);
  });
});
