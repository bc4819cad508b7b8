import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startRoundRobinProxy } from './round-robin-proxy.js';

const root = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type RunningServer = { url: string; dataDir: string; output: () => string; stop(): Promise<void> };

/**
 * Starts Cairn for one test file. By default as in a cluster: two server processes on a fresh
 * PostgreSQL database (127.0.0.1:5432, or E2E_POSTGRES_URL), behind a round-robin proxy whose
 * URL the tests and the servers' CAIRN_PUBLIC_URL use, so consecutive requests alternate
 * between servers; both share one data directory, where the mail outbox files land.
 * `E2E_SINGLE_SERVER=1`: one server on embedded PGlite instead (simpler to debug).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(path.join(root, 'web/dist/index.html')))
    throw new Error('web/dist is missing: run `npm run build` first');
  if (!existsSync(path.join(root, 'server/dist/main.js')))
    throw new Error('server/dist is missing: run `npm run build` first');
  return process.env.E2E_SINGLE_SERVER === '1' ? startSingleServer(env) : startServerPair(env);
}

type ServerProcess = { port: number; stop(): Promise<void> };

/** Spawns the built server as `npm start` runs it (never through npm, so the pid is the server's). */
function spawnServer(
  port: number,
  env: Record<string, string>,
  onOutput: (text: string) => void,
): ServerProcess & { child: ChildProcess } {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=cairn-compiled', 'server/dist/main.js'], {
    cwd: root,
    // Webhooks may reach the flows' local test receiver (127.0.0.1).
    env: { ...process.env, CAIRN_WEBHOOKS_ALLOW_PRIVATE: 'true', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => onOutput(d.toString()));
  child.stderr?.on('data', (d: Buffer) => onOutput(d.toString()));
  return {
    port,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

async function waitHealthy(server: { port: number; child: ChildProcess }, deadline: number, output: () => string) {
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`server on port ${server.port} exited early (${server.child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on port ${server.port} did not become healthy:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function startSingleServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cairn-e2e-'));
  const url = `http://localhost:${port}`;
  let output = '';
  const server = spawnServer(
    port,
    { DATA_DIR: dataDir, CAIRN_PUBLIC_URL: url, CAIRN_SEED: 'false', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    (text) => (output += text),
  );
  try {
    await waitHealthy(server, Date.now() + 90_000, () => output);
  } catch (err) {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startServerPair(env: Record<string, string>): Promise<RunningServer> {
  const adminUrl = process.env.E2E_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `cairn_e2e_${randomBytes(4).toString('hex')}`;
  await runAdminSql(adminUrl, `create database ${database}`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cairn-e2e-'));
  const ports = [await freePort()];
  while (ports.length < 2) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const proxy = await startRoundRobinProxy(ports);
  const url = `http://localhost:${proxy.port}`;
  // Each line marked with its server, so a failure's output tail shows both, interleaved as it happened.
  let output = '';
  const recorder = (label: string) => (text: string) => (output += text.replace(/^(?=.)/gm, `[${label}] `));
  const shared = {
    DATA_DIR: dataDir,
    DATABASE_URL: withDatabase(adminUrl, database),
    CAIRN_PUBLIC_URL: url,
    // One key for both: either server must open the signing keys the other sealed.
    CAIRN_MASTER_KEY: randomBytes(32).toString('base64'),
    CAIRN_SEED: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  };
  // Started together, as a cluster restarts: the startup lock decides who prepares the database.
  const servers = ports.map((port, i) => spawnServer(port, shared, recorder(`server ${i + 1}`)));
  const stop = async () => {
    await proxy.close();
    await Promise.all(servers.map((s) => s.stop()));
    await runAdminSql(adminUrl, `drop database if exists ${database} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    await Promise.all(servers.map((s) => waitHealthy(s, deadline, () => output)));
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, dataDir, output: () => output, stop };
}

async function runAdminSql(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL at ${adminUrl} does not answer (${(err as Error).message}): start it, or set E2E_SINGLE_SERVER=1 to run on embedded PGlite`,
      { cause: err },
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Debian's Chromium, headless, with nothing that would reach for the network. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 860 } });
  // A wait for a condition, not a speed check: generous, so a busy machine (two servers and a browser
  // on two cores) does not fail a flow that is merely slow.
  context.setDefaultTimeout(30_000);
  return context;
}

export const artifactsDir = path.join(root, 'e2e/artifacts');

export type E2eSession = { server: RunningServer; browser: Browser };

/**
 * A fresh server and browser for one test file (beforeAll/afterAll); read the fields inside
 * tests, after setup has run.
 */
export function useServerAndBrowser(env: Record<string, string> = {}): E2eSession {
  const session = {} as E2eSession;
  beforeAll(async () => {
    session.server = await startServer(env);
    session.browser = await launchBrowser();
    await mkdir(artifactsDir, { recursive: true });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
