import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { listMailsTo } from '../mail/mail.store.js';
import { addMember, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { communityLimitPolicy } from './community-limits.js';
import { sendCommunityDigests } from './use-cases/send-digests.js';

const t = useTestApp();
let owner: TestUser;
let facilitator: TestUser;
let viewer: TestUser;
let rivalOwner: TestUser;
let ada: TestUser;
let ben: TestUser;
let cleo: TestUser;
let stranger: TestUser;
let provider: { slug: string };
let rival: { slug: string };
let cohortProgramme: { id: string; slug: string };
let selfPaced: { id: string; slug: string };
let cohortId: string;

const modules = [{ title: 'Read this', content: 'Some reading.', estimatedMinutes: 10 }];

function call(user: TestUser | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    ...(user ? { headers: { cookie: user.cookie } } : {}),
    ...(payload ? { payload } : {}),
  });
}
async function enrol(user: TestUser, slug: string) {
  expect((await call(user, 'POST', `/api/v1/catalog/${provider.slug}/${slug}/enrol`, {})).statusCode).toBe(201);
}
const mySpaces = async (user: TestUser) =>
  (await call(user, 'GET', '/api/v1/me/community')).json<{
    items: { id: string | null; state: string; kind: string; programme: { id: string } }[];
  }>().items;

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Owen Owner' });
  provider = await createOrg(t.app, owner, { roles: ['provider'] });
  facilitator = await signUpUser(t.app, { name: 'Fay Facilitator' });
  await addMember(t.app, owner, provider.slug, facilitator, 'assessor');
  viewer = await signUpUser(t.app, { name: 'Vera Viewer' });
  await addMember(t.app, owner, provider.slug, viewer, 'viewer');
  rivalOwner = await signUpUser(t.app, { name: 'Rita Rival' });
  rival = await createOrg(t.app, rivalOwner, { roles: ['provider'] });
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  cohortProgramme = await createProgramme(
    t.app,
    owner,
    provider.slug,
    { slug: unique('cohort'), format: 'cohort', skillIds },
    { modules },
  );
  selfPaced = await createProgramme(t.app, owner, provider.slug, { slug: unique('solo'), skillIds }, { modules });
  ada = await signUpUser(t.app, { name: 'Ada Lovelace' });
  ben = await signUpUser(t.app, { name: 'Ben Okafor' });
  cleo = await signUpUser(t.app, { name: 'Cleo Park' });
  stranger = await signUpUser(t.app, { name: 'Stan Stranger' });
  for (const learner of [ada, ben, cleo]) await enrol(learner, cohortProgramme.slug);
});

describe('cohorts', () => {
  it('opens cohorts only for the organisation’s own cohort-format programmes, with a member as facilitator', async () => {
    const url = (id: string, slug = provider.slug) => `/api/v1/orgs/${slug}/microcredentials/${id}/cohorts`;
    const body = {
      name: 'January',
      startsOn: '2026-01-05',
      endsOn: '2099-03-01',
      capacity: 2,
      facilitatorId: facilitator.id,
    };
    expect((await call(owner, 'POST', url(selfPaced.id), body)).statusCode).toBe(400);
    expect(
      (await call(owner, 'POST', url(cohortProgramme.id), { ...body, facilitatorId: stranger.id })).statusCode,
    ).toBe(400);
    expect((await call(owner, 'POST', url(cohortProgramme.id), { ...body, endsOn: '2025-01-01' })).statusCode).toBe(
      400,
    );
    expect((await call(rivalOwner, 'POST', url(cohortProgramme.id, rival.slug), body)).statusCode).toBe(404);
    expect((await call(viewer, 'POST', url(cohortProgramme.id), body)).statusCode).toBe(403);
    const created = await call(owner, 'POST', url(cohortProgramme.id), body);
    expect(created.statusCode).toBe(201);
    // Ada, Ben and Cleo enrolled before any cohort opened: the two who waited longest take its places.
    expect(created.json().placed).toBe(2);
    cohortId = created.json().id;
    const listed = await call(owner, 'GET', url(cohortProgramme.id));
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        id: cohortId,
        capacity: 2,
        memberCount: 2,
        facilitator: { id: facilitator.id, name: 'Fay Facilitator' },
      }),
    ]);
  });

  it('places enrolled learners in a cohort with room, and tells the rest they are waiting', async () => {
    expect(await mySpaces(ada)).toEqual([expect.objectContaining({ id: cohortId, kind: 'cohort', state: 'open' })]);
    expect(await mySpaces(ben)).toEqual([expect.objectContaining({ id: cohortId, state: 'open' })]);
    expect(await mySpaces(cleo)).toEqual([expect.objectContaining({ id: null, state: 'waiting' })]);
    // Asking again does not move anyone.
    expect((await mySpaces(ada))[0]!.id).toBe(cohortId);
  });

  it('shows the discussion only to its members and the provider’s people', async () => {
    const space = `/api/v1/community/spaces/${cohortId}`;
    expect((await call(ada, 'GET', space)).statusCode).toBe(200);
    for (const outsider of [cleo, stranger, rivalOwner])
      expect((await call(outsider, 'GET', space)).statusCode).toBe(404);
    expect((await call(undefined, 'GET', space)).statusCode).toBe(401);
    expect((await call(viewer, 'GET', space)).json()).toMatchObject({ isStaff: true, canModerate: false });
    expect((await call(facilitator, 'GET', space)).json()).toMatchObject({ isStaff: true, canModerate: true });
    // The cohort programme has no programme-wide space.
    expect((await call(ada, 'GET', `/api/v1/community/spaces/${cohortProgramme.id}`)).statusCode).toBe(404);
  });
});

describe('placement at enrolment', () => {
  const openCohort = (programmeId: string, name: string, capacity: number, endsOn = '2099-03-01') =>
    call(owner, 'POST', `/api/v1/orgs/${provider.slug}/microcredentials/${programmeId}/cohorts`, {
      name,
      startsOn: '2026-01-05',
      endsOn,
      capacity,
      facilitatorId: null,
    });
  const enrolIn = async (user: TestUser, slug: string) => {
    const res = await call(user, 'POST', `/api/v1/catalog/${provider.slug}/${slug}/enrol`, {});
    expect(res.statusCode).toBe(201);
    return res.json<{ cohort: { state: string; cohortId: string | null } | null }>().cohort;
  };
  const placeOf = async (programmeId: string, learnerId: string) =>
    (
      await t.database.db
        .selectFrom('cohort_members')
        .select('cohort_id')
        .where('microcredential_id', '=', programmeId)
        .where('learner_id', '=', learnerId)
        .executeTakeFirst()
    )?.cohort_id ?? null;

  it('places a learner in the current cohort with room as they enrol, before any visit to the community', async () => {
    const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
    const programme = await createProgramme(
      t.app,
      owner,
      provider.slug,
      { slug: unique('cohort-enrol'), format: 'cohort', skillIds },
      { modules },
    );
    // A cohort that has ended takes nobody; the open one with a single place takes the first learner.
    await openCohort(programme.id, 'Last year', 5, '2026-01-06');
    const current = (await openCohort(programme.id, 'Current', 1)).json<{ id: string; placed: number }>();
    expect(current.placed).toBe(0);
    const first = await signUpUser(t.app, { name: 'Fiona First' });
    expect(await enrolIn(first, programme.slug)).toEqual({ state: 'placed', cohortId: current.id });
    expect(await placeOf(programme.id, first.id)).toBe(current.id);

    // Full: the next learner waits, and the enrolment says so.
    const second = await signUpUser(t.app, { name: 'Sam Second' });
    expect(await enrolIn(second, programme.slug)).toEqual({ state: 'waiting', cohortId: null });
    expect(await placeOf(programme.id, second.id)).toBeNull();
    expect(await mySpaces(second)).toEqual([expect.objectContaining({ id: null, kind: 'cohort', state: 'waiting' })]);

    // The next cohort opens: the waiting learner is placed in it at once.
    const next = (await openCohort(programme.id, 'Next', 10)).json<{ id: string; placed: number }>();
    expect(next.placed).toBe(1);
    expect(await placeOf(programme.id, second.id)).toBe(next.id);
    expect(await mySpaces(second)).toEqual([expect.objectContaining({ id: next.id, state: 'open' })]);

    // A later learner goes straight into the cohort that still has room.
    const third = await signUpUser(t.app, { name: 'Tia Third' });
    expect(await enrolIn(third, programme.slug)).toEqual({ state: 'placed', cohortId: next.id });
  });

  it('leaves learners of other formats out of cohorts', async () => {
    const learner = await signUpUser(t.app, { name: 'Paco Pace' });
    expect(await enrolIn(learner, selfPaced.slug)).toBeNull();
    expect(await placeOf(selfPaced.id, learner.id)).toBeNull();
  });
});

describe('a cohort discussion', () => {
  let threadId: string;
  let replyId: string;

  it('takes threads and replies, with mentions, and refuses outsiders', async () => {
    const started = await call(ada, 'POST', `/api/v1/community/spaces/${cohortId}/threads`, {
      title: 'Sprint planning questions',
      body: 'How do you size stories? @Ben Okafor you mentioned **t-shirt sizes**.',
    });
    expect(started.statusCode).toBe(201);
    threadId = started.json().id;
    expect(
      (await call(cleo, 'POST', `/api/v1/community/spaces/${cohortId}/threads`, { title: 'Let me in', body: 'Hi' }))
        .statusCode,
    ).toBe(404);
    expect((await call(stranger, 'GET', `/api/v1/community/threads/${threadId}`)).statusCode).toBe(404);
    expect(
      (await call(rivalOwner, 'POST', `/api/v1/community/threads/${threadId}/posts`, { body: 'Hi' })).statusCode,
    ).toBe(404);

    const reply = await call(ben, 'POST', `/api/v1/community/threads/${threadId}/posts`, { body: 'We use S, M, L.' });
    expect(reply.statusCode).toBe(201);
    replyId = reply.json().id;
    const thread = (await call(ada, 'GET', `/api/v1/community/threads/${threadId}`)).json();
    expect(thread.posts).toEqual([
      expect.objectContaining({ body: 'We use S, M, L.', author: { id: ben.id, name: 'Ben Okafor' } }),
    ]);
    const bad = await call(ada, 'POST', `/api/v1/community/threads/${threadId}/posts`, { body: '   ' });
    expect(bad.statusCode).toBe(400);
    // A right-to-left override could make a reply say something else than it reads: refused.
    const disguised = await call(ada, 'POST', `/api/v1/community/threads/${threadId}/posts`, {
      body: 'Pay the fee to \u202Etnuocca ym',
    });
    expect(disguised.statusCode).toBe(400);
    expect((await call(ada, 'GET', `/api/v1/community/threads/${threadId}`)).json().posts).toHaveLength(1);
  });

  it('lets the facilitator lock a thread and hide a reported reply; learners cannot moderate', async () => {
    expect((await call(ada, 'POST', `/api/v1/community/threads/${threadId}/lock`, { isLocked: true })).statusCode).toBe(
      403,
    );
    expect(
      (await call(viewer, 'POST', `/api/v1/community/threads/${threadId}/lock`, { isLocked: true })).statusCode,
    ).toBe(403);
    expect(
      (await call(facilitator, 'POST', `/api/v1/community/threads/${threadId}/lock`, { isLocked: true })).statusCode,
    ).toBe(200);
    expect(
      (await call(ben, 'POST', `/api/v1/community/threads/${threadId}/posts`, { body: 'One more' })).statusCode,
    ).toBe(409);
    expect(
      (await call(facilitator, 'POST', `/api/v1/community/threads/${threadId}/lock`, { isLocked: false })).statusCode,
    ).toBe(200);

    const reported = await call(ada, 'POST', '/api/v1/community/reports', { postId: replyId, reason: 'Off topic' });
    expect(reported.json()).toEqual({ reported: true });
    expect(
      (await call(stranger, 'POST', '/api/v1/community/reports', { postId: replyId, reason: 'Nosy' })).statusCode,
    ).toBe(404);
    const reports = (await call(facilitator, 'GET', `/api/v1/community/spaces/${cohortId}`)).json().openReports;
    expect(reports).toEqual([expect.objectContaining({ postId: replyId, threadId, reason: 'Off topic' })]);
    expect((await call(ada, 'GET', `/api/v1/community/spaces/${cohortId}`)).json().openReports).toEqual([]);

    expect(
      (await call(facilitator, 'POST', `/api/v1/community/posts/${replyId}/hide`, { isHidden: true })).statusCode,
    ).toBe(200);
    expect((await call(ada, 'GET', `/api/v1/community/threads/${threadId}`)).json().posts).toEqual([]);
    expect((await call(facilitator, 'GET', `/api/v1/community/threads/${threadId}`)).json().posts).toEqual([
      expect.objectContaining({ id: replyId, isHidden: true }),
    ]);
    expect((await call(facilitator, 'GET', `/api/v1/community/spaces/${cohortId}`)).json().openReports).toEqual([]);
  });

  it('lists only people who opted in, and lets cohort members message each other', async () => {
    const profile = {
      isListed: true,
      headline: 'Analyst at a port',
      skills: ['SQL', 'Kanban'],
      showsCredentials: true,
    };
    expect((await call(ada, 'PUT', '/api/v1/me/peer-profile', profile)).json()).toEqual(profile);
    const peers = (await call(ben, 'GET', `/api/v1/community/spaces/${cohortId}/peers`)).json().items;
    expect(peers).toEqual([expect.objectContaining({ id: ada.id, headline: 'Analyst at a port', canMessage: true })]);

    const sent = await call(ben, 'POST', `/api/v1/community/cohorts/${cohortId}/messages`, {
      recipientId: ada.id,
      body: 'Coffee after the session?',
    });
    expect(sent.statusCode).toBe(201);
    const convo = (await call(ada, 'GET', `/api/v1/community/cohorts/${cohortId}/messages?with=${ben.id}`)).json()
      .items;
    expect(convo).toEqual([expect.objectContaining({ body: 'Coffee after the session?', isMine: false })]);
    // Not to someone outside the cohort, not from someone outside it.
    expect(
      (await call(ben, 'POST', `/api/v1/community/cohorts/${cohortId}/messages`, { recipientId: cleo.id, body: 'Hi' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(cleo, 'POST', `/api/v1/community/cohorts/${cohortId}/messages`, { recipientId: ada.id, body: 'Hi' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(cleo, 'POST', '/api/v1/community/reports', { messageId: sent.json().id, reason: 'Not mine' }))
        .statusCode,
    ).toBe(404);
  });

  it('mails one daily digest per person with their mentions, replies and messages, once', async () => {
    const first = await sendCommunityDigests(t.deps);
    expect(first.mailed).toBeGreaterThanOrEqual(2);
    const digestsTo = async (user: TestUser) =>
      (await listMailsTo(t.database.db, user.email)).filter((m) => m.subject.includes('learning community'));
    const toBen = await digestsTo(ben);
    expect(toBen).toHaveLength(1);
    expect(toBen[0]!.text_body).toContain('Ada Lovelace mentioned you in “Sprint planning questions”');
    const toAda = (await digestsTo(ada)).map((m) => m.text_body).join('\n');
    expect(toAda).toContain('Ben Okafor replied in “Sprint planning questions”');
    expect(toAda).toContain('Ben Okafor sent you a message');
    expect((await sendCommunityDigests(t.deps)).mailed).toBe(0);
    expect(await digestsTo(ben)).toHaveLength(1);
  });

  it('lets the facilitator remove a member, who then loses the discussion and is not placed again', async () => {
    const url = `/api/v1/community/cohorts/${cohortId}/members/${ben.id}/remove`;
    expect((await call(ada, 'POST', url, {})).statusCode).toBe(403);
    expect((await call(facilitator, 'POST', url, {})).statusCode).toBe(200);
    expect((await call(ben, 'GET', `/api/v1/community/spaces/${cohortId}`)).statusCode).toBe(404);
    expect(await mySpaces(ben)).toEqual([expect.objectContaining({ id: null, state: 'removed' })]);
    // Ben's place is free again: Cleo, who was waiting, takes it.
    expect(await mySpaces(cleo)).toEqual([expect.objectContaining({ id: cohortId, state: 'open' })]);
  });
});

describe('a programme-wide discussion', () => {
  it('is open to learners enrolled in a self-paced programme, and rate-limits writing', async () => {
    const space = `/api/v1/community/spaces/${selfPaced.id}`;
    expect((await call(stranger, 'GET', space)).statusCode).toBe(404);
    await enrol(stranger, selfPaced.slug);
    expect(await mySpaces(stranger)).toEqual([
      expect.objectContaining({ id: selfPaced.id, kind: 'programme', state: 'open' }),
    ]);
    const { points } = communityLimitPolicy.post;
    for (let i = 0; i < points; i += 1) {
      const res = await call(stranger, 'POST', `${space}/threads`, { title: `Question ${i}`, body: 'Anyone?' });
      expect(res.statusCode).toBe(201);
    }
    const limited = await call(stranger, 'POST', `${space}/threads`, { title: 'One too many', body: 'Anyone?' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await call(stranger, 'GET', space)).json().threads).toHaveLength(points);
  });
});
