import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../jobs/queues.js';
import { sampleCredential } from '../testing/fixtures.js';
import {
  createApiKey,
  createOrg,
  signUpUser,
  unique,
  useTestApp,
  verificationTokenFor,
  type TestUser,
} from '../testing/test-app.js';

const t = useTestApp();
let owner: TestUser;
let org: { slug: string; did: string; id: string };
let apiKey: { id: string; token: string };

function eventsOf(credentialId: string) {
  return t.database.db
    .selectFrom('domain_events')
    .select(['id', 'type', 'org_id', 'actor_kind', 'actor_user_id', 'actor_api_key_id', 'data'])
    .where(sql<boolean>`data->>'credentialId' = ${credentialId}`)
    .orderBy('occurred_at')
    .execute();
}

/** The row id of a credential issued through the API, from its `id` URL. */
async function rowIdOf(response: { json<T>(): T }) {
  const vcId = response.json<{ verifiableCredential: { id: string } }>().verifiableCredential.id;
  return (
    await t.database.db
      .selectFrom('credentials')
      .select('id')
      .where('credential_id', '=', vcId)
      .executeTakeFirstOrThrow()
  ).id;
}

async function jobsOfEvent(eventId: string) {
  const { rows } = await sql<{
    consumer: string;
  }>`select data->>'consumer' as consumer from pgboss.job where name = ${QUEUES.events.name} and data->>'eventId' = ${eventId}`.execute(
    t.deps.db,
  );
  return rows.map((r) => r.consumer);
}

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Ines Issuer' });
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Event Issuers' });
  apiKey = await createApiKey(t.app, owner, org.slug, 'admin');
});

describe('credential events', () => {
  it('records credential.issued for a VC-API issue, with the API key as actor, once per credential (not for an idempotent replay)', async () => {
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/credentials/issue',
        headers: { authorization: `Bearer ${apiKey.token}`, 'idempotency-key': 'events-1' },
        payload: { credential: sampleCredential() },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const row = { id: await rowIdOf(first) };
    expect((await send()).statusCode).toBeLessThan(300);
    const events = await eventsOf(row.id);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'credential.issued',
        org_id: org.id,
        actor_kind: 'apiKey',
        actor_api_key_id: apiKey.id,
        data: {
          credentialId: row.id,
          recipientUserId: null,
          achievementId: 'https://cairn.test/achievements/data-literacy',
          microcredentialId: null,
          pathwayId: null,
          kind: 'vc-api',
        },
      }),
    ]);
    // Issued wakes the pathways and the CPD record consumers.
    expect((await jobsOfEvent(events[0]!.id)).sort()).toEqual(['cpd.credential-issued', 'pathways.credential-changed']);
  });

  it('records revoked, suspended and reinstated with the member who did it; repeating a change records nothing', async () => {
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/credentials`,
      headers: { cookie: owner.cookie },
      payload: {
        credential: { credentialSubject: sampleCredential().credentialSubject },
        options: { statusPurposes: ['revocation', 'suspension'] },
      },
    });
    expect(issued.statusCode).toBe(201);
    const rowId = await rowIdOf(issued);
    const change = (action: string, payload: object = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/credentials/${rowId}/${action}`,
        headers: { cookie: owner.cookie },
        payload,
      });
    expect((await change('suspend', { reason: 'Checking' })).statusCode).toBe(200);
    expect((await change('suspend', { reason: 'Checking' })).statusCode).toBe(200);
    expect((await change('unsuspend')).statusCode).toBe(200);
    expect((await change('revoke', { reason: 'Issued in error' })).statusCode).toBe(200);
    expect((await change('revoke', { reason: 'Issued in error' })).statusCode).toBe(200);

    const events = await eventsOf(rowId);
    expect(events.map((e) => [e.type, e.actor_kind, e.actor_user_id])).toEqual([
      ['credential.issued', 'user', owner.id],
      ['credential.suspended', 'user', owner.id],
      ['credential.reinstated', 'user', owner.id],
      ['credential.revoked', 'user', owner.id],
    ]);
    expect(events[1]!.data).toEqual({ credentialId: rowId, recipientUserId: null, reason: 'Checking' });
    expect(events[3]!.data).toEqual({ credentialId: rowId, recipientUserId: null, reason: 'Issued in error' });
    for (const event of events)
      expect((await jobsOfEvent(event.id)).sort()).toEqual(
        event.type === 'credential.issued'
          ? ['cpd.credential-issued', 'pathways.credential-changed']
          : ['pathways.credential-changed'],
      );
  });

  it('a credential waiting for an address joins the account that proves it, and a job lets it complete a pathway', async () => {
    const achievementId = `https://issuers.example/achievements/${unique('claim')}`;
    // Through the API (issuance does not import the pathways area, not even in tests).
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/pathways`,
      headers: { cookie: owner.cookie },
      payload: {
        slug: unique('claimed'),
        name: 'Claimed Path',
        tree: {
          type: 'all',
          children: [
            { type: 'achievement', ref: { kind: 'external', achievementId, issuerDids: [org.did], name: 'Claimable' } },
          ],
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const pathwayId = created.json<{ id: string }>().id;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/orgs/${org.slug}/pathways/${pathwayId}/publish`,
          headers: { cookie: owner.cookie },
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    const learner = await signUpUser(t.app, { name: 'Cam Claimer', isEmailVerified: false });
    const { id: _id, ...subject } = sampleCredential().credentialSubject;
    const issued = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/credentials`,
      headers: { cookie: owner.cookie },
      payload: {
        credential: { credentialSubject: { ...subject, achievement: { ...subject.achievement, id: achievementId } } },
        options: { recipientEmail: learner.email },
      },
    });
    expect(issued.statusCode).toBe(201);
    expect((await t.jobs.drain()).failed).toEqual([]);
    const awards = () =>
      t.database.db.selectFrom('pathway_awards').select('pathway_id').where('learner_id', '=', learner.id).execute();
    // Not the learner's until they prove the address.
    expect(await awards()).toEqual([]);

    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token: await verificationTokenFor(t.app, learner.email) },
    });
    expect(verified.statusCode).toBe(200);
    const { rows } = await sql<{
      data: { learnerId: string; credentialIds: string[] };
    }>`select data from pgboss.job where name = ${QUEUES.credentialsLinked.name} and data->>'learnerId' = ${learner.id}`.execute(
      t.deps.db,
    );
    expect(rows.map((r) => r.data)).toEqual([{ learnerId: learner.id, credentialIds: [await rowIdOf(issued)] }]);
    expect(await awards()).toEqual([]);
    expect((await t.jobs.drain()).failed).toEqual([]);
    expect(await awards()).toEqual([{ pathway_id: pathwayId }]);
  });
});
