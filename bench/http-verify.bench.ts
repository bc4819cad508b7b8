/**
 * Verification and issuance over HTTP (issue 11): how many `POST /credentials/verify` a real
 * Cairn server answers per second on this machine, at what latency, and whether `/health` stays
 * fast meanwhile.
 *
 *   node --import tsx bench/http-verify.bench.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/http-verify.bench.ts
 *
 * Cairn runs in a child process (real HTTP on 127.0.0.1, production-like request logging at
 * `info` into /dev/null, the verify pool at its defaults) on PGlite in memory, and on PostgreSQL
 * in a throwaway database `cairn_bench_<pid>` (dropped after) when BENCH_DATABASE_URL is set.
 * autocannon drives it from this process, so client and server share the machine's cores, as in
 * the issue's figures. Per engine:
 *   1. `/health` alone: 8 connections flat out (throughput) and a paced sampler (latency);
 *   2. verify flat out, 8 connections, with the paced `/health` sampler running at the same time
 *      in a second autocannon instance;
 *   3. verify paced at the target rate (1,500/s), p99 at that rate;
 *   4. `POST /credentials/issue` flat out, 8 connections, ldp (eddsa-rdfc-2022) and jwt.
 * BENCH_HTTP_SECONDS sets the length of each run (default 10).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 8;
const TARGET_RATE = 1500;
const TARGET_P99_MS = 50;
const TARGET_HEALTH_P99_MS = 20;
// The paced /health sampler: one connection, this many requests a second.
const HEALTH_SAMPLER_RATE = 100;
// Issue 11's figures on this machine before the work (8 connections, PostgreSQL and PGlite).
const ISSUE = { verify: [54, 88], health: [1700, 5200], issuePg: [38, 48], issuePglite: [17, 36] } as const;

// ---- the server, in a child process --------------------------------------------------------

async function serve(engine: 'pglite' | 'postgres') {
  const { buildApp } = await import('../server/src/app.js');
  const { openDatabase } = await import('../server/src/db/database.js');
  const { migrateToLatest } = await import('../server/src/db/migrate.js');
  const { installBenchJobQueue } = await import('./bench-job-queue.js');
  let dropDatabase = async () => {};
  let database: Awaited<ReturnType<typeof openDatabase>>;
  if (engine === 'postgres') {
    const pg = (await import('pg')).default;
    const url = process.env.BENCH_DATABASE_URL!;
    const name = `cairn_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = await openDatabase({ engine: 'postgres', url: target.toString() });
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ engine: 'pglite' });
  }
  await migrateToLatest(database.db);
  const jobs = await installBenchJobQueue(database);
  const deps = {
    db: database.db,
    clock: () => new Date(),
    publicUrl: new URL('http://bench.cairn.test'),
    masterKey: randomBytes(32),
    jobs,
    ...(database.pglite ? { pglite: database.pglite } : {}),
  };
  // As in production: pino at info through its own synchronous destination (stdout there), each
  // request logged (here into /dev/null).
  const app = await buildApp({
    deps,
    authRateLimit: 1_000_000,
    logger: { level: 'info', file: '/dev/null' },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  const stop = async () => {
    await app.close();
    await database.close();
    await dropDatabase();
    process.exit(0);
  };
  // The bench process went away (finished or crashed): so does its server, and its database.
  process.on('disconnect', () => void stop());
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
}

// ---- the load generator --------------------------------------------------------------------

type Histogram = { average: number; mean: number; p50: number; p99: number; max: number; total: number };
type AutocannonResult = {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  '2xx': number;
};
type AutocannonOptions = {
  url: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  duration?: number;
  overallRate?: number;
  pipelining?: number;
  timeout?: number;
};
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

type Run = { rps: number; p50: number; p99: number; max: number; ok: number; failed: number; cpuPerOk?: number };

function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function runOf(result: AutocannonResult): Run {
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function load(options: AutocannonOptions): Promise<Run> {
  return runOf(await autocannon({ connections: CONNECTIONS, duration: SECONDS, timeout: 30, ...options }));
}

async function startServer(engine: 'pglite' | 'postgres') {
  const child = fork(fileURLToPath(import.meta.url), ['serve', engine], {
    // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
    execArgv: [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    /** CPU time (user + system, all threads) the server process has used so far, from /proc (Linux). */
    cpuMs: () => processCpuMs(child.pid!),
    stop: async () => {
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function call<T>(
  base: string,
  method: string,
  path: string,
  payload: unknown,
  headers: Record<string, string> = {},
  status = 200,
): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { body: JSON.parse(text) as T, headers: res.headers };
}

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Bench Badge',
  credentialSubject: {
    type: ['AchievementSubject'],
    id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    achievement: {
      id: 'https://bench.cairn.test/achievements/bench',
      type: ['Achievement'],
      name: 'Bench Badge',
      description: 'Bench.',
      criteria: { narrative: 'Bench.' },
      achievementType: 'MicroCredential',
    },
  },
};

/** An organisation with an API key, and one credential of each format it issued. */
async function prepare(base: string) {
  const email = `owner-${randomBytes(4).toString('hex')}@bench.example`;
  const signup = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-passphrase-long', name: 'Bench Owner' }),
  });
  const cookie = signup.headers.getSetCookie().find((c) => c.startsWith('cairn_session='));
  if (signup.status !== 201 || !cookie) throw new Error(`signup: ${signup.status}`);
  const session = { cookie: cookie.split(';')[0]! };
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  await call(base, 'POST', '/api/v1/orgs', { name: 'Bench Academy', slug, roles: ['provider'] }, session, 201);
  const { body: key } = await call<{ token: string }>(
    base,
    'POST',
    `/api/v1/orgs/${slug}/api-keys`,
    { name: 'bench', role: 'admin' },
    session,
    201,
  );
  const auth = { authorization: `Bearer ${key.token}` };
  const issue = async (format: 'ldp' | 'jwt') =>
    (
      await call<{ verifiableCredential: unknown }>(
        base,
        'POST',
        '/credentials/issue',
        { credential, options: { format } },
        auth,
        201,
      )
    ).body.verifiableCredential;
  const ldp = await issue('ldp');
  const jwt = await issue('jwt');
  // Both verify before anything is timed.
  for (const vc of [ldp, jwt]) {
    const { body } = await call<{ verified: boolean; errors: string[] }>(base, 'POST', '/credentials/verify', {
      verifiableCredential: vc,
    });
    if (!body.verified) throw new Error(`the bench credential does not verify: ${body.errors.join('; ')}`);
  }
  return { auth, ldp, jwt };
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-GB');
const f1 = (n: number) => n.toFixed(1);
const range = (r: readonly [number, number]) => `${f0(r[0])}-${f0(r[1])}`;
const ratio = (value: number, r: readonly [number, number]) => `${f1(value / r[1])}-${f1(value / r[0])}×`;

async function benchEngine(engine: 'pglite' | 'postgres') {
  const server = await startServer(engine);
  try {
    const { auth, ldp, jwt } = await prepare(server.base);
    const verifyBody = (vc: unknown) => JSON.stringify({ verifiableCredential: vc });
    const verify = (vc: unknown, extra: Partial<AutocannonOptions> = {}) =>
      load({
        url: `${server.base}/credentials/verify`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: verifyBody(vc),
        ...extra,
      });
    const healthSampler = () =>
      load({ url: `${server.base}/health`, connections: 1, overallRate: HEALTH_SAMPLER_RATE });
    // The server's CPU time per answered request: steadier than requests/s on a busy machine.
    const withCpu = async (run: Promise<Run>): Promise<Run> => {
      const before = server.cpuMs();
      const result = await run;
      return { ...result, cpuPerOk: (server.cpuMs() - before) / Math.max(1, result.ok) };
    };

    // Warm-up: the verify workers, prepared statements, the JIT.
    await load({
      url: `${server.base}/credentials/verify`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: verifyBody(ldp),
      duration: 2,
    });

    const healthFlat = await withCpu(load({ url: `${server.base}/health` }));
    const healthQuiet = await healthSampler();
    const [verifyFlat, healthUnderVerify] = await Promise.all([withCpu(verify(ldp)), healthSampler()]);
    const [verifyPaced, healthUnderPaced] = await Promise.all([
      verify(ldp, { connections: 64, overallRate: TARGET_RATE }),
      healthSampler(),
    ]);
    const verifyJwt = await withCpu(verify(jwt));
    const issueBody = (format: 'ldp' | 'jwt') => JSON.stringify({ credential, options: { format } });
    const issueRun = (format: 'ldp' | 'jwt') =>
      load({
        url: `${server.base}/credentials/issue`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: issueBody(format),
      });
    const issueLdp = await withCpu(issueRun('ldp'));
    const issueJwt = await withCpu(issueRun('jwt'));
    return {
      healthFlat,
      healthQuiet,
      verifyFlat,
      healthUnderVerify,
      verifyPaced,
      healthUnderPaced,
      verifyJwt,
      issueLdp,
      issueJwt,
    };
  } finally {
    await server.stop();
  }
}

function report(label: string, r: Awaited<ReturnType<typeof benchEngine>>, issueFigures: readonly [number, number]) {
  const row = (name: string, run: Run) =>
    `  ${name.padEnd(44)} ${f0(run.rps).padStart(7)}/s  p50 ${String(run.p50).padStart(4)} ms  p99 ${String(run.p99).padStart(5)} ms  max ${String(run.max).padStart(5)} ms${run.cpuPerOk !== undefined ? `  server CPU ${run.cpuPerOk.toFixed(2)} ms/req` : ''}${run.failed ? `  (${run.failed} not 2xx)` : ''}`;
  console.log(
    `${label}: autocannon, ${SECONDS} s per run, ${CONNECTIONS} connections unless said; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(row('GET /health alone, flat out', r.healthFlat));
  console.log(row(`GET /health alone, ${HEALTH_SAMPLER_RATE}/s on 1 connection`, r.healthQuiet));
  console.log(row('POST /credentials/verify (ldp), flat out', r.verifyFlat));
  console.log(row(`  meanwhile GET /health, ${HEALTH_SAMPLER_RATE}/s`, r.healthUnderVerify));
  console.log(row(`POST /credentials/verify (ldp), at ${f0(TARGET_RATE)}/s, 64 conn.`, r.verifyPaced));
  console.log(row(`  meanwhile GET /health, ${HEALTH_SAMPLER_RATE}/s`, r.healthUnderPaced));
  console.log(row('POST /credentials/verify (jwt), flat out', r.verifyJwt));
  console.log(row('POST /credentials/issue (ldp), flat out', r.issueLdp));
  console.log(row('POST /credentials/issue (jwt), flat out', r.issueJwt));
  console.log(
    `  verify / issue-11 figures (${range(ISSUE.verify)}/s): ${ratio(r.verifyFlat.rps, ISSUE.verify)}; verify / /health alone: ${(r.verifyFlat.rps / r.healthFlat.rps).toFixed(2)}×`,
  );
  console.log(
    `  /health p99 under verify / alone: ${(r.healthUnderVerify.p99 / Math.max(1, r.healthQuiet.p99)).toFixed(1)}×; /health alone / issue-11 figures (${range(ISSUE.health)}/s): ${ratio(r.healthFlat.rps, ISSUE.health)}`,
  );
  console.log(
    `  issue ldp / issue-11 figures (${range(issueFigures)}/s): ${ratio(r.issueLdp.rps, issueFigures)}; jwt / ldp: ${(r.issueJwt.rps / r.issueLdp.rps).toFixed(2)}×`,
  );
  const rateMet = r.verifyFlat.rps >= TARGET_RATE;
  const paced = r.verifyPaced;
  console.log(
    `  target ≥ ${f0(TARGET_RATE)} verifications/s: ${rateMet ? 'met' : 'NOT met'} (${f0(r.verifyFlat.rps)}/s flat out, ${f0(paced.rps)}/s paced); p99 < ${TARGET_P99_MS} ms at ${f0(TARGET_RATE)}/s: ${paced.p99 < TARGET_P99_MS && paced.rps >= TARGET_RATE * 0.98 ? 'met' : 'NOT met'} (${paced.p99} ms); /health p99 < ${TARGET_HEALTH_P99_MS} ms meanwhile: ${r.healthUnderPaced.ok > 0 && r.healthUnderPaced.failed === 0 && r.healthUnderPaced.p99 < TARGET_HEALTH_P99_MS ? 'met' : 'NOT met'} (${r.healthUnderPaced.p99} ms)`,
  );
}

async function main() {
  if (process.env.BENCH_DATABASE_URL) report('PostgreSQL', await benchEngine('postgres'), ISSUE.issuePg);
  else console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to include it)');
  report('PGlite (in memory)', await benchEngine('pglite'), ISSUE.issuePglite);
}

if (process.argv[2] === 'serve') await serve(process.argv[3] === 'postgres' ? 'postgres' : 'pglite');
else await main();
