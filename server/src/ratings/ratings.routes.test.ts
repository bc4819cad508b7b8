import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { addMember, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let owner: TestUser;
let otherOwner: TestUser;
let viewer: TestUser;
let holder: TestUser;
let enrolledOnly: TestUser;
let stranger: TestUser;
let provider: { slug: string };
let otherProvider: { slug: string };
let programme: { id: string; slug: string };
let other: { id: string; slug: string };

const readingOnly = [{ title: 'Read this', content: 'Some reading.', estimatedMinutes: 10 }];

async function enrol(user: TestUser, providerSlug: string, slug: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${providerSlug}/${slug}/enrol`,
    headers: { cookie: user.cookie },
    payload: {},
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; modules: { id: string }[] }>();
}

async function complete(user: TestUser, providerSlug: string, slug: string) {
  const e = await enrol(user, providerSlug, slug);
  for (const m of e.modules) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${e.id}/modules/${m.id}/complete`,
      headers: { cookie: user.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
  }
}

const review = {
  rating: 4,
  title: 'Practical and clear',
  body: 'I used the second module at work the next day. **Recommended.**',
};

function writeReview(user: TestUser, body: object = review, slug = programme.slug, providerSlug = provider.slug) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/catalog/${providerSlug}/${slug}/reviews/mine`,
    headers: { cookie: user.cookie },
    payload: body,
  });
}
const readReviews = (user?: TestUser) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/catalog/${provider.slug}/${programme.slug}/reviews`,
    ...(user ? { headers: { cookie: user.cookie } } : {}),
  });
const moderate = (user: TestUser, id: string, decision: 'approve' | 'hide', orgSlug = provider.slug) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgSlug}/programme-reviews/${id}/moderate`,
    headers: { cookie: user.cookie },
    payload: { decision },
  });

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Olu Owner' });
  provider = await createOrg(t.app, owner, { roles: ['provider'] });
  viewer = await signUpUser(t.app, { name: 'Vic Viewer' });
  await addMember(t.app, owner, provider.slug, viewer, 'viewer');
  otherOwner = await signUpUser(t.app, { name: 'Other Owner' });
  otherProvider = await createOrg(t.app, otherOwner, { roles: ['provider'] });
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  programme = await createProgramme(
    t.app,
    owner,
    provider.slug,
    { slug: unique('reviewed'), skillIds },
    { modules: readingOnly },
  );
  other = await createProgramme(
    t.app,
    otherOwner,
    otherProvider.slug,
    { slug: unique('elsewhere'), skillIds },
    { modules: readingOnly },
  );
  holder = await signUpUser(t.app, { name: 'Hana Holder' });
  enrolledOnly = await signUpUser(t.app, { name: 'Eli Enrolled' });
  stranger = await signUpUser(t.app, { name: 'Sid Stranger' });
  await complete(holder, provider.slug, programme.slug);
  await enrol(enrolledOnly, provider.slug, programme.slug);
});

describe('programme reviews', () => {
  it('refuses reviews from people without a credential for the programme, and from anonymous callers', async () => {
    expect((await writeReview(enrolledOnly)).statusCode).toBe(403);
    expect((await writeReview(stranger)).statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/${provider.slug}/${programme.slug}/reviews/mine`,
      payload: review,
    });
    expect(anon.statusCode).toBe(401);
    // A credential for another programme does not count for this one.
    await complete(stranger, otherProvider.slug, other.slug);
    expect((await writeReview(stranger)).statusCode).toBe(403);
  });

  it('rejects bad input with a problem naming the field, and writes nothing', async () => {
    const res = await writeReview(holder, { ...review, rating: 6 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain('rating');
    expect((await readReviews(holder)).json().mine).toBeNull();
  });

  it('keeps a holder’s review pending until the provider approves it, then shows it with the average', async () => {
    const written = await writeReview(holder);
    expect(written.statusCode).toBe(200);
    expect(written.json()).toMatchObject({ status: 'pending', rating: 4, authorName: 'Hana Holder' });
    const id = written.json().id as string;

    const before = (await readReviews()).json();
    expect(before.items).toEqual([]);
    expect(before.summary).toEqual({ average: null, count: 0 });
    const own = (await readReviews(holder)).json();
    expect(own).toMatchObject({ canReview: true, mine: { id, status: 'pending' } });

    // Another organisation's owner and a viewer of this one cannot moderate it.
    expect((await moderate(otherOwner, id, 'approve', otherProvider.slug)).statusCode).toBe(404);
    expect((await moderate(otherOwner, id, 'approve')).statusCode).toBe(404);
    expect((await moderate(viewer, id, 'approve')).statusCode).toBe(403);
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${provider.slug}/programme-reviews`,
      headers: { cookie: owner.cookie },
    });
    expect(queue.json().items.map((r: { id: string }) => r.id)).toEqual([id]);

    expect((await moderate(owner, id, 'approve')).json()).toMatchObject({ status: 'approved' });
    const after = (await readReviews()).json();
    expect(after.items).toEqual([expect.objectContaining({ id, title: review.title })]);
    expect(after.items[0]).not.toHaveProperty('status');
    expect(after.summary).toEqual({ average: 4, count: 1 });
    const ratings = await t.app.inject({ method: 'GET', url: `/api/v1/ratings?id=${programme.id}&id=${other.id}` });
    expect(ratings.json().items).toEqual([
      { microcredentialId: programme.id, average: 4, count: 1 },
      { microcredentialId: other.id, average: null, count: 0 },
    ]);
  });

  it('keeps one review per holder: an edit replaces it and goes back to moderation', async () => {
    const edited = await writeReview(holder, { ...review, rating: 2, title: 'Second thoughts' });
    expect(edited.json()).toMatchObject({ status: 'pending', rating: 2 });
    const mine = (await readReviews(holder)).json().mine;
    expect(mine.id).toBe(edited.json().id);
    expect((await readReviews()).json().summary.count).toBe(0);
    await moderate(owner, edited.json().id, 'approve');
  });

  it('hides a reported review until the provider looks again', async () => {
    const id = (await readReviews()).json().items[0].id as string;
    const report = (user: TestUser) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/reviews/${id}/report`,
        headers: { cookie: user.cookie },
        payload: { reason: 'Names a member of staff' },
      });
    expect((await report(stranger)).json()).toEqual({ status: 'reported' });
    expect((await readReviews()).json().items).toEqual([]);
    expect((await readReviews(holder)).json().mine.status).toBe('reported');
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${provider.slug}/programme-reviews?status=reported`,
      headers: { cookie: owner.cookie },
    });
    expect(queue.json().items).toEqual([expect.objectContaining({ id, openReports: 1 })]);
    expect((await moderate(owner, id, 'hide')).json().status).toBe('hidden');
    expect((await readReviews()).json().items).toEqual([]);
    // A hidden review cannot be reported (nor is its existence confirmed).
    expect((await report(enrolledOnly)).statusCode).toBe(404);
    const reopened = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${provider.slug}/programme-reviews?status=reported`,
      headers: { cookie: owner.cookie },
    });
    expect(reopened.json().items).toEqual([]);
  });
});
