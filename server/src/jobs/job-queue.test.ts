import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import { useTestApp } from '../testing/test-app.js';
import { QUEUES } from './queues.js';

const t = useTestApp();

async function jobCount(name: string, state?: string) {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pgboss.job where name = ${name} and (${state ?? null}::text is null or state::text = ${state ?? null})`.execute(
    t.deps.db,
  );
  return rows[0]!.n;
}

describe('job queue on the application database', () => {
  it('a job sent in a transaction exists only if that transaction commits', async () => {
    const before = await jobCount(QUEUES.maintenanceProbe.name);
    await expect(
      transaction(t.deps.db, async (trx) => {
        await t.jobs.send(trx, 'maintenanceProbe', { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobCount(QUEUES.maintenanceProbe.name)).toBe(before);

    await transaction(t.deps.db, async (trx) => {
      await t.jobs.send(trx, 'maintenanceProbe', { n: 2 });
    });
    expect(await jobCount(QUEUES.maintenanceProbe.name, 'created')).toBe(1);
  });

  it('drain runs due jobs; a failing job goes back for a retry and is reported', async () => {
    const seen: unknown[] = [];
    t.jobs.handle('maintenanceProbe', async (job) => {
      seen.push(job.data);
      if ((job.data as { n: number }).n === 3) throw new Error('probe failure');
    });
    await t.jobs.send(t.deps.db, 'maintenanceProbe', { n: 3 });
    const result = await t.jobs.drain();
    expect(seen).toEqual(expect.arrayContaining([{ n: 2 }, { n: 3 }]));
    expect(result.completed).toBe(1);
    expect(result.failed).toEqual([
      expect.objectContaining({ queue: QUEUES.maintenanceProbe.name, error: 'probe failure' }),
    ]);
    expect(await jobCount(QUEUES.maintenanceProbe.name, 'retry')).toBe(1);
  });

  it('a send with an id already used is ignored (idempotent)', async () => {
    const id = '6f1f5d0e-4a8e-4c1b-9a52-2f3c0f1d7e11';
    expect(await t.jobs.send(t.deps.db, 'maintenanceProbe', { n: 4 }, { id })).toBe(id);
    expect(await t.jobs.send(t.deps.db, 'maintenanceProbe', { n: 4 }, { id })).toBeNull();
  });
});
