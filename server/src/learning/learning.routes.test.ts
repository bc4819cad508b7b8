import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, sampleAssignment, sampleQuiz, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { listMailsTo } from '../mail/mail.store.js';
import { addMember, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let author: TestUser;
let assessor: TestUser;
let provider: { slug: string };
let programme: { slug: string; id: string };
let skillIds: string[];

const modules = [
  { title: 'Why data matters', content: 'Read this first.', estimatedMinutes: 15 },
  { title: 'Charts quiz', content: 'Pick the right chart.', estimatedMinutes: 20, activity: sampleQuiz },
  { title: 'Data brief', content: 'Write a brief.', estimatedMinutes: 60, activity: sampleAssignment },
];

type Detail = {
  id: string;
  status: string;
  modules: { id: string; title: string; state: string; activity: any }[];
  progress: { done: number; total: number };
  credentialId: string | null;
};

beforeAll(async () => {
  author = await signUpUser(t.app, { name: 'Ava Author' });
  const org = await createOrg(t.app, author, { roles: ['provider'], name: 'Learning Lab' });
  provider = org;
  assessor = await signUpUser(t.app, { name: 'Sam Assessor' });
  await addMember(t.app, author, org.slug, assessor, 'assessor');
  skillIds = (await starterSkillIds(t.app, 'data', 2)).map((s) => s.id);
  programme = await createProgramme(
    t.app,
    author,
    org.slug,
    { slug: unique('data-brief'), title: 'Data Briefs', skillIds },
    { modules },
  );
});

async function enrol(learner: TestUser, body: object = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${provider.slug}/${programme.slug}/enrol`,
    headers: { cookie: learner.cookie },
    payload: body,
  });
  return res;
}
function moduleId(detail: Detail, title: string) {
  return detail.modules.find((m) => m.title === title)!.id;
}
const rightAnswers = (detail: Detail) => {
  const quiz = detail.modules.find((m) => m.title === 'Charts quiz')!.activity;
  const [choice, numeric] = quiz.questions;
  return { [choice.id]: [choice.options[0].id], [numeric.id]: 5 };
};
const wrongAnswers = (detail: Detail) => {
  const quiz = detail.modules.find((m) => m.title === 'Charts quiz')!.activity;
  const [choice, numeric] = quiz.questions;
  return { [choice.id]: [choice.options[1].id], [numeric.id]: 7 };
};
function pdfFile(
  name = 'brief.pdf',
  content: Buffer = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF'),
) {
  const boundary = '----cairn-learning';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nMy brief is attached.\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' } };
}
async function credentialCount() {
  return (
    await t.database.db
      .selectFrom('credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}

describe('the learning loop', () => {
  it('a learner enrols, reads, passes the quiz, submits the brief; the assessor approves; the credential is issued and verifies', async () => {
    const learner = await signUpUser(t.app, { name: 'Lena Learner' });
    const enrolled = await enrol(learner);
    expect(enrolled.statusCode).toBe(201);
    const detail = enrolled.json<Detail>();
    expect(detail.progress).toEqual({ done: 0, total: 3, percent: 0 });
    // The quiz goes to the browser without its answers.
    expect(JSON.stringify(detail)).not.toMatch(/isCorrect|"answer"|tolerance/);

    const headers = { cookie: learner.cookie };
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Why data matters')}/complete`,
      headers,
      payload: {},
    });
    expect(read.json<Detail>().progress.done).toBe(1);

    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Charts quiz')}/quiz-attempts`,
      headers,
      payload: { answers: wrongAnswers(detail) },
    });
    expect(wrong.statusCode).toBe(201);
    expect(wrong.json()).toMatchObject({ attemptNumber: 1, percent: 0, isPassed: false, attemptsLeft: 2 });
    // A failed attempt with attempts left tells the score only (no right answers to eliminate by).
    expect(wrong.json()).toMatchObject({ answersRevealed: false, questions: [] });
    const right = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Charts quiz')}/quiz-attempts`,
      headers,
      payload: { answers: rightAnswers(detail) },
    });
    expect(right.json()).toMatchObject({ attemptNumber: 2, percent: 100, isPassed: true });

    const file = pdfFile();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Data brief')}/submissions`,
      headers: { ...headers, ...file.headers },
      payload: file.payload,
    });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({
      status: 'pending',
      text: 'My brief is attached.',
      file: { name: 'brief.pdf', mediaType: 'application/pdf' },
    });

    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${provider.slug}/review-queue`,
      headers: { cookie: assessor.cookie },
    });
    const item = queue.json().items.find((i: { learner: { name: string } }) => i.learner.name === 'Lena Learner');
    expect(item).toBeDefined();
    const review = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${provider.slug}/submissions/${item.id}`,
        headers: { cookie: assessor.cookie },
      })
    ).json();
    const fileRes = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${provider.slug}/submissions/${item.id}/file`,
      headers: { cookie: assessor.cookie },
    });
    expect(fileRes.headers['content-type']).toMatch(/application\/pdf/);
    const top = Object.fromEntries(
      review.rubric.criteria.map((c: { id: string; levels: { id: string; points: number }[] }) => [
        c.id,
        c.levels.at(-1)!.id,
      ]),
    );
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${provider.slug}/submissions/${item.id}/review`,
      headers: { cookie: assessor.cookie },
      payload: { scores: top, feedback: 'Clear and accurate.', decision: 'approve' },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', points: 7, maxPoints: 7 });

    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/enrolments/${detail.id}`, headers })
    ).json<Detail>();
    expect(after.status).toBe('completed');
    expect(after.credentialId).toEqual(expect.any(String));

    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/me/credentials', headers })).json<{
      items: any[];
    }>().items;
    expect(mine).toHaveLength(1);
    const vc = mine[0].verifiableCredential;
    expect(mine[0]).toMatchObject({ achievementName: 'Data Briefs', status: 'active' });
    expect(vc.credentialSubject.achievement).toMatchObject({ achievementType: 'MicroCredential', name: 'Data Briefs' });
    expect(vc.credentialSubject.result.map((r: { value: string }) => r.value)).toEqual(
      expect.arrayContaining(['100', '7']),
    );
    expect(vc.credentialSubject.identifier[0]).toMatchObject({ identityType: 'emailAddress', hashed: true });
    expect(vc.evidence[0]).toMatchObject({ name: 'Assignment: Data brief', narrative: 'My brief is attached.' });

    const verified = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: vc, options: { recipientEmail: learner.email } },
    });
    expect(verified.json().checks.filter((c: { status: string }) => c.status === 'failed')).toEqual([]);
    expect(verified.json().verified).toBe(true);

    const mails = await listMailsTo(t.database.db, learner.email);
    expect(mails.some((m) => m.subject.includes('Data Briefs'))).toBe(true);
    const stats = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${provider.slug}/learning-stats`,
        headers: { cookie: author.cookie },
      })
    ).json();
    expect(stats).toMatchObject({ completed: expect.any(Number), reviewQueue: expect.any(Number) });
    expect(stats.completed).toBeGreaterThanOrEqual(1);
    expect(stats.quizzes[0]).toMatchObject({ attempts: expect.any(Number), passRate: expect.any(Number) });
  });
});

describe('bad input', () => {
  it('enrolling twice answers 409 and keeps one enrolment', async () => {
    const learner = await signUpUser(t.app);
    expect((await enrol(learner)).statusCode).toBe(201);
    const again = await enrol(learner);
    expect(again.statusCode).toBe(409);
    const rows = await t.database.db
      .selectFrom('enrolments')
      .select('id')
      .where('learner_id', '=', learner.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('grades a quiz answered twice at once one attempt after the other, and stops at the limit', async () => {
    const learner = await signUpUser(t.app);
    const detail = (await enrol(learner)).json<Detail>();
    const url = `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Charts quiz')}/quiz-attempts`;
    const send = () =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: learner.cookie },
        payload: { answers: wrongAnswers(detail) },
      });
    const results = await Promise.all([send(), send(), send(), send()]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 409]);
    expect(
      results
        .filter((r) => r.statusCode === 201)
        .map((r) => r.json().attemptNumber)
        .sort(),
    ).toEqual([1, 2, 3]);
    const attempts = await t.database.db
      .selectFrom('quiz_attempts')
      .select('attempt_number')
      .where('enrolment_id', '=', detail.id)
      .execute();
    expect(attempts).toHaveLength(3);
  });

  it('refuses a submission after withdrawal and a module of another programme', async () => {
    const learner = await signUpUser(t.app);
    const detail = (await enrol(learner)).json<Detail>();
    const other = await createProgramme(
      t.app,
      author,
      provider.slug,
      { slug: unique('other'), title: 'Other programme', skillIds },
      {},
    );
    const otherDetail = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/catalog/${provider.slug}/${other.slug}/enrol`,
        headers: { cookie: learner.cookie },
        payload: {},
      })
    ).json<Detail>();
    const foreignModule = otherDetail.modules[0]!.id;
    const wrongModule = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${foreignModule}/quiz-attempts`,
      headers: { cookie: learner.cookie },
      payload: { answers: {} },
    });
    expect(wrongModule.statusCode).toBe(404);

    const out = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/withdraw`,
      headers: { cookie: learner.cookie },
      payload: {},
    });
    expect(out.json()).toMatchObject({ status: 'withdrawn' });
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Data brief')}/submissions`,
      headers: { cookie: learner.cookie },
      payload: { text: 'Too late' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/withdrew/);
    const stored = await t.database.db
      .selectFrom('submissions')
      .select('id')
      .where('enrolment_id', '=', detail.id)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('refuses an upload that lies about its type, and an oversized one', async () => {
    const learner = await signUpUser(t.app);
    const detail = (await enrol(learner)).json<Detail>();
    const url = `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Data brief')}/submissions`;
    const fake = pdfFile('brief.pdf', Buffer.from('MZ\x90\x00 this is an executable'));
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: learner.cookie, ...fake.headers },
      payload: fake.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'file', message: expect.stringMatching(/not really a PDF/) }]);
    const big = pdfFile('brief.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6_000_000, 0x20)]));
    const tooBig = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: learner.cookie, ...big.headers },
      payload: big.payload,
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].message).toMatch(/larger than/);
    expect(
      await t.database.db.selectFrom('evidence_files').select('id').where('learner_id', '=', learner.id).execute(),
    ).toHaveLength(0);
  });

  it('keeps one learner out of another’s enrolment and attempts', async () => {
    const owner = await signUpUser(t.app);
    const detail = (await enrol(owner)).json<Detail>();
    const snoop = await signUpUser(t.app);
    for (const [method, url] of [
      ['GET', `/api/v1/me/enrolments/${detail.id}`],
      ['POST', `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Charts quiz')}/quiz-attempts`],
      ['POST', `/api/v1/me/enrolments/${detail.id}/withdraw`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: { cookie: snoop.cookie },
        ...(method === 'POST' ? { payload: { answers: {} } } : {}),
      });
      expect(res.statusCode, url).toBe(method === 'POST' && url.endsWith('withdraw') ? 400 : 404);
    }
    const outsider = await signUpUser(t.app);
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${provider.slug}/review-queue`,
      headers: { cookie: outsider.cookie },
    });
    expect(queue.statusCode).toBe(404);
  });

  it('needs a voucher for a paid programme, redeems it once, and refuses an unknown one', async () => {
    const paid = await createProgramme(
      t.app,
      author,
      provider.slug,
      { slug: unique('paid'), title: 'Paid programme', skillIds, cost: { amountMinor: 19_900, currency: 'EUR' } },
      {},
    );
    const url = `/api/v1/catalog/${provider.slug}/${paid.slug}/enrol`;
    const learner = await signUpUser(t.app);
    const none = await t.app.inject({ method: 'POST', url, headers: { cookie: learner.cookie }, payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toMatch(/voucher/);
    const unknown = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: learner.cookie },
      payload: { voucherCode: 'NOPE-0000' },
    });
    expect(unknown.statusCode).toBe(400);
    const voucher = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${provider.slug}/vouchers`,
      headers: { cookie: author.cookie },
      payload: { code: 'TEAM-2026', maxRedemptions: 1, microcredentialId: paid.id },
    });
    expect(voucher.statusCode).toBe(201);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: learner.cookie },
          payload: { voucherCode: 'team-2026' },
        })
      ).statusCode,
    ).toBe(201);
    const second = await signUpUser(t.app);
    const usedUp = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: second.cookie },
      payload: { voucherCode: 'TEAM-2026' },
    });
    expect(usedUp.statusCode).toBe(400);
    expect(usedUp.json().detail).toMatch(/used up/);
  });

  it('two approvals racing to complete the same enrolment issue one credential', async () => {
    const quizOnly = await createProgramme(
      t.app,
      author,
      provider.slug,
      { slug: unique('race'), title: 'Race programme', skillIds },
      {
        modules: [
          { title: 'Brief A', content: 'A', estimatedMinutes: 10, activity: sampleAssignment },
          { title: 'Brief B', content: 'B', estimatedMinutes: 10, activity: sampleAssignment },
        ],
      },
    );
    const learner = await signUpUser(t.app);
    const detail = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/catalog/${provider.slug}/${quizOnly.slug}/enrol`,
        headers: { cookie: learner.cookie },
        payload: {},
      })
    ).json<Detail>();
    const ids: string[] = [];
    for (const m of detail.modules) {
      const s = await t.app.inject({
        method: 'POST',
        url: `/api/v1/me/enrolments/${detail.id}/modules/${m.id}/submissions`,
        headers: { cookie: learner.cookie },
        payload: { text: `Evidence for ${m.title}` },
      });
      ids.push(s.json().id);
    }
    // Each module has its own rubric (ids), so score each against its own.
    const tops = await Promise.all(
      ids.map(async (id) => {
        const review = (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/orgs/${provider.slug}/submissions/${id}`,
            headers: { cookie: assessor.cookie },
          })
        ).json();
        return Object.fromEntries(
          review.rubric.criteria.map((c: { id: string; levels: { id: string }[] }) => [c.id, c.levels.at(-1)!.id]),
        );
      }),
    );
    const before = await credentialCount();
    const results = await Promise.all(
      ids.map((id, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/orgs/${provider.slug}/submissions/${id}/review`,
          headers: { cookie: assessor.cookie },
          payload: { scores: tops[i], feedback: 'Good', decision: 'approve' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(await credentialCount()).toBe(before + 1);
    const done = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/me/enrolments/${detail.id}`,
        headers: { cookie: learner.cookie },
      })
    ).json<Detail>();
    expect(done.status).toBe('completed');
  });

  it('refuses an approval whose scores do not reach the pass level, and a rubric left half scored', async () => {
    const learner = await signUpUser(t.app);
    const detail = (await enrol(learner)).json<Detail>();
    const s = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/me/enrolments/${detail.id}/modules/${moduleId(detail, 'Data brief')}/submissions`,
        headers: { cookie: learner.cookie },
        payload: { text: 'Short brief' },
      })
    ).json();
    const review = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${provider.slug}/submissions/${s.id}`,
        headers: { cookie: assessor.cookie },
      })
    ).json();
    const lowest = Object.fromEntries(
      review.rubric.criteria.map((c: { id: string; levels: { id: string }[] }) => [c.id, c.levels[0]!.id]),
    );
    const low = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${provider.slug}/submissions/${s.id}/review`,
      headers: { cookie: assessor.cookie },
      payload: { scores: lowest, feedback: '', decision: 'approve' },
    });
    expect(low.statusCode).toBe(400);
    const half = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${provider.slug}/submissions/${s.id}/review`,
      headers: { cookie: assessor.cookie },
      payload: { scores: {}, feedback: '', decision: 'resubmit' },
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors.length).toBe(2);
    const resubmit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${provider.slug}/submissions/${s.id}/review`,
      headers: { cookie: assessor.cookie },
      payload: { scores: lowest, feedback: 'Add the numbers.', decision: 'resubmit' },
    });
    expect(resubmit.json()).toMatchObject({ status: 'resubmit', feedback: 'Add the numbers.' });
  });
});

describe('resuming', () => {
  it('resumes at the module last worked on while it is unfinished, else at the first unfinished one', async () => {
    const learner = await signUpUser(t.app);
    const detail = (await enrol(learner)).json<Detail & { nextModuleId: string }>();
    expect(detail.nextModuleId).toBe(moduleId(detail, 'Why data matters'));
    const quiz = moduleId(detail, 'Charts quiz');
    const failed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${quiz}/quiz-attempts`,
      headers: { cookie: learner.cookie },
      payload: { answers: wrongAnswers(detail) },
    });
    expect(failed.json().enrolment.nextModuleId).toBe(quiz);
    const passed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${detail.id}/modules/${quiz}/quiz-attempts`,
      headers: { cookie: learner.cookie },
      payload: { answers: rightAnswers(detail) },
    });
    expect(passed.json().enrolment.nextModuleId).toBe(moduleId(detail, 'Why data matters'));
  });
});
