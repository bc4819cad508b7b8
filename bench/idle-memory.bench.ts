/**
 * Idle memory of the built server with the demo world: RSS of the server process (its worker
 * threads share it) after it reports healthy and then idles, on embedded PGlite and on PostgreSQL,
 * as a ratio to the 300 MB target for the embedded mode.
 *
 *   node --import tsx bench/idle-memory.bench.ts
 *
 * BENCH_IDLE_S sets the idle wait (default 30); BENCH_DATABASE_URL the PostgreSQL server
 * (default postgres://postgres@127.0.0.1:5432/postgres; skipped when it cannot be reached).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const TARGET_MB = 300;
const idleSeconds = Number(process.env.BENCH_IDLE_S ?? 30);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Measure = { engine: string; rssMb: number; peakMb: number; threads: number; startSeconds: number };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** VmRSS counts every thread of the process (they share one address space); VmHWM is its peak. */
function memoryOf(pid: number): { rssMb: number; peakMb: number; threads: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024, threads: kb('Threads') };
}

async function measure(engine: string, env: Record<string, string>): Promise<Measure> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cairn-idle-'));
  let output = '';
  const started = Date.now();
  const child = spawn(process.execPath, ['--conditions=cairn-compiled', 'server/dist/main.js'], {
    cwd: root,
    // MALLOC_ARENA_MAX as `npm start` and the documented systemd unit set it.
    env: {
      ...process.env,
      MALLOC_ARENA_MAX: '1',
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CAIRN_SEED: 'true',
      CAIRN_DEMO_PASSWORD: 'idle-memory-bench',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() - started > 300_000) throw new Error(`server not healthy after 300 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const startSeconds = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    return { engine, ...memoryOf(child.pid!), startSeconds };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<Measure | string> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  try {
    await admin.connect();
  } catch (err) {
    return `PostgreSQL skipped (${postgresUrl} unreachable: ${(err as Error).message})`;
  }
  const name = `cairn_idle_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    return await measure('PostgreSQL', {
      DATABASE_URL: url.toString(),
      CAIRN_MASTER_KEY: randomBytes(32).toString('base64'),
    });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

// The bench measures what `npm start` runs: the compiled server, built first when stale.
const build = spawnSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('server build failed');

const rows = [await measure('PGlite (embedded)', {}), await onPostgres()];
console.log(
  `Idle memory: the built server with the demo world, RSS ${idleSeconds} s after healthy (target ${TARGET_MB} MB for embedded PGlite)`,
);
console.log('engine              RSS MB   peak MB  threads  start s  RSS / target');
for (const row of rows) {
  if (typeof row === 'string') {
    console.log(row);
    continue;
  }
  console.log(
    `${row.engine.padEnd(18)}  ${row.rssMb.toFixed(0).padStart(6)}  ${row.peakMb.toFixed(0).padStart(8)}  ${String(row.threads).padStart(7)}  ${row.startSeconds.toFixed(1).padStart(7)}  ${(row.rssMb / TARGET_MB).toFixed(2).padStart(12)}`,
  );
}
