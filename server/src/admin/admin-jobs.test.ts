import { beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import { QUEUES } from '../jobs/queues.js';
import { signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

const operatorEmail = `${unique('operator')}@example.com`;
const t = useTestApp({ operatorEmails: [operatorEmail] });
const probe = QUEUES.maintenanceProbe.name;

let operator: TestUser;
const runs: { data: unknown }[] = [];
let isFailing = true;

type Overview = {
  queues: {
    name: string;
    description: string;
    counts: Record<string, number>;
    deadLetters: number;
    schedule: string | null;
  }[];
  recentFailures: {
    queue: string;
    id: string;
    deadLetterQueue: string;
    error: string | null;
    failedAt: string;
    retryCount: number;
  }[];
};

beforeAll(async () => {
  operator = await signUpUser(t.app, { email: operatorEmail });
  t.jobs.handle('maintenanceProbe', async (job) => {
    runs.push({ data: job.data });
    if (isFailing) throw new Error(`probe exploded for ${String((job.data as { n?: unknown }).n)}`);
  });
});

const get = async <T>(url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: operator.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const retry = (queue: string, id: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/admin/jobs/${queue}/${id}/retry`,
    headers: { cookie: operator.cookie },
    payload: {},
  });

/** A probe job allowed no retry, so its first failure is final and dead-letters it. */
async function failForGood(n: string) {
  isFailing = true;
  await t.jobs.boss.send(probe, { n }, { retryLimit: 0 });
  const drained = await t.jobs.drain();
  expect(drained.failed).toEqual(
    expect.arrayContaining([expect.objectContaining({ queue: probe, error: `probe exploded for ${n}` })]),
  );
}

describe('GET /api/v1/admin/jobs', () => {
  it('lists every queue with its counts, dead letters and schedule', async () => {
    const overview = await get<Overview>('/api/v1/admin/jobs');
    expect(overview.queues.map((q) => q.name)).toEqual(Object.values(QUEUES).map((q) => q.name));
    const retention = overview.queues.find((q) => q.name === QUEUES.retention.name)!;
    expect(retention).toMatchObject({
      schedule: QUEUES.retention.cron,
      deadLetters: 0,
      description: expect.stringMatching(/audit/),
    });
    expect(retention.counts).toEqual({ created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 });
    expect(overview.queues.find((q) => q.name === QUEUES.mail.name)?.schedule).toBeNull();
  });
});

describe('failures and retries', () => {
  it('a job that used every attempt is listed with its error; retrying its dead letter runs it once more, once', async () => {
    await failForGood('dead-letter');
    const overview = await get<Overview>('/api/v1/admin/jobs');
    const failure = overview.recentFailures.find((f) => f.error === 'probe exploded for dead-letter');
    expect(failure).toMatchObject({
      queue: probe,
      deadLetterQueue: `${probe}.dead`,
      retryCount: 0,
      failedAt: expect.any(String),
    });
    const probeQueue = overview.queues.find((q) => q.name === probe)!;
    expect(probeQueue.counts.failed).toBeGreaterThanOrEqual(1);
    expect(probeQueue.deadLetters).toBeGreaterThanOrEqual(1);

    isFailing = false;
    runs.length = 0;
    // The failures list's queue and id, as the page posts them.
    const first = await retry(failure!.queue, failure!.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ isRetried: true, job: { queue: probe, id: failure!.id, state: 'created' } });
    const again = await retry(failure!.deadLetterQueue, failure!.id);
    expect(again.json()).toMatchObject({ isRetried: false, job: { queue: probe, id: failure!.id } });

    await t.jobs.drain();
    expect(runs).toEqual([{ data: { n: 'dead-letter' } }]);
    const after = await get<Overview>('/api/v1/admin/jobs');
    expect(after.recentFailures.find((f) => f.id === failure!.id)).toBeUndefined();

    // The original failed job stays for the record, and cannot be run a second time.
    const failed = await get<{ items: { id: string; data: unknown; error: string | null }[] }>(
      `/api/v1/admin/jobs/${probe}?state=failed`,
    );
    const original = failed.items.find((j) => (j.data as { n?: string }).n === 'dead-letter')!;
    expect(original.error).toBe('probe exploded for dead-letter');
    const twice = await retry(probe, original.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already ran again from its dead letter/);
  });

  it('retrying the failed job itself withdraws its dead letter, so the failure runs again once', async () => {
    await failForGood('original');
    const failed = await get<{ items: { id: string; data: unknown }[] }>(`/api/v1/admin/jobs/${probe}?state=failed`);
    const original = failed.items.find((j) => (j.data as { n?: string }).n === 'original')!;

    isFailing = false;
    runs.length = 0;
    const res = await retry(probe, original.id);
    expect(res.json()).toEqual({ isRetried: true, job: { queue: probe, id: original.id, state: 'retry' } });
    const overview = await get<Overview>('/api/v1/admin/jobs');
    expect(overview.recentFailures.some((f) => f.error === 'probe exploded for original')).toBe(false);

    await t.jobs.drain();
    expect(runs).toEqual([{ data: { n: 'original' } }]);
    expect((await retry(probe, original.id)).json()).toEqual({
      isRetried: false,
      job: { queue: probe, id: original.id, state: 'completed' },
    });
  });

  it('answers 404 for an unknown queue or job', async () => {
    expect((await retry('no-such-queue', '6f1f5d0e-4a8e-4c1b-9a52-2f3c0f1d7e11')).statusCode).toBe(404);
    const missing = await retry(probe, '6f1f5d0e-4a8e-4c1b-9a52-2f3c0f1d7e11');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toMatch(/No job/);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/admin/jobs/no-such-queue',
          headers: { cookie: operator.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/v1/admin/jobs/{queue}', () => {
  it('pages through a queue newest first, without losing jobs written in the same instant', async () => {
    const later = new Date(Date.now() + 3600_000);
    const marker = unique('page');
    // One transaction: the five jobs share one created_on, so only the id orders them.
    await transaction(t.deps.db, async (trx) => {
      for (let i = 0; i < 5; i += 1) await t.jobs.send(trx, 'maintenanceProbe', { marker, i }, { startAfter: later });
    });
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: {
        items: { state: string; data: { marker?: string; i: number }; startAfter: string }[];
        nextCursor: string | null;
      } = await get(`/api/v1/admin/jobs/${probe}?state=created&limit=2${cursor ? `&before=${cursor}` : ''}`);
      expect(page.items.every((j) => j.state === 'created')).toBe(true);
      seen.push(...page.items.filter((j) => j.data.marker === marker).map((j) => j.data.i));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a cursor it did not give out and a state it does not know', async () => {
    const badCursor = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/jobs/${probe}?before=not-a-cursor`,
      headers: { cookie: operator.cookie },
    });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors).toEqual([{ field: 'before', message: expect.any(String) }]);
    const badState = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/jobs/${probe}?state=exploded`,
      headers: { cookie: operator.cookie },
    });
    expect(badState.statusCode).toBe(400);
  });
});
