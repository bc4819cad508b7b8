import { beforeAll, describe, expect, it } from 'vitest';
import { loadSharp } from '../catalog/images.js';
import { signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let pngPhoto: Buffer;
let jpegPhoto: Buffer;

beforeAll(async () => {
  const sharp = await loadSharp();
  const canvas = { create: { width: 1600, height: 800, channels: 3 as const, background: '#2a7' } };
  pngPhoto = await sharp(canvas).png().toBuffer();
  jpegPhoto = await sharp({ create: { ...canvas.create, width: 200, height: 200 } })
    .jpeg()
    .toBuffer();
});

const get = (url: string, who?: TestUser) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

function putPhoto(who: TestUser, bytes: Buffer | null, filename = 'me.png', contentType = 'image/png') {
  const boundary = '----cairn-photo-boundary';
  const parts = bytes
    ? [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
        ),
        bytes,
        Buffer.from('\r\n'),
      ]
    : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nno file\r\n`)];
  return t.app.inject({
    method: 'PUT',
    url: '/api/v1/me/profile/photo',
    headers: { cookie: who.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' },
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
  });
}

function saveProfile(who: TestUser, handle: string, values: { isPublic: boolean; isCpdShown?: boolean }) {
  return t.app.inject({
    method: 'PUT',
    url: '/api/v1/me/profile',
    headers: { cookie: who.cookie },
    payload: { handle, isNameShown: false, headline: '', credentialIds: [], ...values },
  });
}

async function profileShareToken(who: TestUser): Promise<string> {
  const link = await t.app.inject({
    method: 'POST',
    url: '/api/v1/me/share-links',
    headers: { cookie: who.cookie },
    payload: { credentialId: null },
  });
  expect(link.statusCode).toBe(201);
  return new URL(link.json<{ url: string }>().url).pathname.split('/').pop()!;
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

describe('profile photo', () => {
  it('is set, served only where the profile may be seen, and removed', async () => {
    const lena = await signUpUser(t.app, { name: 'Lena Photo' });
    const stranger = await signUpUser(t.app, { name: 'Sam Stranger' });
    // No profile yet: nothing to attach it to.
    expect((await putPhoto(lena, pngPhoto)).statusCode).toBe(409);
    expect((await saveProfile(lena, 'lena-photo', { isPublic: false })).statusCode).toBe(200);

    const set = await putPhoto(lena, pngPhoto);
    expect(set.statusCode, set.body).toBe(200);
    const photoUrl = set.json<{ photoUrl: string | null }>().photoUrl;
    expect(photoUrl).toMatch(/\/api\/v1\/profiles\/lena-photo\/photo\?v=\d+$/);
    expect((await get('/api/v1/me/profile', lena)).json()).toMatchObject({ photoUrl });

    // The owner sees it, scaled down and re-encoded by the image pipeline.
    const own = await get(pathOf(photoUrl!), lena);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['cache-control']).toBe('private, no-cache');
    const meta = await (await loadSharp())(own.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([1024, 512]);

    // Private: neither the photo nor its URL reaches anyone else.
    expect((await get(pathOf(photoUrl!))).statusCode).toBe(404);
    expect((await get(pathOf(photoUrl!), stranger)).statusCode).toBe(404);
    expect((await get('/api/v1/profiles/lena-photo')).statusCode).toBe(404);
    expect((await get('/api/v1/profiles/lena-photo/photo?share=not-a-real-token')).statusCode).toBe(404);

    // A live profile link opens the profile, and its photo URL carries the token.
    const token = await profileShareToken(lena);
    const shared = (await get(`/api/v1/profiles/lena-photo?share=${token}`)).json<{ photoUrl: string }>();
    expect(shared.photoUrl).toContain(`share=${token}`);
    expect((await get(pathOf(shared.photoUrl))).statusCode).toBe(200);

    // Public: anyone sees it.
    await saveProfile(lena, 'lena-photo', { isPublic: true });
    expect((await get('/api/v1/profiles/lena-photo')).json()).toMatchObject({ photoUrl });
    expect((await get(pathOf(photoUrl!))).statusCode).toBe(200);

    // Replaced by a JPEG, then removed.
    const jpeg = await putPhoto(lena, jpegPhoto, 'me.jpg', 'image/jpeg');
    expect(jpeg.statusCode).toBe(200);
    expect((await get(pathOf(jpeg.json<{ photoUrl: string }>().photoUrl))).headers['content-type']).toBe('image/jpeg');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/profile/photo',
      headers: { cookie: lena.cookie },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ photoUrl: null });
    expect((await get('/api/v1/profiles/lena-photo')).json()).toMatchObject({ photoUrl: null });
    expect((await get('/api/v1/profiles/lena-photo/photo')).statusCode).toBe(404);
  });

  it('refuses what is not a PNG or JPEG photo, and keeps the photo it had', async () => {
    const ana = await signUpUser(t.app, { name: 'Ana Refused' });
    await saveProfile(ana, 'ana-refused', { isPublic: true });
    expect((await putPhoto(ana, pngPhoto)).statusCode).toBe(200);
    const before = (await get('/api/v1/profiles/ana-refused/photo')).rawPayload;

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg>');
    expect((await putPhoto(ana, svg, 'me.svg', 'image/svg+xml')).statusCode).toBe(415);
    const disguised = await putPhoto(ana, jpegPhoto, 'me.png', 'image/png');
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json()).toMatchObject({ errors: [{ field: 'file' }] });
    expect((await putPhoto(ana, Buffer.from('GIF89a....'), 'me.gif', 'image/gif')).statusCode).toBe(415);
    const none = await putPhoto(ana, null);
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ errors: [{ field: 'file' }] });
    const json = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile/photo',
      headers: { cookie: ana.cookie },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect((await get('/api/v1/profiles/ana-refused/photo')).rawPayload.equals(before)).toBe(true);
    // Signed out: no photo to set.
    const anonymous = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/profile/photo' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('CPD summary on the profile', () => {
  it('is off by default, shown only once chosen, as totals the CPD record counts, and never through a private profile', async () => {
    const cam = await signUpUser(t.app, { name: 'Cam Cpd' });
    const headers = { cookie: cam.cookie };
    expect((await saveProfile(cam, 'cam-cpd', { isPublic: true })).json()).toMatchObject({ isCpdShown: false });
    expect((await get('/api/v1/profiles/cam-cpd')).json()).toMatchObject({ cpd: null });

    const scheme = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/cpd/scheme',
      headers,
      payload: { preset: 'general-30' },
    });
    expect(scheme.statusCode).toBe(200);
    const logged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/cpd/entries',
      headers,
      payload: {
        date: t.clock.now.toISOString().slice(0, 10),
        title: 'Secret workshop title',
        hours: 6,
        category: 'structured',
        learned: 'A private reflection',
        application: 'Another private note',
      },
    });
    expect(logged.statusCode).toBe(201);
    // Logging CPD does not publish it.
    expect((await get('/api/v1/profiles/cam-cpd')).json()).toMatchObject({ cpd: null });

    expect((await saveProfile(cam, 'cam-cpd', { isPublic: true, isCpdShown: true })).json()).toMatchObject({
      isCpdShown: true,
    });
    const record = (await get('/api/v1/me/cpd', cam)).json<{
      target: number;
      done: number;
      period: { label: string };
      byCategory: { category: string; counted: number }[];
    }>();
    const shown = await get('/api/v1/profiles/cam-cpd');
    expect(shown.json().cpd).toEqual({
      schemeName: expect.any(String),
      unit: 'hours',
      period: expect.objectContaining({ label: record.period.label }),
      target: record.target,
      done: record.done,
      isMet: record.done >= record.target,
      byCategory: record.byCategory.map((c) => ({ category: c.category, counted: c.counted })),
    });
    expect(shown.json().cpd.done).toBe(6);
    // Totals only: no entry, title or reflection.
    expect(shown.body).not.toMatch(/Secret workshop|private reflection|private note/);

    // A save that leaves the switch out keeps the choice.
    await saveProfile(cam, 'cam-cpd', { isPublic: true });
    expect((await get('/api/v1/profiles/cam-cpd')).json().cpd).not.toBeNull();

    // Private again: visitors get the same 404 as for no profile, with nothing of the summary.
    await saveProfile(cam, 'cam-cpd', { isPublic: false });
    const hidden = await get('/api/v1/profiles/cam-cpd');
    expect(hidden.statusCode).toBe(404);
    expect(Object.keys(hidden.json()).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
    expect(hidden.body).not.toMatch(/schemeName|hours|Secret/i);
    expect((await get('/api/v1/profiles/cam-cpd', cam)).json().cpd).toMatchObject({ done: 6 });

    // Switched off: gone for the owner too.
    await saveProfile(cam, 'cam-cpd', { isPublic: true, isCpdShown: false });
    expect((await get('/api/v1/profiles/cam-cpd')).json()).toMatchObject({ cpd: null });
  });
});
