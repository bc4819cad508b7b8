import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme } from '../catalog/catalog-test-helpers.js';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

/**
 * Trojan Source: names, titles and descriptions copied into signed credentials refuse bidi
 * controls and invisible characters with a 400 problem naming the field and the code point,
 * and nothing is written.
 */
const t = useTestApp();
let owner: TestUser;
let org: { slug: string; id: string; name: string };

const RLO = '\u202E';
const ZWSP = '\u200B';

beforeAll(async () => {
  owner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Northwind Academy' });
});

const send = (
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload: object,
  headers: Record<string, string> = { cookie: owner.cookie },
) => t.app.inject({ method, url, headers, payload });
const count = async (
  table:
    'organizations' | 'microcredentials' | 'pathways' | 'credentials' | 'skill_frameworks' | 'microcredential_modules',
) =>
  (
    await t.database.db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

/** Asserts a 400 problem+json whose errors name `field` and the character's code point. */
function expectRefused(
  res: { statusCode: number; headers: Record<string, unknown>; json(): any },
  field: string,
  codePoint: string,
) {
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.detail).toContain(field);
  expect(body.errors).toContainEqual({
    field,
    message: expect.stringMatching(
      new RegExp(`invisible or direction-changing character.*\\(${codePoint.replace('+', '\\+')}\\); remove it`),
    ),
  });
}

describe('organisation names', () => {
  it('refuses a bidi override on create and rename, and keeps the name unchanged', async () => {
    const before = await count('organizations');
    expectRefused(
      await send('POST', '/api/v1/orgs', { name: `Northwind ${RLO}ymedacA`, slug: unique('org'), roles: ['provider'] }),
      'name',
      'U+202E',
    );
    expect(await count('organizations')).toBe(before);
    expectRefused(
      await send('PATCH', `/api/v1/orgs/${org.slug}`, { name: `North${ZWSP}wind Academy` }),
      'name',
      'U+200B',
    );
    const now = await t.database.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(now.name).toBe('Northwind Academy');
  });

  it('still accepts names in any script', async () => {
    const res = await send('POST', '/api/v1/orgs', {
      name: 'Академия Норд — أكاديمية الشمال',
      slug: unique('org'),
      roles: ['provider'],
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('micro-credential titles and text', () => {
  const base = () => `/api/v1/orgs/${org.slug}/microcredentials`;

  it('refuses hidden characters in the title, summary, outcomes and criteria of a draft', async () => {
    const before = await count('microcredentials');
    expectRefused(await send('POST', base(), { slug: unique('mc'), title: `Data ${RLO}ycaretiL` }), 'title', 'U+202E');
    expect(await count('microcredentials')).toBe(before);

    const p = await createProgramme(
      t.app,
      owner,
      org.slug,
      { slug: unique('mc'), title: 'Data Literacy' },
      { publish: false },
    );
    const draft = `${base()}/${p.id}/versions/${p.versionId}`;
    expectRefused(await send('PATCH', draft, { summary: `Learn data${'\u2066'}.` }), 'summary', 'U+2066');
    expectRefused(
      await send('PATCH', draft, { outcomes: ['Read charts', `Tell${'\uFEFF'}stories`] }),
      'outcomes.1',
      'U+FEFF',
    );
    expectRefused(
      await send('PATCH', draft, { criteriaNarrative: `Pass the quiz.\n${'\u200F'}Then the assignment.` }),
      'criteriaNarrative',
      'U+200F',
    );
    // Multi-line text keeps its line breaks.
    expect(
      (await send('PATCH', draft, { criteriaNarrative: 'Pass the quiz.\n\nThen the assignment.' })).statusCode,
    ).toBe(200);
  });

  it('refuses them in module titles, which become result descriptions', async () => {
    const p = await createProgramme(
      t.app,
      owner,
      org.slug,
      { slug: unique('mc'), title: 'Modules' },
      { publish: false },
    );
    const before = await count('microcredential_modules');
    const res = await send('POST', `${base()}/${p.id}/versions/${p.versionId}/modules`, {
      title: `Quiz ${'\u061C'}one`,
      content: '',
      estimatedMinutes: 10,
    });
    expectRefused(res, 'title', 'U+061C');
    expect(await count('microcredential_modules')).toBe(before);
  });
});

describe('pathway names', () => {
  const tree = { type: 'all', children: [{ type: 'minCpdHours', hours: 10 }] };

  it('refuses hidden characters in the name, description, criteria and requirement titles', async () => {
    const url = `/api/v1/orgs/${org.slug}/pathways`;
    const before = await count('pathways');
    expectRefused(
      await send('POST', url, { slug: unique('pw'), name: `Data ${'\u202D'}Analyst`, tree }),
      'name',
      'U+202D',
    );
    expectRefused(
      await send('POST', url, { slug: unique('pw'), name: 'Data Analyst', description: `Two\u2028lines`, tree }),
      'description',
      'U+2028',
    );
    expectRefused(
      await send('POST', url, {
        slug: unique('pw'),
        name: 'Data Analyst',
        criteriaNarrative: `Earn ${'\u2067'}all`,
        tree,
      }),
      'criteriaNarrative',
      'U+2067',
    );
    expectRefused(
      await send('POST', url, {
        slug: unique('pw'),
        name: 'Data Analyst',
        tree: { type: 'all', title: `Core${'\u2060'}`, children: tree.children },
      }),
      'tree.title',
      'U+2060',
    );
    const external = {
      type: 'achievement',
      ref: {
        kind: 'external',
        achievementId: 'https://example.org/a/1',
        issuerDids: ['did:web:example.org'],
        name: `Partner ${'\u200D'}badge`,
      },
    };
    expectRefused(
      await send('POST', url, {
        slug: unique('pw'),
        name: 'Data Analyst',
        tree: { type: 'all', children: [external] },
      }),
      'tree.children.0.ref.name',
      'U+200D',
    );
    expect(await count('pathways')).toBe(before);
    expect(
      (await send('POST', url, { slug: unique('pw'), name: 'Data Analyst', description: 'Line one\nLine two', tree }))
        .statusCode,
    ).toBe(201);
  });
});

describe('credentials issued by hand', () => {
  it('refuses hidden characters anywhere in the credential sent to be signed, at their path', async () => {
    const { token } = await createApiKey(t.app, owner, org.slug, 'author');
    const before = await count('credentials');
    const credential = sampleCredential();
    (credential.credentialSubject.achievement as Record<string, unknown>).name = `Data ${RLO}ycaretiL`;
    const vcApi = await send('POST', '/credentials/issue', { credential }, { authorization: `Bearer ${token}` });
    expectRefused(vcApi, 'credential.credentialSubject.achievement.name', 'U+202E');
    const byOrg = await send('POST', `/api/v1/orgs/${org.slug}/credentials`, {
      credential: sampleCredential({ description: `Awarded${'\u206F'}.` }),
    });
    expectRefused(byOrg, 'credential.description', 'U+206F');
    expect(await count('credentials')).toBe(before);
    // A multi-line description is fine.
    const ok = await send('POST', `/api/v1/orgs/${org.slug}/credentials`, {
      credential: sampleCredential({ description: 'Awarded for\nthe final project.' }),
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('skill names', () => {
  const url = () => `/api/v1/orgs/${org.slug}/skill-frameworks/import`;

  it('refuses a framework name with a hidden character', async () => {
    const before = await count('skill_frameworks');
    expectRefused(
      await send('POST', url(), { csv: 'code,name\nS1,Forklift driving\n', frameworkName: `Logistics${RLO}` }),
      'frameworkName',
      'U+202E',
    );
    expect(await count('skill_frameworks')).toBe(before);
  });

  it('lists each CSV row whose name or description hides a character, by line and column, and imports nothing', async () => {
    const before = await count('skill_frameworks');
    const csv = `code,name,description\nS1,Forklift ${RLO}gnivird,Drives safely.\nS2,Loading,"Loads\n${ZWSP}trucks."\nS3,Routing,"Plans routes.\nTwo lines are fine."\n`;
    const preview = (await send('POST', `${url()}/preview`, { csv })).json();
    expect(preview.isValid).toBe(false);
    expect(preview.errors).toEqual([
      { line: 2, field: 'name', message: expect.stringContaining('(U+202E)') },
      { line: 3, field: 'description', message: expect.stringContaining('(U+200B)') },
    ]);
    const res = await send('POST', url(), { csv, frameworkName: 'Logistics' });
    expect(res.statusCode).toBe(400);
    expect(await count('skill_frameworks')).toBe(before);
  });
});
