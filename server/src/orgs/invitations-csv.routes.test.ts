import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let owner: TestUser;
let admin: TestUser;
let member: TestUser;
let outsider: TestUser;
let org: { slug: string; id: string };

function send(path: '' | '/preview', csv: string, user: TestUser = owner, slug = org.slug) {
  const boundary = 'cairninvite';
  const payload = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="people.csv"',
    'Content-Type: text/csv',
    '',
    csv,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/invitations/csv${path}`,
    headers: { cookie: user.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' },
    payload,
  });
}

async function pendingCount() {
  const row = await t.database.db
    .selectFrom('invitations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', org.id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

async function mailCount(to: string) {
  const row = await t.database.db
    .selectFrom('mail_outbox')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('to_address', '=', to)
    .executeTakeFirstOrThrow();
  return row.n;
}

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Olive Owner' });
  admin = await signUpUser(t.app, { name: 'Adam Admin' });
  member = await signUpUser(t.app, { name: 'Mia Member' });
  outsider = await signUpUser(t.app, { name: 'Otto Outsider' });
  org = await createOrg(t.app, owner, { roles: ['employer'], name: 'Harbor Logistics' });
  await addMember(t.app, owner, org.slug, admin, 'admin');
  await addMember(t.app, owner, org.slug, member, 'viewer');
});

describe('invitations from a CSV', () => {
  it('previews each line: who would be invited, who is skipped, and what is wrong where', async () => {
    const ada = `${unique('ada')}@example.com`;
    const res = await send(
      '/preview',
      `email,role,name\n${ada},manager,Ada\n${member.email},viewer,\nnot-an-email,viewer,\n${ada},viewer,Again\nbo@example.com,chief,\n`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      rows: { line: number; email: string; outcome: string }[];
      errors: { line: number; column?: string }[];
      valid: number;
      invalid: number;
    }>();
    expect(body.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'invite'],
      [3, 'already_member'],
    ]);
    expect(body.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'email'],
      [5, 'email'],
      [6, 'role'],
    ]);
    expect(body).toMatchObject({ valid: 2, invalid: 3 });
  });

  it('refuses a CSV with bad emails with line numbers, inviting nobody', async () => {
    const before = await pendingCount();
    const good = `${unique('good')}@example.com`;
    const res = await send('', `email\n${good}\nnope@\n`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<{ detail: string; errors: { line: number; column: string }[] }>();
    expect(body.detail).toContain('line 3');
    expect(body.errors).toEqual([expect.objectContaining({ line: 3, column: 'email' })]);
    expect(await pendingCount()).toBe(before);
    expect(await mailCount(good)).toBe(0);
    const unknown = await send('', 'email,team\nx@example.com,blue\n');
    expect(unknown.json<{ errors: { line: number; column: string }[] }>().errors[0]).toMatchObject({
      line: 1,
      column: 'team',
    });
  });

  it('invites everyone in one go with a mail each, and a second upload invites nobody twice', async () => {
    const ada = `${unique('ada')}@example.com`;
    const bo = `${unique('bo')}@example.com`;
    const csv = `email,role,name\n${ada},manager,Ada Lovelace\n${bo},,\n${member.email},viewer,\n`;
    const first = await send('', csv, admin);
    expect(first.statusCode, first.body).toBe(201);
    const result = first.json<{
      invited: { email: string; role: string; line: number }[];
      skipped: { line: number; reason: string }[];
    }>();
    expect(result.invited.map((i) => [i.line, i.email, i.role])).toEqual([
      [2, ada, 'manager'],
      [3, bo, 'viewer'],
    ]);
    expect(result.skipped).toEqual([expect.objectContaining({ line: 4, reason: 'already_member' })]);
    expect(await mailCount(ada)).toBe(1);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', ada)
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toMatch(/Hello Ada Lovelace,[\s\S]*as manager[\s\S]*\/invitations\//);
    const before = await pendingCount();
    const again = await send('', csv, admin);
    expect(again.statusCode).toBe(201);
    expect(again.json<{ invited: unknown[]; skipped: { reason: string }[] }>()).toMatchObject({
      invited: [],
      skipped: [{ reason: 'already_invited' }, { reason: 'already_invited' }, { reason: 'already_member' }],
    });
    expect(await pendingCount()).toBe(before);
    expect(await mailCount(ada)).toBe(1);
    // A new role replaces the pending invitation rather than adding a second one.
    const promoted = await send('', `email,role\n${bo},admin\n`, owner);
    expect(promoted.json<{ invited: { role: string }[] }>().invited).toEqual([
      expect.objectContaining({ role: 'admin' }),
    ]);
    expect(await pendingCount()).toBe(before);
  });

  it('keeps roles within the inviter’s own, and the organisation to its admins', async () => {
    const ownerRow = await send('/preview', `email,role\n${unique('x')}@example.com,owner\n`, admin);
    expect(ownerRow.json<{ errors: { line: number; column: string }[] }>().errors).toEqual([
      expect.objectContaining({ line: 2, column: 'role' }),
    ]);
    expect((await send('', `email\n${unique('x')}@example.com\n`, member)).statusCode).toBe(403);
    expect((await send('/preview', `email\n${unique('x')}@example.com\n`, outsider)).statusCode).toBe(404);
  });
});
