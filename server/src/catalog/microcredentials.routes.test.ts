import { sql } from 'kysely';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import * as rasteriseStoredSvgs from '../db/migrations/20261206_0011_rasterise_svg_images.js';
import { createProgramme, sampleAssignment, sampleQuiz, starterSkillIds } from './catalog-test-helpers.js';

const t = useTestApp();
let owner: TestUser;
let author: TestUser;
let org: { slug: string; id: string };
let partner: { id: string; slug: string };
let skills: { id: string; name: string }[];

beforeAll(async () => {
  owner = await signUpUser(t.app);
  org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Northwind Academy' });
  author = await signUpUser(t.app);
  await addMember(t.app, owner, org.slug, author, 'author');
  partner = await createOrg(t.app, await signUpUser(t.app), { roles: ['partner'], name: 'Atlas Industry Alliance' });
  skills = await starterSkillIds(t.app, 'data visualisation', 2);
});

const api = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  user: TestUser = author,
) => t.app.inject({ method, url, headers: { cookie: user.cookie }, ...(payload ? { payload } : {}) });
const base = () => `/api/v1/orgs/${org.slug}/microcredentials`;
const versionCount = async () =>
  (
    await t.database.db
      .selectFrom('microcredential_versions')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('authoring a micro-credential', () => {
  it('creates a draft, edits it, adds, changes, reorders and removes modules', async () => {
    const created = await api('POST', base(), {
      slug: 'data-storytelling',
      title: 'Data Storytelling',
      cost: { amountMinor: 4900, currency: 'EUR' },
    });
    expect(created.statusCode).toBe(201);
    const mc = created.json();
    expect(mc).toMatchObject({
      slug: 'data-storytelling',
      status: 'draft',
      current: {
        versionNumber: 1,
        status: 'draft',
        title: 'Data Storytelling',
        cost: { amountMinor: 4900, currency: 'EUR' },
      },
    });
    const v = `${base()}/${mc.id}/versions/${mc.current.id}`;

    const patched = await api('PATCH', v, {
      summary: 'Tell stories with data.',
      outcomes: ['Build a narrative'],
      skillIds: skills.map((s) => s.id),
      partnerOrgIds: [partner.id],
      level: 5,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      summary: 'Tell stories with data.',
      level: 5,
      partners: [{ slug: partner.slug }],
      skills: skills.map((s) => ({ id: s.id, name: s.name })),
    });

    const m1 = (
      await api('POST', `${v}/modules`, {
        title: 'Why stories',
        content: '# Hello',
        estimatedMinutes: 20,
        links: [{ url: 'https://video.example.com/watch/1', kind: 'video' }],
      })
    ).json();
    const m2res = await api('POST', `${v}/modules`, {
      title: 'Check yourself',
      estimatedMinutes: 15,
      activity: sampleQuiz,
    });
    expect(m2res.statusCode).toBe(201);
    const m2 = m2res.json();
    expect(m2.position).toBe(2);
    expect(m2.activity.questions[0].id).toEqual(expect.any(String));
    expect(m2.activity.questions[0].options[0]).toMatchObject({ id: expect.any(String), isCorrect: true });
    const m3 = (
      await api('POST', `${v}/modules`, { title: 'Your brief', estimatedMinutes: 60, activity: sampleAssignment })
    ).json();

    const reordered = await api('PUT', `${v}/modules/order`, { moduleIds: [m3.id, m1.id, m2.id] });
    expect(reordered.json().items.map((m: { title: string }) => m.title)).toEqual([
      'Your brief',
      'Why stories',
      'Check yourself',
    ]);
    const changed = await api('PATCH', `${v}/modules/${m1.id}`, { title: 'Why stories matter' });
    expect(changed.json()).toMatchObject({ title: 'Why stories matter', position: 2 });
    expect((await api('DELETE', `${v}/modules/${m3.id}`)).statusCode).toBe(204);
    const after = (await api('GET', v)).json();
    expect(after.modules.map((m: { title: string; position: number }) => [m.position, m.title])).toEqual([
      [1, 'Why stories matter'],
      [2, 'Check yourself'],
    ]);

    const list = await api('GET', `${base()}?status=draft`);
    expect(list.json().items.map((i: { slug: string }) => i.slug)).toContain('data-storytelling');
  });

  it('validates input by field: https links, quiz answers, currency, partners, skills', async () => {
    const mc = (await api('POST', base(), { slug: 'validation-case', title: 'Validation case' })).json();
    const v = `${base()}/${mc.id}/versions/${mc.current.id}`;
    const badLink = await api('POST', `${v}/modules`, {
      title: 'M',
      estimatedMinutes: 5,
      links: [{ url: 'http://insecure.example.com/' }],
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().errors[0].field).toBe('links.0.url');
    const twoCorrect = {
      ...sampleQuiz,
      questions: [
        {
          kind: 'single',
          prompt: 'Pick',
          options: [
            { text: 'a', isCorrect: true },
            { text: 'b', isCorrect: true },
          ],
        },
      ],
    };
    const badQuiz = await api('POST', `${v}/modules`, { title: 'M', estimatedMinutes: 5, activity: twoCorrect });
    expect(badQuiz.statusCode).toBe(400);
    expect(badQuiz.json().errors[0].field).toBe('activity.questions.0.options');
    const badFields = await api('PATCH', v, { cost: { amountMinor: 100, currency: 'XYZ' }, language: 'not a tag' });
    expect(
      badFields
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['cost.currency', 'language']);
    const notPartner = await api('PATCH', v, {
      partnerOrgIds: [org.id],
      skillIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(notPartner.statusCode).toBe(400);
    expect(
      notPartner
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['partnerOrgIds.0', 'skillIds.0']);
    const unknownField = await api('PATCH', v, { colour: 'red' });
    expect(unknownField.json().errors[0]).toMatchObject({ field: 'colour' });
    const taken = await api('POST', base(), { slug: 'validation-case', title: 'Again' });
    expect(taken.statusCode).toBe(409);
  });

  it('refuses to publish an incomplete draft, listing what is missing by field', async () => {
    const mc = (await api('POST', base(), { slug: 'incomplete', title: 'Incomplete' })).json();
    const res = await api('POST', `${base()}/${mc.id}/versions/${mc.current.id}/publish`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'summary',
      'description',
      'outcomes',
      'skillIds',
      'level',
      'effortHours',
      'durationWeeks',
      'format',
      'language',
      'criteriaNarrative',
      'passMark',
      'modules',
    ]);
    expect(res.json().detail).toMatch(/Still missing: summary, description/);
  });

  it('freezes a published version: edits answer 409; a new draft copies it with its modules', async () => {
    const p = await createProgramme(
      t.app,
      author,
      org.slug,
      { slug: 'frozen-one', title: 'Frozen One', skillIds: [skills[0]!.id] },
      { modules: [{ title: 'Only', estimatedMinutes: 10, activity: sampleQuiz }] },
    );
    const v = `${base()}/${p.id}/versions/${p.versionId}`;
    const before = await versionCount();
    const edit = await api('PATCH', v, { title: 'Changed' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/Create a new draft/);
    expect((await api('POST', `${v}/modules`, { title: 'More', estimatedMinutes: 5 })).statusCode).toBe(409);
    expect((await api('POST', `${v}/publish`, {})).statusCode).toBe(409);
    expect(await versionCount()).toBe(before);

    const listedBefore = (
      await t.app.inject({ method: 'GET', url: `/api/v1/catalog?provider=${org.slug}&pageSize=100` })
    ).json();
    expect(listedBefore.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({ title: 'Frozen One' });
    const draft = await api('POST', `${base()}/${p.id}/drafts`, {});
    expect(draft.statusCode).toBe(201);
    const d = draft.json();
    expect(d).toMatchObject({
      versionNumber: 2,
      status: 'draft',
      title: 'Frozen One',
      skills: [{ id: skills[0]!.id }],
    });
    expect(d.modules).toHaveLength(1);
    expect(d.modules[0].activity.questions[0].id).toBeDefined();
    expect((await api('POST', `${base()}/${p.id}/drafts`, {})).statusCode).toBe(409);
    const renamed = await api('PATCH', `${base()}/${p.id}/versions/${d.id}`, { title: 'Frozen One, revised' });
    expect(renamed.statusCode).toBe(200);
    const original = (await api('GET', v)).json();
    expect(original.title).toBe('Frozen One');
    const mc = (await api('GET', `${base()}/${p.id}`)).json();
    expect(mc).toMatchObject({ status: 'published_with_draft', current: { versionNumber: 2 } });
    expect(mc.versions.map((x: { versionNumber: number; status: string }) => [x.versionNumber, x.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);

    const published2 = await api('POST', `${base()}/${p.id}/versions/${d.id}/publish`, {});
    expect(published2.statusCode).toBe(200);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/${org.slug}/frozen-one` });
    const listedAfter = (
      await t.app.inject({ method: 'GET', url: `/api/v1/catalog?provider=${org.slug}&pageSize=100` })
    ).json();
    expect(listedAfter.total).toBe(listedBefore.total);
    expect(listedAfter.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({
      title: 'Frozen One, revised',
    });
    expect(page.json()).toMatchObject({ versionNumber: 2, title: 'Frozen One, revised' });
    const oldAchievement = await t.app.inject({ method: 'GET', url: `/achievements/${p.versionId}` });
    expect(oldAchievement.json()).toMatchObject({ name: 'Frozen One', version: '1' });
  });

  it('serves the Achievement of a published version publicly, and not of a draft', async () => {
    const p = await createProgramme(t.app, author, org.slug, {
      slug: 'achievement-case',
      title: 'Achievement Case',
      skillIds: skills.map((s) => s.id),
    });
    const res = await t.app.inject({ method: 'GET', url: `/achievements/${p.versionId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: `http://cairn.test/achievements/${p.versionId}`,
      achievementType: 'MicroCredential',
      creator: { name: 'Northwind Academy' },
    });
    const draft = await createProgramme(
      t.app,
      author,
      org.slug,
      { slug: 'achievement-draft', title: 'Draft' },
      { publish: false },
    );
    expect((await t.app.inject({ method: 'GET', url: `/achievements/${draft.versionId}` })).statusCode).toBe(404);
  });
});

describe('who may author', () => {
  it('gives an author of another provider 404 for this one’s programme, and writes nothing', async () => {
    const p = await createProgramme(t.app, author, org.slug, { slug: 'guarded', title: 'Guarded' }, { publish: false });
    const rivalOwner = await signUpUser(t.app);
    const rival = await createOrg(t.app, rivalOwner, { roles: ['provider'] });
    const viaOwnOrg = await api(
      'PATCH',
      `/api/v1/orgs/${rival.slug}/microcredentials/${p.id}/versions/${p.versionId}`,
      { title: 'Hijacked' },
      rivalOwner,
    );
    expect(viaOwnOrg.statusCode).toBe(404);
    const viaTheirs = await api(
      'PATCH',
      `${base()}/${p.id}/versions/${p.versionId}`,
      { title: 'Hijacked' },
      rivalOwner,
    );
    expect(viaTheirs.statusCode).toBe(404);
    const publish = await api(
      'POST',
      `/api/v1/orgs/${rival.slug}/microcredentials/${p.id}/versions/${p.versionId}/publish`,
      {},
      rivalOwner,
    );
    expect(publish.statusCode).toBe(404);
    const row = await t.database.db
      .selectFrom('microcredential_versions')
      .select(['title', 'status'])
      .where('id', '=', p.versionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Guarded', status: 'draft' });
  });

  it('refuses a non-provider organisation and roles that do not author', async () => {
    const employerOwner = await signUpUser(t.app);
    const employer = await createOrg(t.app, employerOwner, { roles: ['employer'] });
    const res = await api(
      'POST',
      `/api/v1/orgs/${employer.slug}/microcredentials`,
      { slug: 'not-allowed', title: 'Nope' },
      employerOwner,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/not a provider/);
    const viewer = await signUpUser(t.app);
    await addMember(t.app, owner, org.slug, viewer, 'viewer');
    expect((await api('POST', base(), { slug: 'viewer-try', title: 'Nope' }, viewer)).statusCode).toBe(403);
    expect((await api('GET', base(), undefined, viewer)).statusCode).toBe(200);
  });

  it('lets an API key with the author role create programmes', async () => {
    const key = await createApiKey(t.app, owner, org.slug, 'author');
    const res = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: { authorization: `Bearer ${key.token}` },
      payload: { slug: 'by-machine', title: 'By machine' },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('programme images', () => {
  const upload = (bytes: Buffer, filename: string, type: string, user: TestUser = author) => {
    const boundary = 'imgboundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/images`,
      headers: {
        cookie: user.cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-cairn-csrf': '1',
      },
      payload,
    });
  };
  const png = (size: number) =>
    sharp({ create: { width: size, height: size, channels: 3, background: '#2f6f4e' } })
      .png()
      .toBuffer();

  it('accepts a PNG, scales it to fit 1024 px and serves it', async () => {
    const res = await upload(await png(1500), 'badge.png', 'image/png');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mediaType: 'image/png', width: 1024, height: 1024 });
    const served = await t.app.inject({ method: 'GET', url: new URL(res.json().url as string).pathname });
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('rejects an upload that lies about its type', async () => {
    const jpeg = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const res = await upload(jpeg, 'badge.png', 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/says it is PNG but its content is JPEG/);
    const text = await upload(Buffer.from('<html>not an image</html>'), 'badge.png', 'image/png');
    expect(text.statusCode).toBe(400);
    expect((await upload(Buffer.from('GIF89a'), 'x.gif', 'image/gif')).statusCode).toBe(415);
  });

  it('stores an SVG logo as a PNG that displays, and a scripted SVG as an inert PNG', async () => {
    const clean =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="80" fill="#2f6f4e"/></svg>';
    const ok = await upload(Buffer.from(clean), 'badge.svg', 'image/svg+xml');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ mediaType: 'image/png', width: 1024, height: 1024 });
    const served = await t.app.inject({ method: 'GET', url: new URL(ok.json().url as string).pathname });
    expect(served.headers['content-type']).toBe('image/png');
    const { data, info } = await sharp(served.rawPayload).raw().toBuffer({ resolveWithObject: true });
    const centre = (512 * info.width + 512) * info.channels;
    expect([...data.subarray(centre, centre + 3)]).toEqual([0x2f, 0x6f, 0x4e]);

    const scripted = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><a><set attributeName="href" to="&#106;avascript:alert(1)"/><circle cx="100" cy="100" r="80" onload="alert(2)"/></a><script>alert(3)</script></svg>`;
    const stored = await upload(Buffer.from(scripted), 'badge.svg', 'image/svg+xml');
    expect(stored.statusCode).toBe(201);
    const file = await t.database.db
      .selectFrom('media_files')
      .select(['media_type', 'bytes'])
      .where('id', '=', stored.json().id as string)
      .executeTakeFirstOrThrow();
    expect(file.media_type).toBe('image/png');
    expect(Buffer.from(file.bytes).toString('latin1')).not.toMatch(/script|alert|javascript|<svg/i);
  });

  it('converts SVGs stored before rasterising (the migration) into PNGs at the same id', async () => {
    const insert = (svg: string) =>
      t.database.db
        .insertInto('media_files')
        .values({
          org_id: org.id,
          media_type: 'image/svg+xml',
          bytes: Buffer.from(svg),
          byte_size: svg.length,
          width: 200,
          height: 200,
          sha256: 'x',
          original_name: 'old.svg',
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const old = await insert(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="80" fill="#2f6f4e"/><script>alert(1)</script></svg>',
    );
    const broken = await insert('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle');
    await rasteriseStoredSvgs.up(t.database.db as never);
    for (const { id } of [old, broken]) {
      const served = await t.app.inject({ method: 'GET', url: `/api/v1/images/${id}` });
      expect(served.headers['content-type']).toBe('image/png');
      expect((await sharp(served.rawPayload).metadata()).format).toBe('png');
    }
    const row = await t.database.db
      .selectFrom('media_files')
      .select(['width', 'sha256'])
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ width: 1024, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses an image over 5 MB', async () => {
    const big = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(5 * 1024 * 1024 + 10),
    ]);
    expect((await upload(big, 'big.png', 'image/png')).statusCode).toBe(413);
  });

  it('uses an uploaded image in the draft and the Achievement', async () => {
    const image = (await upload(await png(256), 'b.png', 'image/png')).json();
    const p = await createProgramme(t.app, author, org.slug, {
      slug: 'with-image',
      title: 'With image',
      imageFileId: image.id,
      skillIds: [skills[0]!.id],
    });
    const achievement = (await t.app.inject({ method: 'GET', url: `/achievements/${p.versionId}` })).json();
    expect(achievement.image).toEqual({ id: image.url, type: 'Image', caption: 'With image' });
  });
});
