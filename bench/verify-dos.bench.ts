/**
 * Does hostile verification traffic stall the server? (issue 9: a 1 MB verify once blocked the
 * event loop 9.5 s.)
 *
 *   node --import tsx bench/verify-dos.bench.ts
 *
 * Starts Cairn as a child process (PGlite in memory, real HTTP on 127.0.0.1, the verify pool
 * at its defaults) so the load generator here does not share its event loop. Samples `GET
 * /health` one request at a time, first on a quiet server, then while four clients loop over
 * hostile verifications: 10 MB bodies (refused by Content-Length, 413), 1 MB credentials with
 * 12,000 alignments (413, by Content-Length too), small ones with 12,000 empty alignments (422 after a cheap walk), a
 * CLR embedding 200 credentials (422), credentials within every limit but costly to check (1,000
 * alignments: they go to the verify workers, which check them or stop at their budget) and 9 MB baked PNG
 * uploads whose credential is read in a worker. Prints /health p50/p99 of both phases and their
 * ratio; the target is p99 < 100 ms under attack. BENCH_DOS_SAMPLES sets the samples per phase.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { benchDeps, percentile } from './bench-support.js';

const SAMPLES = Number(process.env.BENCH_DOS_SAMPLES ?? 1000);
const TARGET_P99_MS = 100;
const HOSTILE_CLIENTS = 4;

// ---- the server, in a child process --------------------------------------------------------

async function serve() {
  const { buildApp } = await import('../server/src/app.js');
  const { openDatabase } = await import('../server/src/db/database.js');
  const { migrateToLatest } = await import('../server/src/db/migrate.js');
  const database = await openDatabase({ engine: 'pglite' });
  const { installBenchJobQueue } = await import('./bench-job-queue.js');
  await migrateToLatest(database.db);
  const jobs = await installBenchJobQueue(database);
  const deps = benchDeps(database.db, jobs);
  const app = await buildApp({ deps, authRateLimit: 1_000_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  // The bench process went away (finished or crashed): so does its server.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message) => {
    if (message === 'stop')
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0));
  });
}

// ---- the load generator --------------------------------------------------------------------

type Response = { status: number; body: string };
type IssuedCredential = Record<string, unknown> & {
  credentialSubject: Record<string, unknown> & { achievement: Record<string, unknown> };
};

function send(
  port: number,
  agent: Agent,
  method: string,
  path: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function sampleHealth(port: number, agent: Agent): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    const res = await send(port, agent, 'GET', '/health');
    if (res.status !== 200) throw new Error(`/health answered ${res.status}: ${res.body}`);
    times.push(performance.now() - started);
    await sleep(10);
  }
  return times;
}

/** A 1×1 PNG with an iTXt chunk `openbadgecredential` holding `text` (uncompressed), as baking does. */
async function bakedPng(text: string): Promise<Buffer> {
  const { bakePng } = await import('@cairn/credentials');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.from(bakePng(png, JSON.parse(text) as Record<string, unknown>));
}

function multipart(content: Buffer, filename: string): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----cairn-bench-${randomBytes(4).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' } };
}

async function attack() {
  const child = fork(fileURLToPath(import.meta.url), ['serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const setup = new Agent({ keepAlive: true });
  const json = async <T>(
    method: string,
    path: string,
    payload: unknown,
    headers: Record<string, string> = {},
    status = 200,
  ): Promise<{ body: T }> => {
    const res = await send(port, setup, method, path, Buffer.from(JSON.stringify(payload)), {
      'content-type': 'application/json',
      ...headers,
    });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${res.body}`);
    return { body: JSON.parse(res.body) as T };
  };

  // A real credential of a real organisation, to pad.
  const email = `owner-${randomBytes(4).toString('hex')}@bench.example`;
  const signup = await new Promise<string>((resolve, reject) => {
    const body = Buffer.from(JSON.stringify({ email, password: 'bench-passphrase-long', name: 'Bench Owner' }));
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/auth/signup',
        agent: setup,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      },
      (res) => {
        res.resume();
        const cookie = ([] as string[])
          .concat(res.headers['set-cookie'] ?? [])
          .find((c) => c.startsWith('cairn_session='));
        if (res.statusCode !== 201 || !cookie) reject(new Error(`signup: ${res.statusCode}`));
        else resolve(cookie.split(';')[0]!);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  await json('POST', '/api/v1/orgs', { name: 'Bench Academy', slug, roles: ['provider'] }, { cookie: signup }, 201);
  const { body: key } = await json<{ token: string }>(
    'POST',
    `/api/v1/orgs/${slug}/api-keys`,
    { name: 'bench', role: 'admin' },
    { cookie: signup },
    201,
  );
  const { body: issued } = await json<{ verifiableCredential: IssuedCredential }>(
    'POST',
    '/credentials/issue',
    {
      credential: {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
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
      },
      options: {},
    },
    { authorization: `Bearer ${key.token}` },
    201,
  );
  const vc = issued.verifiableCredential;
  const fullAlignment = (i: number) => ({
    type: ['Alignment'],
    targetName: `Skill ${i}`,
    targetUrl: `https://skills.example/${i}`,
    targetType: 'ceasn:Competency',
  });
  const withAlignments = (alignment: unknown[]) => ({
    ...vc,
    credentialSubject: { ...vc.credentialSubject, achievement: { ...vc.credentialSubject.achievement, alignment } },
  });
  const verifyBody = (credential: unknown) => Buffer.from(JSON.stringify({ verifiableCredential: credential }));

  // Serialised once: the generator must not spend its own time (or the server's) building them.
  const oneMegabyte = withAlignments(Array.from({ length: 12_000 }, (_, i) => fullAlignment(i)));
  const png = await bakedPng(JSON.stringify({ ...oneMegabyte, description: 'y'.repeat(8 * 1024 * 1024) }));
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const hostile: { name: string; path: string; body: Buffer; headers: Record<string, string> }[] = [
    {
      name: '10 MB body',
      path: '/credentials/verify',
      body: verifyBody({ ...vc, description: 'x'.repeat(10 * 1024 * 1024) }),
      headers: {},
    },
    {
      name: `${mb(verifyBody(oneMegabyte).length)}, 12,000 alignments`,
      path: '/credentials/verify',
      body: verifyBody(oneMegabyte),
      headers: {},
    },
    {
      name: '12,000 empty alignments',
      path: '/credentials/verify',
      body: verifyBody(withAlignments(Array.from({ length: 12_000 }, () => ({})))),
      headers: {},
    },
    {
      name: 'CLR embedding 200',
      path: '/credentials/verify',
      body: verifyBody({
        ...vc,
        type: ['VerifiableCredential', 'ClrCredential'],
        credentialSubject: {
          type: ['ClrSubject'],
          verifiableCredential: Array.from({ length: 200 }, (_, i) => ({ id: `urn:uuid:${i}` })),
        },
      }),
      headers: {},
    },
    {
      name: '1,000 alignments (worker)',
      path: '/credentials/verify',
      body: verifyBody(withAlignments(Array.from({ length: 1_000 }, (_, i) => fullAlignment(i)))),
      headers: {},
    },
    { name: `${mb(png.length)} baked PNG (worker)`, path: '/api/v1/verify/upload', ...multipart(png, 'badge.png') },
  ];
  for (const h of hostile) h.headers = { 'content-type': 'application/json', ...h.headers };

  const healthAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  await sampleHealth(port, healthAgent); // warm-up
  const quiet = await sampleHealth(port, healthAgent);

  const outcomes = new Map<string, Map<number | string, number>>();
  let isAttacking = true;
  const attackers = Array.from({ length: HOSTILE_CLIENTS }, async (_, client) => {
    const agent = new Agent({ keepAlive: false });
    for (let i = client; isAttacking; i += 1) {
      const h = hostile[i % hostile.length]!;
      let outcome: number | string;
      try {
        outcome = (await send(port, agent, 'POST', h.path, h.body, h.headers)).status;
      } catch (error) {
        // The server may answer 413 and close before a large body is sent whole.
        outcome = (error as { code?: string }).code ?? 'error';
      }
      const counts = outcomes.get(h.name) ?? new Map<number | string, number>();
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      outcomes.set(h.name, counts);
    }
  });
  await sleep(500);
  const underAttack = await sampleHealth(port, healthAgent);
  isAttacking = false;
  await Promise.all(attackers);

  const row = (label: string, t: number[]) =>
    `  ${label.padEnd(26)} p50 ${percentile(t, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(t, 99).toFixed(1).padStart(7)} ms   max ${Math.max(
      ...t,
    )
      .toFixed(1)
      .padStart(7)} ms`;
  console.log(`GET /health, ${SAMPLES} requests one at a time per phase; ${HOSTILE_CLIENTS} hostile clients in a loop`);
  console.log(row('quiet', quiet));
  console.log(row('under hostile verifies', underAttack));
  const p99 = percentile(underAttack, 99);
  console.log(
    `  ratio under attack / quiet: p50 ${(percentile(underAttack, 50) / percentile(quiet, 50)).toFixed(2)}×, p99 ${(p99 / percentile(quiet, 99)).toFixed(2)}×`,
  );
  console.log(
    `  target p99 < ${TARGET_P99_MS} ms under attack: ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'} (${p99.toFixed(1)} ms)`,
  );
  console.log('  hostile answers:');
  for (const h of hostile) {
    const counts = [...(outcomes.get(h.name) ?? new Map<number | string, number>()).entries()]
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ');
    console.log(`    ${h.name.padEnd(28)} ${(h.body.length / 1024).toFixed(0).padStart(6)} KB  ${counts}`);
  }

  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
}

if (process.argv[2] === 'serve') await serve();
else await attack();
