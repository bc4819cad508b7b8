import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { PREPARED_MARK } from './prepared-statements.js';
import { openTestDatabase } from './testing/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('queries marked as prepared', () => {
  it('return the same rows as unmarked ones, with parameters, repeatedly', async () => {
    for (let i = 0; i < 8; i += 1) {
      const { rows } = await sql<{
        n: number;
        s: string;
      }>`select ${sql.raw(PREPARED_MARK)} ${i}::int + 1 as n, ${`v${i}`}::text as s`.execute(database.db);
      expect(rows).toEqual([{ n: i + 1, s: `v${i}` }]);
    }
  });

  it('run as named prepared statements on PostgreSQL, and plainly on PGlite', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`select ${sql.raw(PREPARED_MARK)} ${'x'}::text as marked`.execute(trx);
      await sql`select ${'y'}::text as unmarked`.execute(trx);
      const { rows } = await sql<{
        statement: string;
      }>`select statement from pg_prepared_statements where name like 'cairn\\_%'`.execute(trx);
      if (database.engine === 'postgres') {
        // (The connection may also hold the statement of the test above.)
        expect(rows.some((r) => r.statement.includes('as marked'))).toBe(true);
        expect(rows.some((r) => r.statement.includes('as unmarked'))).toBe(false);
      } else {
        expect(rows).toEqual([]);
      }
    });
  });
});
