import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { QUEUES } from '../jobs/queues.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { createPathway, microRequirement, type TestProgramme } from './pathway-test-helpers.js';

/*
 * Issue 12's deadlock: two providers, each with a published pathway that needs the other's
 * programme (and its own). Learners in pairs finish the last module of opposite programmes at
 * the same moment. Completions used to award pathways inside their own transaction, locking
 * both providers' status lists in whatever order the data gave, and deadlocked. Now each
 * completion locks only its own provider's list, and the awards follow in jobs.
 */

const t = useTestApp();
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let programmeA: TestProgramme;
let programmeB: TestProgramme;
let pathwayA: string;
let pathwayB: string;

const PAIRS = 12;
const onlyModule = [{ title: 'The one module', content: 'Read this, then mark it done.', estimatedMinutes: 10 }];

type Enrolment = { id: string; moduleId: string };

async function enrol(learner: TestUser, p: TestProgramme): Promise<Enrolment> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${p.providerSlug}/${p.slug}/enrol`,
    headers: { cookie: learner.cookie },
    payload: {},
  });
  if (res.statusCode !== 201) throw new Error(`enrol failed: ${res.statusCode} ${res.body}`);
  const detail = res.json<{ id: string; modules: { id: string }[] }>();
  return { id: detail.id, moduleId: detail.modules[0]!.id };
}

function finish(learner: TestUser, enrolment: Enrolment) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/me/enrolments/${enrolment.id}/modules/${enrolment.moduleId}/complete`,
    headers: { cookie: learner.cookie },
    payload: {},
  });
}

type Participant = { learner: TestUser; last: Enrolment };

/**
 * A pair: one learner already holds A's programme and is about to finish B's, the other the
 * reverse. Everything before the last module is done here, one step at a time.
 */
async function preparePairs(count: number): Promise<Participant[]> {
  const participants: Participant[] = [];
  for (let i = 0; i < count; i += 1) {
    for (const [first, last] of [
      [programmeA, programmeB],
      [programmeB, programmeA],
    ] as const) {
      const learner = await signUpUser(t.app, { name: `Pat Pair ${i}` });
      const done = await enrol(learner, first);
      expect((await finish(learner, done)).statusCode).toBe(200);
      participants.push({ learner, last: await enrol(learner, last) });
    }
  }
  // Holding one programme satisfies neither pathway: nothing is awarded yet.
  expect((await t.jobs.drain()).failed).toEqual([]);
  return participants;
}

async function finishAllAtOnce(participants: Participant[]) {
  const responses = await Promise.all(participants.map((p) => finish(p.learner, p.last)));
  return responses.map((r) => r.statusCode);
}

/** Per learner: programme credentials in force, and the pathways awarded with both documents. */
async function holdings(learnerIds: string[]) {
  const credentials = await t.database.db
    .selectFrom('credentials as c')
    .innerJoin('enrolments as e', 'e.credential_row_id', 'c.id')
    .select(['c.recipient_user_id', 'e.microcredential_id'])
    .where('c.recipient_user_id', 'in', learnerIds)
    .where('c.revoked_at', 'is', null)
    .execute();
  const awards = await t.database.db
    .selectFrom('pathway_awards')
    .select(['learner_id', 'pathway_id', 'credential_row_id', 'clr_row_id', 'status'])
    .where('learner_id', 'in', learnerIds)
    .execute();
  return learnerIds.map((id) => ({
    programmes: credentials
      .filter((c) => c.recipient_user_id === id)
      .map((c) => c.microcredential_id)
      .sort(),
    pathways: awards
      .filter((a) => a.learner_id === id && a.credential_row_id && a.clr_row_id && a.status === 'active')
      .map((a) => a.pathway_id)
      .sort(),
  }));
}

function expectEveryoneAwarded(rows: Awaited<ReturnType<typeof holdings>>) {
  const expected = { programmes: [programmeA.id, programmeB.id].sort(), pathways: [pathwayA, pathwayB].sort() };
  expect(rows).toEqual(rows.map(() => expected));
}

async function failedEventJobs() {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pgboss.job where name = ${QUEUES.events.name} and state::text in ('retry', 'failed')`.execute(
    t.deps.db,
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  const ownerA = await signUpUser(t.app, { name: 'Ada Provider' });
  const ownerB = await signUpUser(t.app, { name: 'Bo Provider' });
  orgA = await createOrg(t.app, ownerA, { roles: ['provider'], name: 'Academy A' });
  orgB = await createOrg(t.app, ownerB, { roles: ['provider'], name: 'College B' });
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  const a = await createProgramme(
    t.app,
    ownerA,
    orgA.slug,
    { slug: unique('ma'), title: 'Programme of A', skillIds },
    { modules: onlyModule },
  );
  const b = await createProgramme(
    t.app,
    ownerB,
    orgB.slug,
    { slug: unique('mb'), title: 'Programme of B', skillIds },
    { modules: onlyModule },
  );
  programmeA = { id: a.id, slug: a.slug, providerSlug: orgA.slug };
  programmeB = { id: b.id, slug: b.slug, providerSlug: orgB.slug };
  const both = { type: 'all', children: [microRequirement(programmeA), microRequirement(programmeB)] };
  pathwayA = await createPathway(t.app, ownerA, orgA.slug, { name: 'Pathway of A', tree: both });
  pathwayB = await createPathway(t.app, ownerB, orgB.slug, { name: 'Pathway of B', tree: both });
  expect((await t.jobs.drain()).failed).toEqual([]);
});

describe('cross-provider pathways, completions at the same moment', () => {
  it(
    `answers all ${2 * PAIRS} completions, and the jobs then award every learner both pathways`,
    { timeout: 600_000 },
    async () => {
      const participants = await preparePairs(PAIRS);
      expect(await finishAllAtOnce(participants)).toEqual(participants.map(() => 200));
      const ids = participants.map((p) => p.learner.id);
      // The completions committed their own credentials only.
      expect((await holdings(ids)).every((h) => h.pathways.length === 0)).toBe(true);

      const ran = await t.jobs.drain();
      expect(ran.failed).toEqual([]);
      expectEveryoneAwarded(await holdings(ids));
    },
  );

  it(`does the same with the queue's own workers running in the background`, { timeout: 600_000 }, async () => {
    const participants = await preparePairs(PAIRS);
    await t.jobs.start({ workers: true, schedules: false });
    expect(await finishAllAtOnce(participants)).toEqual(participants.map(() => 200));
    const ids = participants.map((p) => p.learner.id);

    // Polls the database until every award is there. The deadline only stops a broken run from
    // hanging; it is far above what the work takes and asserts nothing about speed.
    const deadline = Date.now() + 300_000;
    let rows = await holdings(ids);
    while (rows.some((h) => h.pathways.length < 2) && Date.now() < deadline) {
      await sleep(200);
      rows = await holdings(ids);
    }
    expectEveryoneAwarded(rows);
    // Nothing had to be retried by the queue: deadlocks no longer happen (and would be retried
    // inside the transaction if they did).
    expect(await failedEventJobs()).toBe(0);
  });
});
