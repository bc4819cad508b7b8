import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import * as enrolmentSpelling from '../db/migrations/20261207_0019_enrolment_spelling.js';
import { createOrg, signUpUser, unique, useTestApp } from '../testing/test-app.js';

const t = useTestApp();
const learningTables = ['enrollments', 'enrolments', 'module_completions', 'quiz_attempts', 'submissions'];

/** Names in the learning tables: the tables themselves, their columns, constraints and indexes. */
async function namesOf(db: Kysely<unknown>) {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name = any(${learningTables})`.execute(
    db,
  );
  const columns = await sql<{
    name: string;
  }>`select table_name || '.' || column_name as name from information_schema.columns where table_schema = current_schema() and table_name = any(${learningTables})`.execute(
    db,
  );
  const constraints = await sql<{ name: string }>`
    select c.conname as name from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and t.relname = any(${learningTables})`.execute(db);
  const indexes = await sql<{
    name: string;
  }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = any(${learningTables})`.execute(
    db,
  );
  return {
    tables: tables.rows.map((r) => r.name),
    columns: columns.rows.map((r) => r.name),
    constraints: constraints.rows.map((r) => r.name),
    indexes: indexes.rows.map((r) => r.name),
  };
}

describe('migration 20261207_0019_enrolment_spelling', () => {
  it('renames enrollments to enrolments (columns, constraints, indexes, completion keys) and keeps the data', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner, { roles: ['provider'] });
    const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
    const programme = await createProgramme(
      t.app,
      owner,
      org.slug,
      { slug: unique('spelling'), title: 'Spelling', skillIds },
      { modules: [{ title: 'Read', content: 'Read.', estimatedMinutes: 5 }] },
    );
    const learner = await signUpUser(t.app);
    const headers = { cookie: learner.cookie };
    const enrolled = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/catalog/${org.slug}/${programme.slug}/enrol`,
        headers,
        payload: {},
      })
    ).json<{ id: string; modules: { id: string }[] }>();
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${enrolled.id}/modules/${enrolled.modules[0]!.id}/complete`,
      headers,
      payload: {},
    });
    expect(done.json<{ status: string }>().status).toBe('completed');

    // Back to the schema before the migration, as a database written by an earlier Cairn is.
    const raw = t.database.db as unknown as Kysely<unknown>;
    await enrolmentSpelling.down(raw);
    const before = await namesOf(raw);
    expect(before.tables).toContain('enrollments');
    expect(before.columns).toEqual(
      expect.arrayContaining([
        'module_completions.enrollment_id',
        'quiz_attempts.enrollment_id',
        'submissions.enrollment_id',
      ]),
    );
    expect(before.indexes).toEqual(
      expect.arrayContaining(['enrollments_pkey', 'enrollments_one_live_idx', 'enrollments_learner_idx']),
    );
    const oldRow = (
      await sql<{
        id: string;
        status: string;
        credential_row_id: string;
      }>`select id, status, credential_row_id from enrollments where id = ${enrolled.id}`.execute(raw)
    ).rows[0]!;
    const oldKey = (
      await sql<{
        key: string;
      }>`select idempotency_key as key from credentials where id = ${oldRow.credential_row_id}`.execute(raw)
    ).rows[0]!.key;
    expect(oldKey).toBe(`enrollment:${enrolled.id}`);

    await enrolmentSpelling.up(raw);
    const after = await namesOf(raw);
    expect(after.tables).toContain('enrolments');
    expect(after.tables).not.toContain('enrollments');
    for (const name of [...after.columns, ...after.constraints, ...after.indexes])
      expect(name).not.toMatch(/enrollment/);
    expect(after.columns).toEqual(
      expect.arrayContaining([
        'module_completions.enrolment_id',
        'quiz_attempts.enrolment_id',
        'submissions.enrolment_id',
      ]),
    );
    expect(after.indexes).toEqual(
      expect.arrayContaining([
        'enrolments_pkey',
        'enrolments_one_live_idx',
        'enrolments_learner_idx',
        'enrolments_org_idx',
      ]),
    );
    expect(after.constraints.length).toBe(before.constraints.length);

    const row = await t.database.db
      .selectFrom('enrolments')
      .select(['id', 'status', 'credential_row_id'])
      .where('id', '=', enrolled.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual(oldRow);
    const completions = await t.database.db
      .selectFrom('module_completions')
      .select('module_id')
      .where('enrolment_id', '=', enrolled.id)
      .execute();
    expect(completions).toEqual([{ module_id: enrolled.modules[0]!.id }]);
    const key = await t.database.db
      .selectFrom('credentials')
      .select('idempotency_key')
      .where('id', '=', row.credential_row_id!)
      .executeTakeFirstOrThrow();
    expect(key.idempotency_key).toBe(`enrolment:${enrolled.id}`);
    // The one-live-enrolment rule survived the rename: enrolling again is refused.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/${org.slug}/${programme.slug}/enrol`,
      headers,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/me/enrolments/${enrolled.id}`, headers })).json<{
      status: string;
      credentialId: string;
    }>();
    expect(mine).toMatchObject({ status: 'completed', credentialId: row.credential_row_id });
  });
});
