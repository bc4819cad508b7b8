import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../../catalog/catalog-test-helpers.js';
import { createApiKey, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../../testing/test-app.js';
import { runBulkJob } from './run-bulk-job.js';

const t = useTestApp();
let owner: TestUser;
let outsider: TestUser;
let org: { slug: string; id: string };
let programme: { id: string };
let apiKey: { token: string };

function upload(path: string, csv: string, user: TestUser = owner, microcredentialId = programme.id) {
  const boundary = 'cairnbulk';
  const payload = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="microcredentialId"',
    '',
    microcredentialId,
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="cohort.csv"',
    'Content-Type: text/csv',
    '',
    csv,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/issuance-jobs${path}`,
    headers: { cookie: user.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' },
    payload,
  });
}

async function jobCount() {
  const jobs = await t.database.db
    .selectFrom('issuance_jobs')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pgboss.job where name = 'issuance-jobs'`.execute(t.database.db);
  return { jobs: jobs.n, queued: rows[0]!.n };
}

async function credentialsOf(jobId: string) {
  return t.database.db
    .selectFrom('issuance_job_rows as r')
    .innerJoin('credentials as c', 'c.id', 'r.credential_id')
    .select(['c.id', 'c.document', 'c.idempotency_key', 'r.line'])
    .where('r.job_id', '=', jobId)
    .orderBy('r.line')
    .execute();
}

const csvOf = (rows: string[]) => ['email,name,external_id,score,Quiz: Introduction,evidence_url', ...rows].join('\n');

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Bulk Owner' });
  outsider = await signUpUser(t.app, { name: 'Outsider' });
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Bulk Academy' });
  await createOrg(t.app, outsider, { roles: ['provider'], name: 'Other Academy' });
  const skills = await starterSkillIds(t.app, 'data', 1);
  programme = await createProgramme(t.app, owner, org.slug, {
    slug: unique('bulk'),
    title: 'Data Basics',
    skillIds: skills.map((s) => s.id),
  });
  apiKey = await createApiKey(t.app, owner, org.slug, 'admin');
});

// Jobs drain through the real queue (events, mail): generous caps for a loaded machine, not speed checks.
describe('bulk issuance', { timeout: 180_000 }, () => {
  it('refuses a CSV it cannot read with line-numbered errors, and queues nothing', async () => {
    const before = await jobCount();
    const unknownColumn = await upload('', 'email,favourite_colour\nada@example.com,blue\n');
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json<{ errors: { line: number; column?: string }[] }>().errors).toEqual([
      expect.objectContaining({ line: 1, column: 'favourite_colour' }),
    ]);
    const broken = await upload('', 'email,name\nada@example.com,Ada\nbob@example.com,"Bob\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ errors: { line: number }[] }>().errors[0]!.line).toBeGreaterThanOrEqual(3);
    const ragged = await upload('', 'email,name\nada@example.com,Ada,extra\n');
    expect(ragged.json<{ errors: { line: number; message: string }[] }>().errors).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('3 cells') }),
    ]);
    expect(await jobCount()).toEqual(before);
  });

  it('previews each row with what is wrong where, and creates nothing', async () => {
    const before = await jobCount();
    const res = await upload(
      '/preview',
      csvOf(['ada@example.com,Ada,s-1,80,90,', 'not-an-email,Bob,s-2,101,,ftp://x', 'cy@example.com,Cy,s-1,,,']),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      total: number;
      valid: number;
      invalid: number;
      errors: { line: number; column?: string }[];
    }>();
    expect(body).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(body.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'email'],
      [3, 'evidence_url'],
      [3, 'score'],
      [4, 'external_id'],
    ]);
    expect(await jobCount()).toEqual(before);
  });

  it('issues every good row once, keeps the bad one as failed, mails in batches and serves errors.csv', async () => {
    const created = await upload(
      '',
      csvOf([
        'ada@example.com,Ada,c-1,80,90,https://example.com/ada',
        'bob@example,Bob,c-2,,,',
        `${owner.email},Owner,c-3,75,,`,
      ]),
    );
    expect(created.statusCode).toBe(202);
    const { id } = created.json<{ id: string }>();
    const drained = await t.jobs.drain();
    expect(drained.failed).toEqual([]);
    const job = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}`,
        headers: { cookie: owner.cookie },
      })
    ).json<Record<string, unknown>>();
    expect(job).toMatchObject({ id, status: 'succeeded', total: 3, issued: 2, failed: 1 });
    expect(job.finishedAt).toEqual(expect.any(String));
    const credentials = await credentialsOf(id);
    expect(credentials.map((c) => c.line)).toEqual([2, 4]);
    const first = JSON.parse(credentials[0]!.document) as Record<string, any>;
    expect(first.credentialSubject.result).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '80' }), expect.objectContaining({ value: '90' })]),
    );
    expect(first.evidence[0].id).toBe('https://example.com/ada');
    // The owner's address is verified: that credential joined their account.
    const linked = await t.database.db
      .selectFrom('credentials')
      .select('recipient_user_id')
      .where('id', '=', credentials[1]!.id)
      .executeTakeFirstOrThrow();
    expect(linked.recipient_user_id).toBe(owner.id);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: first },
    });
    expect(verified.json<{ verified: boolean }>().verified).toBe(true);
    const events = await t.database.db
      .selectFrom('domain_events')
      .select('data')
      .where('type', '=', 'credential.issued')
      .where(sql<boolean>`data->>'credentialId' in (${sql.join(credentials.map((c) => c.id))})`)
      .execute();
    expect(events).toHaveLength(2);
    expect(t.mailTransport.sent.filter((m) => m.to === 'ada@example.com')).toHaveLength(1);
    const errors = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}/errors.csv`,
      headers: { cookie: owner.cookie },
    });
    expect(errors.headers['content-type']).toContain('text/csv');
    expect(errors.body.replace('\uFEFF', '').split('\r\n')).toEqual([
      '"line","email","external_id","error"',
      expect.stringMatching(/^"3","bob@example","c-2","email: .*not an email address/),
      '',
    ]);
  });

  it('never issues a row twice: not on a rerun of its batch, nor from a second job of the same rows', async () => {
    const csv = csvOf(['dee@example.com,Dee,r-1,,,', 'eve@example.com,Eve,,,,']);
    const { id } = (await upload('', csv)).json<{ id: string }>();
    await t.jobs.drain();
    const issued = await credentialsOf(id);
    expect(issued).toHaveLength(2);
    // As after a crash between the insert and the row update: the rows are pending again.
    await t.database.db
      .updateTable('issuance_job_rows')
      .set({ status: 'pending', credential_id: null })
      .where('job_id', '=', id)
      .execute();
    await t.database.db
      .updateTable('issuance_jobs')
      .set({ status: 'running', issued: 0 })
      .where('id', '=', id)
      .execute();
    expect(await runBulkJob(t.deps, id)).toBe('finished');
    expect((await credentialsOf(id)).map((c) => c.id)).toEqual(issued.map((c) => c.id));
    const again = (await upload('', csv)).json<{ id: string }>();
    await t.jobs.drain();
    expect((await credentialsOf(again.id)).map((c) => c.id)).toEqual(issued.map((c) => c.id));
    const keys = await t.database.db
      .selectFrom('credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('org_id', '=', org.id)
      .where(
        'idempotency_key',
        'in',
        issued.map((c) => c.idempotency_key!),
      )
      .executeTakeFirstOrThrow();
    expect(keys.n).toBe(2);
  });

  it('signs in the pool’s threads as on the main thread: every good row once, in line order', async () => {
    const csv = [
      'email,name,external_id,issued_on,expires_on',
      'kim@example.com,Kim,p-1,2026-11-30,',
      'lou@example.com,Lou,p-2,2026-11-30,2026-11-01',
      'max@example.com,Max,p-3,,',
      'ned@example.com,Ned,p-4,,',
      'oda@example.com,Oda,p-5,,',
    ].join('\n');
    const { id } = (await upload('', csv)).json<{ id: string }>();
    // Batches of two through two threads: slices, the pipeline, and a batch with a row failed at upload.
    expect(await runBulkJob(t.deps, id, { signingThreads: 2, batchSize: 2 })).toBe('finished');
    await t.jobs.drain();
    const job = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}`,
      headers: { cookie: owner.cookie },
    });
    expect(job.json()).toMatchObject({ status: 'succeeded', total: 5, issued: 4, failed: 1 });
    const issued = await credentialsOf(id);
    expect(issued.map((c) => c.line)).toEqual([2, 4, 5, 6]);
    const documents = issued.map((c) => JSON.parse(c.document) as { credentialSubject: { identifier: unknown[] } });
    expect(new Set(issued.map((c) => c.idempotency_key)).size).toBe(4);
    for (const document of [documents[0]!, documents[3]!]) {
      const verified = await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: document },
      });
      expect(verified.json<{ verified: boolean }>().verified).toBe(true);
    }
    const failed = await t.database.db
      .selectFrom('issuance_job_rows')
      .select(['line', 'error'])
      .where('job_id', '=', id)
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([{ line: 3, error: expect.stringContaining('expires_on') }]);
    // Rerun through the pool after a "crash" before the rows were settled: nothing new.
    await t.database.db
      .updateTable('issuance_job_rows')
      .set({ status: 'pending', credential_id: null })
      .where('job_id', '=', id)
      .where('status', '=', 'issued')
      .execute();
    await t.database.db
      .updateTable('issuance_jobs')
      .set({ status: 'running', issued: 0 })
      .where('id', '=', id)
      .execute();
    expect(await runBulkJob(t.deps, id, { signingThreads: 2, batchSize: 3 })).toBe('finished');
    expect((await credentialsOf(id)).map((c) => c.id)).toEqual(issued.map((c) => c.id));
  });

  it('a cancel landing at any moment of a run leaves the counts, the rows and the credentials agreeing', async () => {
    // The cancel is fired from the job's own clock, so it lands at a different step of each run:
    // before any batch, while batches sign, or while they are written side by side.
    for (const fireAt of [2, 3, 4, 5, 6]) {
      const lines = Array.from({ length: 8 }, (_, i) => `c${fireAt}-${i}@example.com,C ${i},c-${fireAt}-${i},,,`);
      const { id } = (await upload('', csvOf(lines))).json<{ id: string }>();
      let calls = 0;
      let cancelling: Promise<{ statusCode: number } | undefined> = Promise.resolve(undefined);
      const deps = {
        ...t.deps,
        clock: () => {
          calls += 1;
          if (calls === fireAt)
            cancelling = t.app.inject({
              method: 'POST',
              url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}/cancel`,
              headers: { authorization: `Bearer ${apiKey.token}` },
              payload: {},
            });
          return t.deps.clock();
        },
      };
      const outcome = await runBulkJob(deps, id, { batchSize: 2 });
      const cancel = await cancelling;
      expect(['cancelled', 'finished']).toContain(outcome);
      const job = await t.database.db
        .selectFrom('issuance_jobs')
        .select(['status', 'issued', 'failed'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      // The cancel either landed (200) or found every row already issued (409): never half of each.
      expect(cancel?.statusCode === 200 ? 'cancelled' : 'succeeded').toBe(job.status);
      if (job.status === 'succeeded') expect(job.issued).toBe(8);
      const rows = await t.database.db
        .selectFrom('issuance_job_rows')
        .select(['status', 'credential_id'])
        .where('job_id', '=', id)
        .execute();
      const issuedRows = rows.filter((r) => r.status === 'issued');
      expect(job.issued).toBe(issuedRows.length);
      expect(rows.filter((r) => r.status === 'pending')).toHaveLength(8 - issuedRows.length);
      expect((await credentialsOf(id)).length).toBe(issuedRows.length);
      const keys = await t.database.db
        .selectFrom('credentials')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('org_id', '=', org.id)
        .where('idempotency_key', 'like', `bulk:${programme.id}:%c-${fireAt}-%`)
        .executeTakeFirstOrThrow();
      // No credential without its row: a batch the cancel overtook was rolled back whole.
      expect(keys.n).toBe(issuedRows.length);
    }
  });

  it('takes JSON rows with an API key, and a cancelled job issues nothing more', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs`,
      headers: { authorization: `Bearer ${apiKey.token}` },
      payload: {
        microcredentialId: programme.id,
        rows: [
          { email: 'fay@example.com', external_id: 'j-1' },
          { email: 'gus@example.com', external_id: 'j-2', score: 99 },
        ],
      },
    });
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}/cancel`,
      headers: { authorization: `Bearer ${apiKey.token}` },
      payload: {},
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', issued: 0 });
    await t.jobs.drain();
    expect(await credentialsOf(id)).toEqual([]);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}/cancel`,
      headers: { authorization: `Bearer ${apiKey.token}` },
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs`,
      headers: { cookie: owner.cookie },
    });
    expect(list.json<{ items: { id: string }[] }>().items.map((j) => j.id)).toContain(id);
  });

  it('hides a job from other organisations', async () => {
    const { id } = (await upload('', csvOf(['hal@example.com,Hal,t-1,,,']))).json<{ id: string }>();
    for (const path of ['', '/errors.csv', '/events']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}${path}`,
        headers: { cookie: outsider.cookie },
      });
      expect(res.statusCode).toBe(404);
    }
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}/cancel`,
      headers: { cookie: outsider.cookie },
      payload: {},
    });
    expect(cancel.statusCode).toBe(404);
    await t.jobs.drain();
  });

  it('streams progress as server-sent events, ending with the finished job', async () => {
    const { id } = (await upload('', csvOf(['ivy@example.com,Ivy,e-1,,,', 'jon@example.com,Jon,e-2,,,']))).json<{
      id: string;
    }>();
    const stream = t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/issuance-jobs/${id}/events`,
      headers: { cookie: owner.cookie },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.jobs.drain();
    const res = await stream;
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = res.body
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => ({
        event: block.split('\n')[0]!.slice(7),
        data: JSON.parse(block.split('\n')[1]!.slice(6)) as { status: string; issued: number; total: number },
      }));
    expect(events[0]).toMatchObject({ event: 'progress', data: { status: 'queued', total: 2 } });
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'succeeded', issued: 2, total: 2 } });
  });
});
