/**
 * Bulk issuance: one CSV of N rows, uploaded through the real route, issued by the real job in
 * a worker process; end-to-end wall time and credentials per second, with the issue-11 target
 * (100,000 in < 60 s on PostgreSQL) as the reference. Then: no row issued twice, and a sample
 * of the credentials verified by the W3C reference verifier (@digitalbazaar/vc), status included.
 *
 *   node --import tsx bench/bulk-issuance.bench.ts --rows 100000 --engine pg|pglite [--kill]
 *
 * `--kill` SIGKILLs the worker once about 40 % of the rows are issued, starts a fresh one (as a
 * restarted server: it resumes unfinished jobs) and checks that every row is issued exactly once.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), in a
 * throwaway database. PGlite: a temporary data directory, opened by one process at a time.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as rdfcSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Bitstring, createDocumentLoader } from '../credentials/src/index.js';
import { buildApp } from '../server/src/app.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import type { Deps } from '../server/src/deps.js';
import { JobQueue } from '../server/src/jobs/job-queue.js';
import { handleBulkIssuanceJob } from '../server/src/issuance/bulk/bulk-job-handler.js';
import { resumeIssuanceJobs } from '../server/src/issuance/bulk/bulk-jobs.service.js';
import { buildOrganizationDidDocument } from '../server/src/keys/signing-keys.service.js';
import { ensureStarterFramework } from '../server/src/skills/skills.service.js';

const TARGET_SECONDS = 60;
const TARGET_ROWS = 100_000;
const SAMPLE = 20;
const publicUrl = new URL('http://bench.cairn.test');
const silent = { info() {}, warn() {}, error: (o: object, m?: string) => console.error(m, o) };

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

function depsOf(database: Database, masterKey: Buffer, jobs: JobQueue): Deps {
  return {
    db: database.db,
    clock: () => new Date(),
    publicUrl,
    masterKey,
    jobs,
    ...(database.pglite ? { pglite: database.pglite } : {}),
  };
}

/** The worker: a server's job runner with only the bulk queue, until the job ends (prints progress). */
async function worker(options: OpenDatabaseOptions, masterKey: Buffer, jobId: string) {
  const database = await openDatabase(options);
  const jobs = new JobQueue({
    db: database.db,
    ...(database.pglite ? { pglite: database.pglite } : {}),
    log: silent,
    background: false,
  });
  const deps = depsOf(database, masterKey, jobs);
  jobs.handle('bulkIssuance', (job) => handleBulkIssuanceJob(deps, job));
  await jobs.install();
  await resumeIssuanceJobs(deps);
  const progress = setInterval(() => {
    void deps.db
      .selectFrom('issuance_jobs')
      .select(['issued', 'failed', 'total'])
      .where('id', '=', jobId)
      .executeTakeFirst()
      .then((j) => j && process.stdout.write(`progress ${j.issued + j.failed} ${j.total}\n`));
  }, 500);
  try {
    for (;;) {
      await jobs.drain();
      const job = await deps.db
        .selectFrom('issuance_jobs')
        .select('status')
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow();
      if (job.status !== 'queued' && job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    clearInterval(progress);
    await jobs.stop();
    await database.close();
  }
}

/** CPU seconds (user + system, every thread) a process has used so far, from /proc (Linux); undefined once it is gone. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * The CPU the job costs, sampled while it runs: the worker processes' and the PostgreSQL
 * backends' serving the bench database (the machine is shared, so wall time alone says little).
 */
class CpuMeter {
  readonly #last = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly pgDatabase: string | undefined,
    readonly pgUrl: string | undefined,
  ) {}

  sample(kind: 'worker' | 'pg', pid: number) {
    const s = cpuSecondsOf(pid);
    if (s !== undefined) this.#last.set(`${kind}:${pid}`, s);
  }

  start() {
    if (!this.pgDatabase || !this.pgUrl) return;
    const client = new pg.Client({ connectionString: this.pgUrl });
    const connected = client.connect();
    this.#timer = setInterval(() => {
      void connected
        .then(() =>
          client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [this.pgDatabase]),
        )
        .then(({ rows }) => rows.forEach((r) => this.sample('pg', r.pid)))
        .catch(() => undefined);
    }, 200);
    this.stop = async () => {
      clearInterval(this.#timer);
      await connected.then(() => client.end()).catch(() => undefined);
    };
  }

  stop: () => Promise<void> = async () => {};

  seconds(kind: 'worker' | 'pg'): number {
    let total = 0;
    for (const [k, v] of this.#last) if (k.startsWith(`${kind}:`)) total += v;
    return total;
  }
}

function runWorker(
  options: OpenDatabaseOptions,
  masterKey: Buffer,
  jobId: string,
  meter: CpuMeter,
  killAt?: number,
): Promise<'done' | 'killed'> {
  const child = spawn(
    process.execPath,
    [
      // e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the worker.
      ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--worker',
      JSON.stringify(options),
      masterKey.toString('hex'),
      jobId,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const pid = child.pid!;
  const sampling = setInterval(() => meter.sample('worker', pid), 100);
  return new Promise((resolve, reject) => {
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      meter.sample('worker', pid);
      const last = chunk.toString().trim().split('\n').at(-1)?.split(' ');
      if (killAt !== undefined && !killed && last?.[0] === 'progress' && Number(last[1]) >= killAt) {
        killed = true;
        meter.sample('worker', pid);
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code) => {
      clearInterval(sampling);
      return killed
        ? resolve('killed')
        : code === 0
          ? resolve('done')
          : reject(new Error(`worker exited with ${code}`));
    });
  });
}

async function setUp(options: OpenDatabaseOptions, masterKey: Buffer, rows: number) {
  const database = await openDatabase(options);
  await migrateToLatest(database.db);
  await ensureStarterFramework(database.db);
  const jobs = new JobQueue({
    db: database.db,
    ...(database.pglite ? { pglite: database.pglite } : {}),
    log: silent,
    background: false,
  });
  await jobs.install();
  const app = await buildApp({ deps: depsOf(database, masterKey, jobs), authRateLimit: 1_000_000 });
  const call = async (
    method: 'GET' | 'POST',
    url: string,
    cookie: string | undefined,
    payload: unknown,
    status: number,
  ) => {
    const res = await app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const signup = await call(
    'POST',
    '/api/v1/auth/signup',
    undefined,
    {
      email: `owner-${randomBytes(3).toString('hex')}@bench.example`,
      password: 'bench-passphrase-long',
      name: 'Owner',
    },
    201,
  );
  const cookie = ([] as string[])
    .concat(signup.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('cairn_session='))!
    .split(';')[0]!;
  const slug = `bulk-${randomBytes(3).toString('hex')}`;
  await call('POST', '/api/v1/orgs', cookie, { name: 'Bulk Bench Academy', slug, roles: ['provider'] }, 201);
  const skills = (await call('GET', '/api/v1/skills?q=data&limit=1', undefined, undefined, 200))
    .json<{ items: { id: string }[] }>()
    .items.map((s) => s.id);
  const created = (
    await call(
      'POST',
      `/api/v1/orgs/${slug}/microcredentials`,
      cookie,
      {
        slug: 'cohort',
        title: 'Data Basics',
        summary: 'Bench programme.',
        description: 'Bench.',
        outcomes: ['Read a chart'],
        skillIds: skills,
        level: 4,
        effortHours: 10,
        durationWeeks: 2,
        cpdHours: 10,
        format: 'self_paced',
        language: 'en',
        criteriaNarrative: 'Pass the quiz.',
        passMark: 60,
        cost: null,
      },
      201,
    )
  ).json<{ id: string; current: { id: string } }>();
  const base = `/api/v1/orgs/${slug}/microcredentials/${created.id}/versions/${created.current.id}`;
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
  await call(
    'POST',
    `${base}/modules`,
    cookie,
    { title: 'Basics', content: 'Read.', estimatedMinutes: 5, activity: quiz },
    201,
  );
  await call('POST', `${base}/publish`, cookie, {}, 200);
  const lines = ['email,name,external_id,score,issued_on'];
  for (let i = 0; i < rows; i++)
    lines.push(`learner-${i}@bench.example,Learner ${i},b-${i},${60 + (i % 41)},2026-11-30`);
  const csv = `${lines.join('\n')}\n`;
  const boundary = 'cairnbench';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="microcredentialId"\r\n\r\n${created.id}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cohort.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/issuance-jobs`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' },
    payload,
  });
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body.slice(0, 500)}`);
  const uploadMs = performance.now() - started;
  await app.close();
  await jobs.stop();
  await database.close();
  return { jobId: res.json<{ id: string }>().id, uploadMs, csvBytes: csv.length };
}

/** Every row once, and a sample verified by the reference verifier with its status checked against the stored list. */
async function check(options: OpenDatabaseOptions, jobId: string, rows: number) {
  const database = await openDatabase(options);
  const db = database.db;
  const job = await db.selectFrom('issuance_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  const { rows: dup } = await sql<{
    n: number;
  }>`select count(*)::int as n from (select idempotency_key from credentials where org_id = ${job.org_id} group by idempotency_key having count(*) > 1) d`.execute(
    db,
  );
  const { rows: cnt } = await sql<{
    n: number;
  }>`select count(*)::int as n from credentials where org_id = ${job.org_id}`.execute(db);
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'did'])
    .where('id', '=', job.org_id)
    .executeTakeFirstOrThrow();
  const didDocument = await buildOrganizationDidDocument(db, org);
  const documentLoader = createDocumentLoader({
    resolveDid: async (did) => (did === org.did ? didDocument : undefined),
  });
  const sample = await db
    .selectFrom('credentials')
    .select(['document', 'status_list_number', 'status_index'])
    .where('org_id', '=', job.org_id)
    .orderBy(sql`random()`)
    .limit(SAMPLE)
    .execute();
  let verified = 0;
  for (const row of sample) {
    const list = await db
      .selectFrom('status_lists')
      .select('revocation')
      .where('org_id', '=', job.org_id)
      .where('list_number', '=', row.status_list_number!)
      .executeTakeFirstOrThrow();
    const checkStatus = async () => ({ verified: !new Bitstring({ bytes: list.revocation }).get(row.status_index!) });
    const result = await vc.verifyCredential({
      credential: JSON.parse(row.document),
      suite: [new DataIntegrityProof({ cryptosuite: rdfcSuite })],
      documentLoader,
      checkStatus,
    });
    if (result.verified) verified += 1;
    else console.error(JSON.stringify(result, null, 1).slice(0, 2000));
  }
  await database.close();
  return {
    job,
    duplicates: dup[0]!.n,
    credentials: cnt[0]!.n,
    missing: rows - cnt[0]!.n,
    verified,
    sampled: sample.length,
  };
}

export async function runBulkIssuanceBench(options: { rows: number; engine: 'pg' | 'pglite'; kill: boolean }) {
  const masterKey = randomBytes(32);
  let cleanup: () => Promise<void>;
  let db: OpenDatabaseOptions;
  let meter = new CpuMeter(undefined, undefined);
  if (options.engine === 'pg') {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `cairn_bulk_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    db = { engine: 'postgres', url: u.toString() };
    meter = new CpuMeter(name, url);
    cleanup = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'cairn-bulk-'));
    db = { engine: 'pglite', dataDir: dir };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  try {
    const { jobId, uploadMs, csvBytes } = await setUp(db, masterKey, options.rows);
    const loadBefore = loadavg()[0]!;
    meter.start();
    const started = performance.now();
    try {
      if (options.kill) {
        if ((await runWorker(db, masterKey, jobId, meter, Math.floor(options.rows * 0.4))) !== 'killed')
          throw new Error('the worker finished before it could be killed: use more rows');
      }
      await runWorker(db, masterKey, jobId, meter);
    } finally {
      await meter.stop();
    }
    const issueMs = performance.now() - started;
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    const perThousand = (seconds: number) => ((seconds * 1000) / options.rows).toFixed(2);
    const result = await check(db, jobId, options.rows);
    const totalS = (uploadMs + issueMs) / 1000;
    const label = options.engine === 'pg' ? 'PostgreSQL' : 'PGlite';
    const scaled = (totalS * TARGET_ROWS) / options.rows;
    console.log(
      `| engine | rows | CSV | upload + checks | issuing | end to end | credentials/s | vs target (${TARGET_ROWS.toLocaleString('en')} in ${TARGET_SECONDS} s) | duplicates | reference-verified | worker CPU s per 1,000 rows | PostgreSQL CPU s per 1,000 rows | load average (1 min) |`,
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| ${label}${options.kill ? ' (kill -9 at 40 %, restart)' : ''} | ${options.rows} | ${(csvBytes / 1e6).toFixed(1)} MB | ${(uploadMs / 1000).toFixed(1)} s | ${(issueMs / 1000).toFixed(1)} s | ${totalS.toFixed(1)} s | ${Math.round(options.rows / totalS)} | ${(TARGET_SECONDS / scaled).toFixed(2)}× (${scaled.toFixed(0)} s per ${TARGET_ROWS.toLocaleString('en')}) | ${result.duplicates} | ${result.verified}/${result.sampled} | ${perThousand(meter.seconds('worker'))} | ${options.engine === 'pg' ? perThousand(meter.seconds('pg')) : 'in the worker'} | ${load} |`,
    );
    if (
      result.job.status !== 'succeeded' ||
      result.job.issued !== options.rows ||
      result.missing !== 0 ||
      result.duplicates !== 0 ||
      result.verified !== result.sampled
    ) {
      throw new Error(
        `bulk issuance check failed: status ${result.job.status}, issued ${result.job.issued}/${options.rows}, ${result.credentials} credentials, ${result.duplicates} duplicate keys, ${result.verified}/${result.sampled} verified`,
      );
    }
  } finally {
    await cleanup();
  }
}

if (process.argv.includes('--worker')) {
  const at = process.argv.indexOf('--worker');
  await worker(
    JSON.parse(process.argv[at + 1]!) as OpenDatabaseOptions,
    Buffer.from(process.argv[at + 2]!, 'hex'),
    process.argv[at + 3]!,
  );
  process.exit(0);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await runBulkIssuanceBench({
    rows: Number(arg('rows', '100000')),
    engine: arg('engine', 'pglite') === 'pg' ? 'pg' : 'pglite',
    kill: process.argv.includes('--kill'),
  });
}
