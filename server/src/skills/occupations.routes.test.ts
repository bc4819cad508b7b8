import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
const fixture = (name: string) => readFileSync(new URL(`./fixtures/esco/${name}`, import.meta.url), 'utf8');
const skillsCsv = fixture('skills_en.csv');
const occupationsCsv = fixture('occupations_en.csv');
const relationsCsv = fixture('occupationSkillRelations_en.csv');

let owner: TestUser;
let learner: TestUser;
let org: { slug: string; id: string };

const post = (url: string, payload: object, user: TestUser = owner) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: user.cookie }, payload });
const get = (url: string, user?: TestUser) =>
  t.app.inject({ method: 'GET', url, ...(user ? { headers: { cookie: user.cookie } } : {}) });
const count = async (table: 'occupations' | 'occupation_skills') =>
  (
    await t.database.db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  owner = await signUpUser(t.app);
  learner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'] });
  const skills = await post(`/api/v1/orgs/${org.slug}/skill-frameworks/import`, {
    csv: skillsCsv,
    frameworkName: 'ESCO',
  });
  expect(skills.statusCode).toBe(200);
  expect(skills.json()).toMatchObject({ format: 'esco', created: 8 });
});

describe('ESCO occupations import', () => {
  const url = () => `/api/v1/orgs/${org.slug}/skill-frameworks/import/occupations`;

  it('refuses a relation to a skill the framework does not hold, naming the line, and writes nothing', async () => {
    const bad = `${relationsCsv}http://data.example/esco/occupation/b2000001,essential,skill/competence,http://data.example/esco/skill/zz999\n`;
    const res = await post(url(), { frameworkName: 'ESCO', occupationsCsv, relationsCsv: bad });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'relations.line.12.skillUri',
        message: expect.stringContaining('import the skills file it comes from first'),
      }),
    ]);
    expect(await count('occupations')).toBe(0);
  });

  it('names a framework that is not there and tells what to import first', async () => {
    const res = await post(url(), { frameworkName: 'Nope', occupationsCsv });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('Import the ESCO skills');
  });

  it('is for the organisation’s authors only (an outsider does not learn it exists)', async () => {
    const res = await post(url(), { frameworkName: 'ESCO', occupationsCsv }, learner);
    expect(res.statusCode).toBe(404);
  });

  it('imports occupations and their relations in one go, idempotently', async () => {
    const first = await post(url(), { frameworkName: 'ESCO', occupationsCsv, relationsCsv });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      framework: { name: 'ESCO', source: 'esco' },
      occupations: { created: 3, updated: 0, total: 3 },
      relations: { total: 10, essential: 6, optional: 4 },
    });
    const again = await post(url(), { frameworkName: 'ESCO', occupationsCsv, relationsCsv });
    expect(again.json()).toMatchObject({ occupations: { created: 0, updated: 3 }, relations: { total: 10 } });
    expect(await count('occupations')).toBe(3);
    expect(await count('occupation_skills')).toBe(10);
  });

  it('replaces the skills of an occupation the relations file names, and only those', async () => {
    const onlyOne =
      'occupationUri,relationType,skillType,skillUri\nhttp://data.example/esco/occupation/b2000003,essential,skill/competence,http://data.example/esco/skill/a1000008\n';
    const res = await post(url(), { frameworkName: 'ESCO', relationsCsv: onlyOne });
    expect(res.statusCode).toBe(200);
    expect(await count('occupation_skills')).toBe(9);
    await post(url(), { frameworkName: 'ESCO', relationsCsv });
    expect(await count('occupation_skills')).toBe(10);
  });

  it('checks the files line by line before writing', async () => {
    const res = await post(url(), {
      frameworkName: 'ESCO',
      occupationsCsv: 'conceptType,conceptUri,preferredLabel\nKnowledgeSkillCompetence,http://data.example/x,lead\n',
      relationsCsv: 'occupationUri,relationType,skillUri\nhttp://data.example/o,sometimes,http://data.example/s\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'occupations.line.2.conceptType',
      'relations.line.2.relationType',
    ]);
  });
});

describe('occupations API', () => {
  it('searches by title, other label or code, for anyone', async () => {
    const byTitle = await get('/api/v1/skills/occupations?q=analyst');
    expect(byTitle.statusCode).toBe(200);
    expect(byTitle.json().items[0]).toEqual({
      id: expect.any(String),
      uri: 'http://data.example/esco/occupation/b2000001',
      title: 'data analyst',
      code: '2511.4',
    });
    const byAltLabel = await get('/api/v1/skills/occupations?q=freight');
    expect(byAltLabel.json().items.map((o: { title: string }) => o.title)).toEqual(['logistics coordinator']);
    const byCode = await get('/api/v1/skills/occupations?q=4321.1');
    expect(byCode.json().items[0].title).toBe('warehouse clerk');
    const all = await get('/api/v1/skills/occupations?limit=2');
    expect(all.json().items).toHaveLength(2);
  });

  it('gives one occupation with its skills, essential first', async () => {
    const [analyst] = (await get('/api/v1/skills/occupations?q=analyst')).json().items;
    const res = await get(`/api/v1/skills/occupations/${analyst.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: analyst.id, title: 'data analyst', uri: analyst.uri });
    expect(body.description).toContain('business goals');
    expect(body.skills.map((s: { name: string; relation: string }) => `${s.relation}:${s.name}`)).toEqual([
      'essential:analyse big data',
      'essential:perform data cleansing',
      'essential:statistics',
      'optional:deliver visual presentation of data',
      'optional:query languages',
    ]);
    const missing = await get('/api/v1/skills/occupations/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('keeps the occupations of a non-ESCO framework to its organisation', async () => {
    const other = await signUpUser(t.app);
    const otherOrg = await createOrg(t.app, other, { roles: ['provider'] });
    const custom = await post(
      `/api/v1/orgs/${otherOrg.slug}/skill-frameworks/import`,
      { csv: 'code,name,uri\nK1,secret craft,http://data.example/k/1\n', frameworkName: 'House' },
      other,
    );
    expect(custom.json().framework.source).toBe('custom');
    const imported = await post(
      `/api/v1/orgs/${otherOrg.slug}/skill-frameworks/import/occupations`,
      {
        frameworkName: 'House',
        occupationsCsv: 'conceptUri,preferredLabel,code\nhttp://data.example/o/1,house artisan,9999.1\n',
        relationsCsv:
          'occupationUri,relationType,skillUri\nhttp://data.example/o/1,essential,http://data.example/k/1\n',
      },
      other,
    );
    expect(imported.statusCode).toBe(200);
    const asMember = (await get('/api/v1/skills/occupations?q=artisan', other)).json().items;
    expect(asMember.map((o: { title: string }) => o.title)).toEqual(['house artisan']);
    expect((await get('/api/v1/skills/occupations?q=artisan', learner)).json().items).toEqual([]);
    expect((await get(`/api/v1/skills/occupations/${asMember[0].id}`, learner)).statusCode).toBe(404);
  });

  it('lists an ESCO occupation two organisations imported once', async () => {
    const other = await signUpUser(t.app);
    const otherOrg = await createOrg(t.app, other, { roles: ['provider'] });
    await post(
      `/api/v1/orgs/${otherOrg.slug}/skill-frameworks/import`,
      { csv: skillsCsv, frameworkName: 'ESCO' },
      other,
    );
    const res = await post(
      `/api/v1/orgs/${otherOrg.slug}/skill-frameworks/import/occupations`,
      { frameworkName: 'ESCO', occupationsCsv },
      other,
    );
    expect(res.statusCode).toBe(200);
    const items = (await get('/api/v1/skills/occupations?q=data%20analyst', learner)).json().items;
    expect(items.filter((o: { uri: string }) => o.uri.endsWith('b2000001'))).toHaveLength(1);
  });
});

describe('a goal started from an occupation', () => {
  it('takes the essential skills and the occupation’s title', async () => {
    const [analyst] = (await get('/api/v1/skills/occupations?q=analyst')).json().items;
    const res = await post('/api/v1/me/goals', { kind: 'skills', occupationId: analyst.id }, learner);
    expect(res.statusCode).toBe(201);
    const goals = (await get('/api/v1/me/goals', learner)).json();
    const goal = goals.find((g: { id: string }) => g.id === res.json().id);
    const detail = (await get(`/api/v1/skills/occupations/${analyst.id}`)).json();
    const essential = detail.skills
      .filter((s: { relation: string }) => s.relation === 'essential')
      .map((s: { skillId: string }) => s.skillId);
    expect(goal).toMatchObject({ kind: 'skills', title: 'data analyst', occupationId: analyst.id });
    expect([...goal.skillIds].sort()).toEqual([...essential].sort());
  });

  it('keeps the skills the learner chose from it', async () => {
    const [analyst] = (await get('/api/v1/skills/occupations?q=analyst')).json().items;
    const detail = (await get(`/api/v1/skills/occupations/${analyst.id}`)).json();
    const chosen = [detail.skills[0].skillId, detail.skills[4].skillId];
    const res = await post('/api/v1/me/goals', { kind: 'skills', ref: chosen, occupationId: analyst.id }, learner);
    expect(res.statusCode).toBe(201);
    const goal = (await get('/api/v1/me/goals', learner)).json().find((g: { id: string }) => g.id === res.json().id);
    expect(goal).toMatchObject({ title: 'data analyst', skillIds: chosen });
  });

  it('refuses an occupation on a role goal and one that is not there', async () => {
    const [analyst] = (await get('/api/v1/skills/occupations?q=analyst')).json().items;
    const role = await post(
      '/api/v1/me/goals',
      { kind: 'role', ref: '00000000-0000-4000-8000-000000000000', occupationId: analyst.id },
      learner,
    );
    expect(role.statusCode).toBe(400);
    const missing = await post(
      '/api/v1/me/goals',
      { kind: 'skills', occupationId: '00000000-0000-4000-8000-000000000000' },
      learner,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('occupationId');
  });
});
