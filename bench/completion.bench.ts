/**
 * What issuing the credential adds to the request that completes a programme.
 *
 *   node --import tsx bench/completion.bench.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/completion.bench.ts
 *
 * Two published programmes with the same quiz: A has one module (passing the quiz completes it
 * and issues the signed credential in the same transaction), B has a second, unfinished module
 * (passing the quiz only records the attempt). Each learner submits one passing attempt through
 * the real HTTP stack (Fastify inject, PGlite in memory or a throwaway PostgreSQL database). The
 * p95 difference between A and B is the cost of issuing on completion; the target is < 20 ms.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../server/src/app.js';
import { openDatabase, type Database } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { installBenchJobQueue } from './bench-job-queue.js';
import { ensureStarterFramework } from '../server/src/skills/skills.service.js';
import { benchDeps, percentile, withScratchPostgres } from './bench-support.js';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 80);
const TARGET_MS = 20;
const password = 'bench-passphrase-long';

type Inject = Awaited<ReturnType<typeof buildApp>>['inject'];
type Question = { id: string; options: { id: string }[] };
type Enrolment = {
  id: string;
  status: string;
  modules: { id: string; activity: { type: string; questions: Question[] } | null }[];
};

async function json<T = unknown>(
  inject: Inject,
  method: 'GET' | 'POST',
  url: string,
  cookie: string | undefined,
  payload?: unknown,
  status = 200,
): Promise<{ body: T; cookie?: string }> {
  const res = await inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  const setCookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('cairn_session='));
  return { body: res.json<T>(), ...(setCookie ? { cookie: setCookie.split(';')[0]! } : {}) };
}

async function signUp(inject: Inject, name: string) {
  const email = `${name}-${randomBytes(4).toString('hex')}@bench.example`;
  const { cookie } = await json(inject, 'POST', '/api/v1/auth/signup', undefined, { email, password, name }, 201);
  return cookie!;
}

async function run(database: Database, label: string) {
  await migrateToLatest(database.db);
  await ensureStarterFramework(database.db);
  // Installed but not run: completion only queues the jobs that follow it (pathway awards, mail),
  // which are not part of the request this bench times.
  const jobs = await installBenchJobQueue(database);
  // Counts the SQL statements each timed request sends: round trips, whatever the machine's load.
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => ((statements += 1), args.node),
    transformResult: (args) => Promise.resolve(args.result),
  };
  const deps = benchDeps(database.db.withPlugin(counter), jobs);
  const app = await buildApp({ deps, authRateLimit: 1_000_000 });
  const inject = app.inject.bind(app);
  const owner = await signUp(inject, 'owner');
  const org = `bench-${randomBytes(3).toString('hex')}`;
  await json(inject, 'POST', '/api/v1/orgs', owner, { name: 'Bench Academy', slug: org, roles: ['provider'] }, 201);
  const skills = (
    await json<{ items: { id: string }[] }>(inject, 'GET', '/api/v1/skills?q=data&limit=1', undefined)
  ).body.items.map((s) => s.id);
  const quiz = {
    type: 'quiz',
    passMark: 50,
    attemptsLimit: null,
    questions: [
      {
        kind: 'single',
        prompt: 'Two plus two?',
        options: [
          { text: 'Four', isCorrect: true },
          { text: 'Five', isCorrect: false },
        ],
      },
    ],
  };

  async function programme(slug: string, extraModule: boolean) {
    const created = (
      await json<{ id: string; current: { id: string } }>(
        inject,
        'POST',
        `/api/v1/orgs/${org}/microcredentials`,
        owner,
        {
          slug,
          title: `Bench ${slug}`,
          summary: 'Bench programme.',
          description: 'Bench.',
          outcomes: ['Add'],
          skillIds: skills,
          level: 3,
          effortHours: 1,
          durationWeeks: 1,
          cpdHours: 1,
          format: 'self_paced',
          language: 'en',
          criteriaNarrative: 'Pass the quiz.',
          passMark: 50,
          cost: null,
        },
        201,
      )
    ).body;
    const base = `/api/v1/orgs/${org}/microcredentials/${created.id}/versions/${created.current.id}`;
    await json(
      inject,
      'POST',
      `${base}/modules`,
      owner,
      { title: 'Quiz', content: 'Answer.', estimatedMinutes: 5, activity: quiz },
      201,
    );
    if (extraModule)
      await json(
        inject,
        'POST',
        `${base}/modules`,
        owner,
        { title: 'Reading', content: 'Read.', estimatedMinutes: 5 },
        201,
      );
    await json(inject, 'POST', `${base}/publish`, owner, {});
    return slug;
  }
  const completes = await programme('completes-on-quiz', false);
  const continues = await programme('continues-after-quiz', true);

  const statementsOf = new Map<string, number>();
  async function measure(slug: string) {
    const times: number[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const learner = await signUp(inject, 'learner');
      const enrolment = (
        await json<Enrolment>(inject, 'POST', `/api/v1/catalog/${org}/${slug}/enrol`, learner, {}, 201)
      ).body;
      const quizModule = enrolment.modules.find((m) => m.activity?.type === 'quiz')!;
      const q = quizModule.activity!.questions[0]!;
      statements = 0;
      const started = performance.now();
      const result = (
        await json<{ enrolment: Enrolment }>(
          inject,
          'POST',
          `/api/v1/me/enrolments/${enrolment.id}/modules/${quizModule.id}/quiz-attempts`,
          learner,
          { answers: { [q.id]: [q.options[0]!.id] } },
          201,
        )
      ).body;
      times.push(performance.now() - started);
      statementsOf.set(slug, statements);
      const isCompleted = result.enrolment.status === 'completed';
      if (isCompleted !== (slug === completes)) throw new Error(`${slug}: completion was ${isCompleted}`);
    }
    return times.slice(Math.min(5, Math.floor(LEARNERS / 10))); // the first few warm up code paths
  }
  // Interleave the two kinds so load from elsewhere on the machine hits both alike.
  const issuing: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round < 4; round++) {
    plain.push(...(await measure(continues)));
    issuing.push(...(await measure(completes)));
  }
  await app.close();
  await jobs.stop();
  const row = (name: string, t: number[]) =>
    `| ${label} | ${name} | ${t.length} | ${percentile(t, 50).toFixed(1)} | ${percentile(t, 95).toFixed(1)} |`;
  console.log(row('passing attempt, programme continues', plain));
  console.log(row('passing attempt completes and issues', issuing));
  const added = percentile(issuing, 95) - percentile(plain, 95);
  console.log(
    `| ${label} | SQL statements per request: continues ${statementsOf.get(continues)}, completes ${statementsOf.get(completes)} | | | |`,
  );
  console.log(
    `| ${label} | **added by issuing (p95)** | | | **${added.toFixed(1)} ms** (target < ${TARGET_MS} ms: ${added < TARGET_MS ? 'met' : 'NOT met'}) |`,
  );
}

console.log('| engine | request | n | p50 ms | p95 ms |');
console.log('| --- | --- | ---: | ---: | ---: |');
const pglite = await openDatabase({ engine: 'pglite' });
await run(pglite, 'PGlite');
await pglite.close();
const url = process.env.BENCH_DATABASE_URL;
if (url) {
  await withScratchPostgres(url, async (target) => {
    const database = await openDatabase({ engine: 'postgres', url: target.toString() });
    try {
      await run(database, 'PostgreSQL');
    } finally {
      await database.close();
    }
  });
}
