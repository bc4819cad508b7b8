import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, sampleAssignment, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { transaction, type Db } from '../db/transaction.js';
import type { Actor } from '../deps.js';
import { QUEUES } from '../jobs/queues.js';
import { addMember, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { completeModule } from './use-cases/complete-module.js';

const t = useTestApp();
let owner: TestUser;
let assessor: TestUser;
let provider: { id: string; slug: string };
let readingOnly: { id: string; slug: string };
let assessed: { id: string; slug: string };

type Detail = { id: string; modules: { id: string }[] };

async function enrol(learner: TestUser, slug: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${provider.slug}/${slug}/enrol`,
    headers: { cookie: learner.cookie },
    payload: {},
  });
  expect(res.statusCode).toBe(201);
  return res.json<Detail>();
}

/** The events about an enrolment or a credential, oldest first. */
async function eventsWhere(key: string, value: string) {
  return t.database.db
    .selectFrom('domain_events')
    .select([
      'id',
      'type',
      'org_id',
      'actor_kind',
      'actor_user_id',
      'actor_session_id',
      'actor_api_key_id',
      'actor_reason',
      'data',
    ])
    .where(sql<boolean>`data->>${key} = ${value}`)
    .orderBy('occurred_at')
    .orderBy('type')
    .execute();
}

/** Events, event jobs and credentials as `db` (the app's database, or a transaction) sees them. */
async function counts(db: Db = t.deps.db) {
  const { rows } = await sql<{ events: number; jobs: number; credentials: number }>`select
    (select count(*)::int from domain_events) as events,
    (select count(*)::int from pgboss.job where name = ${QUEUES.events.name}) as jobs,
    (select count(*)::int from credentials) as credentials`.execute(db);
  return rows[0]!;
}

async function sessionActor(user: TestUser): Promise<Actor> {
  const session = await t.database.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { kind: 'user', userId: user.id, sessionId: session.id };
}

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Olu Owner' });
  assessor = await signUpUser(t.app, { name: 'Asa Assessor' });
  provider = await createOrg(t.app, owner, { roles: ['provider'], name: 'Event Academy' });
  await addMember(t.app, owner, provider.slug, assessor, 'assessor');
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  readingOnly = await createProgramme(
    t.app,
    owner,
    provider.slug,
    { slug: unique('read'), title: 'Reading Programme', skillIds },
    { modules: [{ title: 'Read', content: 'Read this.', estimatedMinutes: 5 }] },
  );
  assessed = await createProgramme(
    t.app,
    owner,
    provider.slug,
    { slug: unique('brief'), title: 'Assessed Programme', skillIds },
    { modules: [{ title: 'Brief', content: 'Write it.', estimatedMinutes: 30, activity: sampleAssignment }] },
  );
});

describe('events of learning, written in the transaction that causes them', () => {
  it('a completion that rolls back leaves no event, no job and no credential; one that commits leaves all, with the learner as actor', async () => {
    const learner = await signUpUser(t.app, { name: 'Lee Learner' });
    const detail = await enrol(learner, readingOnly.slug);
    const actor = await sessionActor(learner);
    const [created] = await eventsWhere('enrolmentId', detail.id);
    expect(created).toMatchObject({
      type: 'enrolment.created',
      org_id: provider.id,
      actor_kind: 'user',
      actor_user_id: learner.id,
      actor_session_id: (actor as { sessionId: string }).sessionId,
      data: { learnerId: learner.id, microcredentialId: readingOnly.id },
    });

    const before = await counts();
    await expect(
      transaction(t.deps.db, async (trx) => {
        await completeModule({ ...t.deps, db: trx }, actor, detail.id, detail.modules[0]!.id);
        // Inside, the completion wrote its credential, its two events and the consumers' jobs (pathways, CPD)...
        expect(await counts(trx)).toEqual({
          events: before.events + 2,
          jobs: before.jobs + 2,
          credentials: before.credentials + 1,
        });
        throw new Error('the request failed after completing');
      }),
    ).rejects.toThrow('the request failed after completing');
    // ...and the rollback took all of them away together.
    expect(await counts()).toEqual(before);
    expect((await eventsWhere('enrolmentId', detail.id)).map((e) => e.type)).toEqual(['enrolment.created']);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${detail.modules[0]!.id}/complete`,
      headers: { cookie: learner.cookie },
      payload: {},
    });
    expect(done.statusCode).toBe(200);
    const credentialId = done.json<{ credentialId: string }>().credentialId;
    const completed = (await eventsWhere('enrolmentId', detail.id)).find((e) => e.type === 'enrolment.completed');
    expect(completed).toMatchObject({
      org_id: provider.id,
      actor_kind: 'user',
      actor_user_id: learner.id,
      data: { learnerId: learner.id, microcredentialId: readingOnly.id, credentialId },
    });
    const [issued] = await eventsWhere('credentialId', credentialId);
    expect(issued).toMatchObject({
      type: 'credential.issued',
      org_id: provider.id,
      actor_kind: 'user',
      actor_user_id: learner.id,
      data: {
        credentialId,
        recipientUserId: learner.id,
        microcredentialId: readingOnly.id,
        pathwayId: null,
        kind: 'completion',
        achievementId: expect.stringContaining('/achievements/'),
      },
    });
    // The consumers' jobs (pathways, CPD record) were written with the event (and commit with it).
    const { rows: jobs } = await sql<{
      data: { consumer: string; eventId: string };
    }>`select data from pgboss.job where name = ${QUEUES.events.name} and data->>'eventId' = ${issued!.id}`.execute(
      t.deps.db,
    );
    expect(jobs.map((j) => j.data.consumer).sort()).toEqual(['cpd.credential-issued', 'pathways.credential-changed']);
    const after = await counts();
    expect(after.credentials).toBe(before.credentials + 1);
  });

  it('an approved last assignment records the review and the completion with the assessor as actor', async () => {
    const learner = await signUpUser(t.app, { name: 'Ria Reviewed' });
    const detail = await enrol(learner, assessed.slug);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${detail.modules[0]!.id}/submissions`,
      headers: { cookie: learner.cookie },
      payload: { text: 'My brief.' },
    });
    expect(submitted.statusCode).toBe(201);
    const submissionId = submitted.json<{ id: string }>().id;
    const review = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${provider.slug}/submissions/${submissionId}`,
        headers: { cookie: assessor.cookie },
      })
    ).json<{ rubric: { criteria: { id: string; levels: { id: string }[] }[] } }>();
    const top = Object.fromEntries(review.rubric.criteria.map((c) => [c.id, c.levels.at(-1)!.id]));
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${provider.slug}/submissions/${submissionId}/review`,
      headers: { cookie: assessor.cookie },
      payload: { scores: top, feedback: 'Good.', decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);

    const [reviewed] = await eventsWhere('submissionId', submissionId);
    expect(reviewed).toMatchObject({
      type: 'submission.reviewed',
      org_id: provider.id,
      actor_kind: 'user',
      actor_user_id: assessor.id,
      data: { enrolmentId: detail.id, learnerId: learner.id, decision: 'approve' },
    });
    const byEnrolment = await eventsWhere('enrolmentId', detail.id);
    expect(byEnrolment.find((e) => e.type === 'enrolment.completed')).toMatchObject({
      actor_kind: 'user',
      actor_user_id: assessor.id,
    });
    const credentialId = (byEnrolment.find((e) => e.type === 'enrolment.completed')!.data as { credentialId: string })
      .credentialId;
    expect((await eventsWhere('credentialId', credentialId)).map((e) => [e.type, e.actor_user_id])).toEqual([
      ['credential.issued', assessor.id],
      ['enrolment.completed', assessor.id],
    ]);
  });
});
