import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { ensureStarterFramework } from './skills.service.js';

const t = useTestApp();
let owner: TestUser;
let org: { slug: string; id: string };

beforeAll(async () => {
  owner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'] });
});

const post = (url: string, payload: object, user: TestUser = owner) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: user.cookie }, payload });
const countSkills = async () =>
  (
    await t.database.db
      .selectFrom('skills')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('starter framework', () => {
  it('ships at least 300 skills in named groups, each with a description', async () => {
    const rows = await t.database.db
      .selectFrom('skills')
      .select(['code', 'name', 'description', 'group_name'])
      .where('org_id', 'is', null)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.group_name)).size).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      expect(r.code).toMatch(/^CAIRN-[A-Z]+-\d{2}$/);
      expect(r.description.length).toBeGreaterThan(20);
    }
  });

  it('loads idempotently', async () => {
    const before = await countSkills();
    expect((await ensureStarterFramework(t.database.db)).isChanged).toBe(false);
    expect(await countSkills()).toBe(before);
  });

  it('is searchable by anyone, with typos forgiven', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/skills?q=sql&limit=5' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ name: 'SQL querying', framework: { source: 'cairn' } });
    const typo = await t.app.inject({ method: 'GET', url: '/api/v1/skills?q=negotiaton' });
    expect(typo.json().items.map((s: { name: string }) => s.name)).toContain('Negotiation');
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/skills/${res.json().items[0].id}` });
    expect(one.json().code).toBe('CAIRN-DATA-03');
  });
});

describe('skills CSV import', () => {
  const esco =
    'conceptUri,preferredLabel,description,altLabels,skillType\nhttp://data.example/esco/skill/aa11,operate forklift,Drives a forklift safely.,"lift truck driving",skill/competence\nhttp://data.example/esco/skill/bb22,plan deliveries,Plans delivery routes.,,skill/competence\n';

  it('previews without writing, with line-numbered errors', async () => {
    const before = await countSkills();
    const res = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import/preview`, {
      csv: 'code,name,description,group\nX1,One,,G\nX1,,,G\n',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'cairn', rowCount: 2, isValid: false });
    expect(body.errors).toEqual([
      { line: 3, field: 'name', message: 'Required: every skill needs a name.' },
      { line: 3, field: 'code', message: 'Duplicate code "X1" (first on line 2).' },
    ]);
    expect(await countSkills()).toBe(before);
  });

  it('imports an ESCO export in one go, then again idempotently', async () => {
    const first = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, {
      csv: esco,
      frameworkName: 'ESCO logistics',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      format: 'esco',
      created: 2,
      updated: 0,
      framework: { name: 'ESCO logistics', source: 'esco' },
    });
    const again = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, {
      csv: esco.replace('Drives a forklift safely.', 'Drives a forklift.'),
      frameworkName: 'esco LOGISTICS',
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    const found = await t.app.inject({
      method: 'GET',
      url: '/api/v1/skills?q=forklift',
      headers: { cookie: owner.cookie },
    });
    expect(found.json().items.find((s: { code: string }) => s.code === 'aa11')).toMatchObject({
      description: 'Drives a forklift.',
      uri: 'http://data.example/esco/skill/aa11',
      altLabels: ['lift truck driving'],
    });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/skills?q=forklift' });
    expect(anonymous.json().items.some((s: { code: string }) => s.code === 'aa11')).toBe(false);
    const frameworks = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/skill-frameworks`,
      headers: { cookie: owner.cookie },
    });
    expect(
      frameworks.json().items.map((f: { name: string; skillCount: number }) => [f.name, f.skillCount > 0]),
    ).toEqual([
      ['Cairn Starter Skills', true],
      ['ESCO logistics', true],
    ]);
  });

  it('imports O*NET and Cairn shapes, also as a multipart upload', async () => {
    const onet = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, {
      csv: 'Element ID,Element Name,Description\n2.B,Cross-Functional Skills,Skills used across jobs.\n2.B.1.a,Social Perceptiveness,Being aware of reactions of others.\n',
      frameworkName: 'O*NET skills',
    });
    expect(onet.json()).toMatchObject({ format: 'onet', created: 2 });
    const boundary = 'cairnboundary';
    const payload = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="frameworkName"',
      '',
      'House skills',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="skills.csv"',
      'Content-Type: text/csv',
      '',
      'code,name,description,group\nH1,Bread baking,Bakes bread.,Kitchen',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/skill-frameworks/import`,
      headers: {
        cookie: owner.cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-cairn-csrf': '1',
      },
      payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'cairn', created: 1, framework: { source: 'custom' } });
  });

  it('refuses a file with errors as a whole, naming lines, and writes nothing', async () => {
    const before = await countSkills();
    const res = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, {
      csv: 'code,name\nA,Alpha\nB,\n',
      frameworkName: 'Broken',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'line.3.name', message: 'Line 3, name: Required: every skill needs a name.' },
    ]);
    const unknown = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, {
      csv: 'code,name,colour\nA,Alpha,red\n',
      frameworkName: 'Broken',
    });
    expect(unknown.json().errors[0].message).toMatch(/Unknown column colour\. Expected code, name, description, group/);
    const empty = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, { csv: '', frameworkName: 'Broken' });
    expect(empty.json().errors[0].message).toMatch(/empty/);
    expect(await countSkills()).toBe(before);
  });

  it('imports 12,000 rows, and refuses a 20 MB file', async () => {
    const lines = ['code,name,description,group'];
    for (let i = 0; i < 12_000; i += 1)
      lines.push(`BULK-${i},Skill number ${i},Generated skill ${i} for the size test.,Bulk`);
    const res = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, {
      csv: lines.join('\n'),
      frameworkName: 'Bulk',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 12_000, total: 12_000 });
    const huge = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import/preview`, {
      csv: 'x'.repeat(20 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
  }, 120_000);

  it('is for members who author: viewers get 403, outsiders 404', async () => {
    const viewer = await signUpUser(t.app);
    await addMember(t.app, owner, org.slug, viewer, 'viewer');
    expect(
      (await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import/preview`, { csv: esco }, viewer)).statusCode,
    ).toBe(403);
    const outsider = await signUpUser(t.app);
    expect(
      (await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import/preview`, { csv: esco }, outsider)).statusCode,
    ).toBe(404);
  });
});
