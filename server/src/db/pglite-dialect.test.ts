import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { openTestDatabase } from './testing/test-database.js';
import { transaction } from './transaction.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function countOrgs() {
  const row = await database.db
    .selectFrom('organizations')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

const org = (slug: string) => ({ slug, name: slug, roles: ['provider' as const], did: `did:web:test:${slug}` });

describe(`database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('rolls back every write of a failed transaction', async () => {
    const before = await countOrgs();
    await expect(
      transaction(database.db, async (trx) => {
        await trx.insertInto('organizations').values(org('rollback-one')).execute();
        await trx.insertInto('organizations').values(org('rollback-two')).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await countOrgs()).toBe(before);
  });

  it('keeps a query issued outside an open transaction out of it', async () => {
    const before = await countOrgs();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const inside = transaction(database.db, async (trx) => {
      await trx.insertInto('organizations').values(org('inside-trx')).execute();
      await gate;
      throw new Error('roll back');
    });
    // Issued while the transaction is open: it must neither run inside it nor be lost.
    const outside = database.db.insertInto('organizations').values(org('outside-trx')).execute();
    release();
    await expect(inside).rejects.toThrow('roll back');
    await outside;
    const slugs = await database.db
      .selectFrom('organizations')
      .select('slug')
      .where('slug', 'in', ['inside-trx', 'outside-trx'])
      .execute();
    expect(slugs.map((s) => s.slug)).toEqual(['outside-trx']);
    expect(await countOrgs()).toBe(before + 1);
  });

  it('runs concurrent queries to completion', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sql<{ n: number }>`select ${i}::int as n`.execute(database.db)),
    );
    expect(results.map((r) => r.rows[0]?.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('joins an open transaction instead of opening a second one', async () => {
    await expect(
      transaction(database.db, async (trx) => {
        await transaction(trx, async (inner) => {
          await inner.insertInto('organizations').values(org('nested-one')).execute();
        });
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    const row = await database.db
      .selectFrom('organizations')
      .select('slug')
      .where('slug', '=', 'nested-one')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('enforces constraints from the migrations', async () => {
    await expect(database.db.insertInto('organizations').values(org('Bad Slug!')).execute()).rejects.toThrow();
  });
});
