import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';

/**
 * kill -9 during a burst of events loses no webhook delivery: a real server process on a fresh
 * PostgreSQL database, a real receiver, SIGKILL mid-burst, a restart, and a deadline (not a
 * speed assertion) for every credential.issued event in the database to reach the receiver.
 * Duplicates may only repeat a webhook-id (at-least-once).
 *
 * PostgreSQL only: the embedded PGlite runs inside the server process, so a second process
 * cannot read its database while the server runs, and this test needs to.
 */
const template = inject('testDatabase');
const isPostgres = template.engine === 'postgres';
const root = path.resolve(import.meta.dirname, '../../..');

// Recovery waits for pg-boss to expire jobs the killed process held (up to 5 minutes for an
// event consumer's job, plus its 2-minute maintenance interval), so the deadline is generous.
const DELIVERY_DEADLINE_MS = 9 * 60_000;

type Received = { webhookId: string; eventId: string; type: string; isVerified: boolean };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!isPostgres)('webhooks survive kill -9 (PostgreSQL; skipped without TEST_DATABASE_URL)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it(
    'delivers every credential.issued event after a kill -9 mid-burst; repeats only as the same webhook-id',
    { timeout: DELIVERY_DEADLINE_MS + 4 * 60_000 },
    async () => {
      if (template.engine !== 'postgres') return;
      // A fresh, empty database: the server migrates it as a new installation would.
      const dbName = `${template.prefix}_crash_${randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: template.url });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      cleanups.push(async () => {
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      });
      const dbUrl = new URL(template.url);
      dbUrl.pathname = `/${dbName}`;
      const dataDir = await mkdtemp(path.join(tmpdir(), 'cairn-crash-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

      // The receiver answers a little slowly, so attempts are in flight when the server dies.
      let secret = '';
      const received: Received[] = [];
      const receiver: Server = createHttpServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let isVerified = false;
          try {
            new Webhook(secret).verify(body, req.headers as Record<string, string>);
            isVerified = true;
          } catch {
            // recorded as unverified; the test fails on it
          }
          const parsed = JSON.parse(body) as { type: string; data: { eventId: string } };
          received.push({
            webhookId: String(req.headers['webhook-id']),
            eventId: parsed.data.eventId,
            type: parsed.type,
            isVerified,
          });
          setTimeout(() => res.writeHead(200).end('ok'), 30);
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      cleanups.push(async () => {
        receiver.closeAllConnections();
        await new Promise((resolve) => receiver.close(resolve));
      });
      const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cairn`;

      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const env = {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: dbUrl.toString(),
        CAIRN_PUBLIC_URL: baseUrl,
        CAIRN_MASTER_KEY: randomBytes(32).toString('base64'),
        CAIRN_SEED: 'false',
        CAIRN_WEBHOOKS_ALLOW_PRIVATE: 'true',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      };
      let output = '';
      const start = async (): Promise<ChildProcess> => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
          cwd: root,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
        cleanups.push(async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        });
        const deadline = Date.now() + 180_000;
        for (;;) {
          if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
          if (
            await fetch(`${baseUrl}/health`)
              .then((r) => r.ok)
              .catch(() => false)
          )
            return child;
          if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
          await sleep(250);
        }
      };

      let cookie = '';
      const api = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
        const res = await fetch(new URL(url, baseUrl), {
          method,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('cairn_session='));
        if (setCookie) cookie = setCookie.split(';')[0]!;
        return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
      };
      const expectStatus = async (status: number, ...args: Parameters<typeof api>) => {
        const res = await api(...args);
        if (res.status !== status)
          throw new Error(`${args[0]} ${args[1]}: expected ${status}, got ${res.status}: ${JSON.stringify(res.json)}`);
        return res.json;
      };

      let server = await start();
      await expectStatus(201, 'POST', '/api/v1/auth/signup', {
        email: 'crash@example.com',
        password: 'a-long-test-passphrase',
        name: 'Crash Test',
      });
      const org = await expectStatus(201, 'POST', '/api/v1/orgs', {
        name: 'Crash Academy',
        slug: 'crash-academy',
        roles: ['provider'],
      });
      const key = await expectStatus(201, 'POST', '/api/v1/orgs/crash-academy/api-keys', {
        name: 'burst',
        role: 'admin',
      });
      const hook = await expectStatus(201, 'POST', '/api/v1/orgs/crash-academy/webhooks', {
        url: receiverUrl,
        events: ['credential.issued'],
      });
      secret = hook.secret as string;

      // The burst: 50 credentials, five requests in flight; the server is killed after the 15th answer.
      const TOTAL = 50;
      let answered = 0;
      let sent = 0;
      const issueOne = () =>
        api(
          'POST',
          '/credentials/issue',
          { credential: sampleCredential() },
          { authorization: `Bearer ${key.token as string}` },
        );
      const killed = new Promise<void>((resolve) => {
        const lane = async () => {
          while (sent < TOTAL && server.exitCode === null && server.signalCode === null) {
            sent += 1;
            const res = await issueOne().catch(() => undefined);
            if (res?.status === 201) answered += 1;
            if (answered >= 15 && server.signalCode === null) {
              server.kill('SIGKILL');
              resolve();
            }
          }
        };
        void Promise.all([lane(), lane(), lane(), lane(), lane()]).then(() => resolve());
      });
      await killed;
      await new Promise((resolve) =>
        server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once('exit', resolve),
      );
      expect(server.signalCode).toBe('SIGKILL');

      // Back up, and the rest of the burst.
      server = await start();
      for (let i = answered; i < TOTAL; i += 1)
        await expectStatus(
          201,
          'POST',
          '/credentials/issue',
          { credential: sampleCredential() },
          { authorization: `Bearer ${key.token as string}` },
        );

      const client = new pg.Client({ connectionString: dbUrl.toString() });
      await client.connect();
      cleanups.push(() => client.end());
      const issuedEventIds = async () =>
        (
          await client.query<{ id: string }>(
            `select id from domain_events where org_id = $1 and type = 'credential.issued'`,
            [org.id],
          )
        ).rows.map((r) => r.id);
      const succeededCount = async () =>
        (
          await client.query<{ n: number }>(
            `select count(*)::int as n from webhook_deliveries where org_id = $1 and status = 'succeeded'`,
            [org.id],
          )
        ).rows[0]!.n;
      const deadline = Date.now() + DELIVERY_DEADLINE_MS;
      let missing: string[];
      let succeeded: number;
      for (;;) {
        const delivered = new Set(received.filter((r) => r.type === 'credential.issued').map((r) => r.eventId));
        const all = await issuedEventIds();
        missing = all.filter((id) => !delivered.has(id));
        succeeded = await succeededCount();
        if ((missing.length === 0 && succeeded === all.length) || Date.now() > deadline) break;
        await sleep(1000);
      }
      expect(missing, `events never delivered; server output:\n${output.slice(-4000)}`).toEqual([]);

      const events = await issuedEventIds();
      expect(events.length).toBeGreaterThanOrEqual(TOTAL);
      expect(received.every((r) => r.isVerified)).toBe(true);
      // Exactly one webhook-id per event, and one event per webhook-id: a repeat is the same delivery again.
      const idsByEvent = new Map<string, Set<string>>();
      const eventsById = new Map<string, Set<string>>();
      for (const r of received) {
        idsByEvent.set(r.eventId, (idsByEvent.get(r.eventId) ?? new Set()).add(r.webhookId));
        eventsById.set(r.webhookId, (eventsById.get(r.webhookId) ?? new Set()).add(r.eventId));
      }
      expect([...idsByEvent.values()].filter((ids) => ids.size !== 1)).toEqual([]);
      expect([...eventsById.values()].filter((ids) => ids.size !== 1)).toEqual([]);
      // Every delivery is recorded as succeeded once its receiver said so.
      expect(succeeded).toBe(events.length);
      console.info(
        `kill -9 test: ${events.length} events, ${received.length} requests received, ${received.length - idsByEvent.size} repeated a webhook-id`,
      );

      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
    },
  );
});
