/**
 * Pathway re-evaluation (also part of `npm run bench`).
 *
 *   node --import tsx bench/pathways.bench.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/pathways.bench.ts
 *
 * 1. One learner on 50 pathways gets a new credential. (a) `reevaluateLearnerPathways` alone,
 *    inside a transaction that inserts the credential (not timed) and is rolled back, so all
 *    rounds start alike: it locks the learner, reads what they hold, finds every pathway it
 *    touches, evaluates and writes the progress that changed. (b) As it now happens: the
 *    credential and its `credential.issued` event (with the consumer's job) commit (not
 *    timed); then timed from the event to committed progress: the event read and the
 *    `pathways.credential-changed` consumer in its own transaction, commit included; and the
 *    whole job (fetched from the queue, run, marked complete). The round is then undone (not
 *    timed). p50/p95/p99 against the target p95 < 5 ms. PGlite, and PostgreSQL with
 *    BENCH_DATABASE_URL.
 * 2. Full re-evaluation of BENCH_LEARNERS (100,000) learners × 20 pathways with
 *    `reevaluateAllLearners`, on PostgreSQL only (BENCH_DATABASE_URL; a throwaway database it
 *    creates and drops), against the target < 60 s.
 * Data come from a fixed seed, so runs are comparable.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../server/src/db/database.js';
import type { Db } from '../server/src/db/transaction.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import type { Deps } from '../server/src/deps.js';
import { findEvent } from '../server/src/events/events.store.js';
import { recordEvent, type EventJobData } from '../server/src/events/record-event.js';
import { JobQueue } from '../server/src/jobs/job-queue.js';
import { QUEUES } from '../server/src/jobs/queues.js';
import { reevaluateAllLearners } from '../server/src/pathways/reevaluate-all-learners.js';
import { reevaluateLearnerPathways } from '../server/src/pathways/pathway-awards.service.js';
import { onCredentialChanged } from '../server/src/pathways/pathway-consumers.js';
import type { RequirementNode } from '../server/src/pathways/requirement-tree.js';
import { upsertPathwayLearners } from '../server/src/pathways/stores/pathway-progress.store.js';
import {
  insertPathway,
  insertVersion,
  latestPublishedVersions,
  publishVersion,
} from '../server/src/pathways/stores/pathway.store.js';
import { benchDeps, withScratchPostgres } from './bench-support.js';
import { seeded } from './bench-catalogue.js';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100_000);
const PATHWAYS_FULL = 20;
const PATHWAYS_ONE = 50;
const PROGRAMMES = 60;
const CREDENTIALS_PER_LEARNER = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const SEED = 20261129;

/** Met or not, and the ratio to the target: what the issue asks for is the reference here. */
function verdict(value: number, target: number) {
  return `${value < target ? 'met' : 'NOT met'}, ${(value / target).toFixed(2)}× the target`;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type World = { orgId: string; microIds: string[]; versionIds: string[]; jobs: JobQueue };

const quietLog = { info() {}, warn() {}, error: (obj: object, msg?: string) => console.error(msg, obj) };

/** One provider with PROGRAMMES published micro-credentials, through plain SQL for speed; the job queue installed. */
async function buildWorld(database: Database): Promise<World> {
  const db = database.db;
  await migrateToLatest(db);
  const jobs = new JobQueue({
    db,
    ...(database.pglite ? { pglite: database.pglite } : {}),
    log: quietLog,
    background: false,
  });
  await jobs.install();
  const org = await db
    .insertInto('organizations')
    .values({
      slug: 'bench-provider',
      name: 'Bench Provider',
      roles: ['provider'],
      did: 'did:web:bench.example:orgs:bench-provider',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let n = 1; n <= Math.ceil((LEARNERS * CREDENTIALS_PER_LEARNER + 100) / 131_072) + 1; n += 1) {
    await sql`insert into status_lists (org_id, list_number, size, allocated, revocation, suspension) values (${org.id}, ${n}::int, 131072, ''::bytea, ''::bytea, ''::bytea)`.execute(
      db,
    );
  }
  const microIds: string[] = [];
  const versionIds: string[] = [];
  for (let i = 0; i < PROGRAMMES; i += 1) {
    const m = await db
      .insertInto('microcredentials')
      .values({ org_id: org.id, slug: `programme-${i}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const v = await sql<{
      id: string;
    }>`insert into microcredential_versions (org_id, microcredential_id, version_number, status, title, cpd_hours, achievement, published_at)
      values (${org.id}, ${m.id}, 1, 'published', ${`Programme ${i}`}, 5, '{}'::jsonb, now()) returning id`.execute(db);
    microIds.push(m.id);
    versionIds.push(v.rows[0]!.id);
  }
  return { orgId: org.id, microIds, versionIds, jobs };
}

/** A pathway of 3 required programmes and 2 of 4 electives (7 programmes, 9 nodes). */
async function addPathways(database: Database, world: World, count: number, prefix: string) {
  const rand = seeded(SEED + count);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const pick = () => world.microIds[rand.int(world.microIds.length)]!;
    const leaf = (n: number): RequirementNode => ({
      id: `p${n}`,
      type: 'achievement',
      ref: { kind: 'microcredential', microcredentialId: pick() },
    });
    const tree: RequirementNode = {
      id: 'root',
      type: 'all',
      children: [
        leaf(1),
        leaf(2),
        leaf(3),
        { id: 'pick', type: 'atLeast', n: 2, children: [leaf(4), leaf(5), leaf(6), leaf(7)] },
      ],
    };
    const p = (await insertPathway(database.db, { orgId: world.orgId, slug: `${prefix}-${i}`, createdBy: null }))!;
    const v = await insertVersion(database.db, {
      orgId: world.orgId,
      pathwayId: p.id,
      versionNumber: 1,
      createdBy: null,
      name: `Pathway ${i}`,
      description: '',
      achievementType: 'Certificate',
      criteriaNarrative: '',
      imageUrl: null,
      tree,
      recommendedOrder: [],
    });
    await publishVersion(database.db, v.id, {
      achievement: { id: `https://bench.example/pathway-achievements/${v.id}` },
      publishedBy: null,
      now: new Date(),
    });
    ids.push(p.id);
  }
  return ids;
}

/** `count` learners from `first`, each with CREDENTIALS_PER_LEARNER completed enrolments and their credentials. */
async function addLearners(database: Database, world: World, first: number, count: number) {
  await sql`insert into users (email, name, password_hash)
    select 'learner' || g || '@bench.example', 'Learner ' || g, 'x' from generate_series(${first}::int, ${first + count - 1}::int) g`.execute(
    database.db,
  );
  const micro = sql.val(world.microIds);
  const versions = sql.val(world.versionIds);
  // Credential k of learner g is for programme (g * 7 + k * 13) mod PROGRAMMES: deterministic spread.
  await sql`with l as (
      select u.id as learner_id, (substring(u.email from 'learner(\\d+)@'))::int as g from users u where u.email like '%@bench.example'
        and (substring(u.email from 'learner(\\d+)@'))::int between ${first}::int and ${first + count - 1}::int
    ), k as (select generate_series(0, ${CREDENTIALS_PER_LEARNER - 1}::int) as k),
    rows as (
      select gen_random_uuid() as cid, l.learner_id, ((l.g * 7 + k.k * 13) % ${PROGRAMMES}::int) + 1 as p, (l.g * ${CREDENTIALS_PER_LEARNER}::int + k.k) as n from l cross join k
    ), creds as (
      insert into credentials (id, org_id, credential_id, format, document, types, achievement_name, recipient_user_id, status_list_number, status_index)
      select cid, ${world.orgId}, 'https://bench.example/credentials/' || cid, 'ldp', '{}', array['VerifiableCredential','OpenBadgeCredential'], 'Programme', learner_id, (n / 131072) + 1, n % 131072 from rows
      returning id
    )
    insert into enrolments (org_id, microcredential_id, version_id, learner_id, status, completed_at, credential_row_id)
    select ${world.orgId}, (${micro}::uuid[])[p], (${versions}::uuid[])[p], learner_id, 'completed', now(), cid from rows`.execute(
    database.db,
  );
}

/** Rolls back the transaction it ends: the round's new credential is gone for the next round. */
class RollBack extends Error {}

function depsOf(database: Database, world: World): Deps {
  return benchDeps(database.db, world.jobs, 'https://bench.example');
}

/**
 * What issuing on completion writes (not timed): a credential row (an empty document) and the
 * completed enrolment that points at it. `name` makes the credential id unique.
 */
async function insertCompletion(
  trx: Db,
  world: World,
  learner: string,
  programme: { id: string; versionId: string },
  name: string,
  statusIndex: number,
): Promise<{ id: string }> {
  const credential = await trx
    .insertInto('credentials')
    .values({
      org_id: world.orgId,
      credential_id: `https://bench.example/credentials/${name}`,
      format: 'ldp',
      document: '{}',
      types: ['VerifiableCredential', 'OpenBadgeCredential'],
      achievement_name: 'Programme',
      recipient_user_id: learner,
      status_list_number: 1,
      status_index: statusIndex,
      status_purposes: ['revocation'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('enrolments')
    .values({
      org_id: world.orgId,
      microcredential_id: programme.id,
      version_id: programme.versionId,
      learner_id: learner,
      status: 'completed',
      completed_at: new Date(),
      credential_row_id: credential.id,
    })
    .execute();
  return credential;
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

async function benchOneLearner(label: string, database: Database, world: World) {
  const deps = depsOf(database, world);
  const pathwayIds = await addPathways(database, world, PATHWAYS_ONE, `one-${label}`);
  await addLearners(database, world, 1, 1);
  const learner = (
    await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'learner1@bench.example')
      .executeTakeFirstOrThrow()
  ).id;
  // On all 50: joined, so each is re-evaluated whatever the new credential touches.
  const versions = await latestPublishedVersions(database.db, pathwayIds);
  await upsertPathwayLearners(
    database.db,
    versions.map((v) => ({
      learnerId: learner,
      pathwayId: v.pathway_id,
      orgId: v.org_id,
      versionId: v.id,
      isJoined: true,
      joinedAt: new Date(),
      done: 0,
      required: 0,
      isSatisfied: false,
      now: new Date(),
    })),
  );
  await reevaluateLearnerPathways(deps, learner);
  const held = new Set(
    (
      await database.db
        .selectFrom('enrolments')
        .select('microcredential_id')
        .where('learner_id', '=', learner)
        .execute()
    ).map((r) => r.microcredential_id),
  );
  const fresh = world.microIds.map((id, i) => ({ id, versionId: world.versionIds[i]! })).filter((m) => !held.has(m.id));
  const times: number[] = [];
  let written = 0;
  for (let i = 0; i < 20 + ROUNDS; i += 1) {
    // As on completion: inside the transaction that issues a new credential (not timed), the
    // learner's pathways are re-evaluated (timed); rolled back so every round starts alike.
    const programme = fresh[i % fresh.length]!;
    await database.db
      .transaction()
      .execute(async (trx) => {
        await insertCompletion(trx, world, learner, programme, `new-${i}`, 100_000 + i);
        const before = await trx
          .selectFrom('pathway_learners')
          .select(['pathway_id', 'done'])
          .where('learner_id', '=', learner)
          .execute();
        const start = performance.now();
        await reevaluateLearnerPathways({ ...deps, db: trx }, learner);
        const elapsed = performance.now() - start;
        if (i >= 20) {
          times.push(elapsed);
          const after = new Map(
            (
              await trx
                .selectFrom('pathway_learners')
                .select(['pathway_id', 'done'])
                .where('learner_id', '=', learner)
                .execute()
            ).map((r) => [r.pathway_id, r.done]),
          );
          written += before.filter((r) => after.get(r.pathway_id) !== r.done).length;
        }
        throw new RollBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RollBack)) throw err;
      });
  }
  if (written === 0)
    throw new Error('no round changed any progress: the bench is not measuring a credential that counts');
  const alone = summary(times);
  console.log(
    `${label.padEnd(10)} (a) one learner × ${PATHWAYS_ONE} pathways, a new credential, re-evaluation alone: p50 ${alone.p50.toFixed(2)} ms, p95 ${alone.p95.toFixed(2)} ms, p99 ${alone.p99.toFixed(2)} ms ` +
      `(${ROUNDS} rounds, ${(written / ROUNDS).toFixed(1)} pathways' progress changed per round; target p95 < 5 ms: ${verdict(alone.p95, 5)})`,
  );
  await benchEventToProgress(label, database, world, { learner, fresh });
}

/**
 * (b) From a committed `credential.issued` event to the learner's progress committed by its
 * consumer, as the job runs it: each round commits a new credential and its event (not
 * timed), runs the job (timed), checks that progress changed, then undoes the round (not timed).
 */
async function benchEventToProgress(
  label: string,
  database: Database,
  world: World,
  options: { learner: string; fresh: { id: string; versionId: string }[] },
) {
  const deps = depsOf(database, world);
  const { learner, fresh } = options;
  const queue = QUEUES.events.name;
  const consumerTimes: number[] = [];
  const jobTimes: number[] = [];
  let changed = 0;
  for (let i = 0; i < 20 + ROUNDS; i += 1) {
    const programme = fresh[i % fresh.length]!;
    const before = new Map(
      (
        await database.db
          .selectFrom('pathway_learners')
          .select(['pathway_id', 'done'])
          .where('learner_id', '=', learner)
          .execute()
      ).map((r) => [r.pathway_id, r.done]),
    );
    const credentialId = await database.db.transaction().execute(async (trx) => {
      const credential = await insertCompletion(trx, world, learner, programme, `event-${i}`, 110_000 + i);
      await recordEvent(deps, trx, {
        type: 'credential.issued',
        orgId: world.orgId,
        actor: { kind: 'system', reason: 'bench' },
        data: {
          credentialId: credential.id,
          recipientUserId: learner,
          achievementId: null,
          microcredentialId: programme.id,
          pathwayId: null,
          kind: 'completion',
        },
      });
      return credential.id;
    });

    const jobStart = performance.now();
    const [job] = await world.jobs.boss.fetch<EventJobData>(queue, { batchSize: 1 });
    if (!job) throw new Error('the credential.issued event queued no job');
    const consumerStart = performance.now();
    const event = await findEvent(deps.db, 'eventId' in job.data ? job.data.eventId : job.data.eventIds[0]!);
    await onCredentialChanged(deps, event!);
    const consumerEnd = performance.now();
    await world.jobs.boss.complete(queue, job.id);
    const jobEnd = performance.now();

    const after = await database.db
      .selectFrom('pathway_learners')
      .select(['pathway_id', 'done'])
      .where('learner_id', '=', learner)
      .execute();
    const changedNow = after.filter((r) => before.get(r.pathway_id) !== r.done).length;
    if (i >= 20) {
      consumerTimes.push(consumerEnd - consumerStart);
      jobTimes.push(jobEnd - jobStart);
      changed += changedNow;
    }
    // Undo the round (not timed): the credential goes, and progress is evaluated back.
    await database.db.deleteFrom('enrolments').where('credential_row_id', '=', credentialId).execute();
    await database.db
      .deleteFrom('domain_events')
      .where(sql<boolean>`data->>'credentialId' = ${credentialId}`)
      .execute();
    await database.db.deleteFrom('credentials').where('id', '=', credentialId).execute();
    await reevaluateLearnerPathways(deps, learner);
  }
  if (changed === 0)
    throw new Error('no event changed any progress: the bench is not measuring a credential that counts');
  const consumer = summary(consumerTimes);
  const whole = summary(jobTimes);
  console.log(
    `${label.padEnd(10)} (b) event → committed progress (event read + consumer, its own transaction): p50 ${consumer.p50.toFixed(2)} ms, p95 ${consumer.p95.toFixed(2)} ms, p99 ${consumer.p99.toFixed(2)} ms ` +
      `(${ROUNDS} rounds, ${(changed / ROUNDS).toFixed(1)} pathways' progress changed per round; target p95 < 5 ms: ${verdict(consumer.p95, 5)})`,
  );
  console.log(
    `${label.padEnd(10)}     the whole job (fetched from the queue, run, marked complete): p50 ${whole.p50.toFixed(2)} ms, p95 ${whole.p95.toFixed(2)} ms, p99 ${whole.p99.toFixed(2)} ms`,
  );
}

async function benchFull(database: Database, world: World) {
  const deps = depsOf(database, world);
  // Only the 20 pathways of this part: drop the 50 of the first.
  await database.db.deleteFrom('pathway_learners').execute();
  await database.db.deleteFrom('pathways').execute();
  await addPathways(database, world, PATHWAYS_FULL, 'full');
  const loadStart = performance.now();
  for (let first = 2; first <= LEARNERS; first += 20_000)
    await addLearners(database, world, first, Math.min(20_000, LEARNERS - first + 1));
  await sql`analyze`.execute(database.db);
  console.log(
    `postgres   loaded ${LEARNERS.toLocaleString('en')} learners, ${(LEARNERS * CREDENTIALS_PER_LEARNER).toLocaleString('en')} credentials in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
  );
  const start = performance.now();
  const first = await reevaluateAllLearners(deps);
  const firstSeconds = (performance.now() - start) / 1000;
  const again = performance.now();
  const second = await reevaluateAllLearners(deps);
  const secondSeconds = (performance.now() - again) / 1000;
  console.log(
    `postgres   full re-evaluation, ${first.learners.toLocaleString('en')} learners × ${PATHWAYS_FULL} pathways = ${first.evaluations.toLocaleString('en')} evaluations: ${firstSeconds.toFixed(1)} s, ${first.updated.toLocaleString('en')} progress rows written, ${first.satisfiedWithoutAward.length.toLocaleString('en')} satisfied awaiting award (target < 60 s: ${verdict(firstSeconds, 60)})`,
  );
  console.log(`postgres   again with nothing changed: ${secondSeconds.toFixed(1)} s, ${second.updated} rows written`);
}

async function withPostgres(url: string, work: (database: Database) => Promise<void>) {
  await withScratchPostgres(
    url,
    async (target) => {
      // The drop (with force) ends connections the pool is still closing; that is expected here.
      const database = await openDatabase({
        engine: 'postgres',
        url: target.toString(),
        poolSize: 4,
        onIdleError: () => {},
      });
      try {
        await work(database);
      } finally {
        await database.close();
      }
    },
    { prefix: 'cairn_bench_pathways' },
  );
}

const pglite = await openDatabase({ engine: 'pglite' });
try {
  const world = await buildWorld(pglite);
  await benchOneLearner('pglite', pglite, world);
  await world.jobs.stop();
} finally {
  await pglite.close();
}
const url = process.env.BENCH_DATABASE_URL;
if (url) {
  await withPostgres(url, async (database) => {
    const world = await buildWorld(database);
    await benchOneLearner('postgres', database, world);
    await benchFull(database, world);
    await world.jobs.stop();
  });
} else {
  console.log(
    'Set BENCH_DATABASE_URL=postgres://… for the PostgreSQL figures and the 100,000-learner full re-evaluation.',
  );
}
