import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import type { Quiz } from './activities.js';
import { drawQuestions, feedbackOf, quizPolicy } from './quiz-policy.js';

const t = useTestApp();
let author: TestUser;
let providerSlug: string;
let skillIds: string[];

// Three questions, three options each; a different option is right in each, so no single
// "try a, then b, then c everywhere" sweep passes.
const threeByThree = (extra: Record<string, unknown> = {}) => ({
  type: 'quiz',
  passMark: 100,
  attemptsLimit: 3,
  ...extra,
  questions: ['A', 'B', 'C'].map((name, q) => ({
    kind: 'single',
    prompt: `Question ${name}?`,
    options: [0, 1, 2].map((o) => ({
      text: `Option ${o} of ${name}`,
      isCorrect: o === q,
      feedback: o === q ? 'Yes.' : 'No: that one is wrong.',
    })),
  })),
});

type Question = { id: string; kind: string; options?: { id: string; text: string }[] };

async function programmeWith(activity: Record<string, unknown>) {
  const slug = unique('assess');
  await createProgramme(
    t.app,
    author,
    providerSlug,
    { slug, title: `Assessment ${slug}`, skillIds },
    { modules: [{ title: 'Quiz', content: 'Answer.', estimatedMinutes: 10, activity }] },
  );
  return slug;
}

async function enrolIn(slug: string, learner: TestUser) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${providerSlug}/${slug}/enrol`,
    headers: { cookie: learner.cookie },
    payload: {},
  });
  expect(res.statusCode).toBeLessThan(300);
  const detail = res.json<{ id: string; modules: { id: string; activity: { questions: Question[] } }[] }>();
  return { enrolmentId: detail.id, moduleId: detail.modules[0]!.id, questions: detail.modules[0]!.activity.questions };
}

beforeAll(async () => {
  author = await signUpUser(t.app, { name: 'Asa Assessor' });
  providerSlug = (await createOrg(t.app, author, { roles: ['provider'], name: 'Assessment Lab' })).slug;
  skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
});

describe('assessment that certifies', () => {
  it('three attempts at a three-option quiz no longer pass by elimination', async () => {
    const slug = await programmeWith(threeByThree());
    const learner = await signUpUser(t.app);
    const { enrolmentId, moduleId, questions } = await enrolIn(slug, learner);
    // The eliminator keeps, per question, the options not yet shown wrong, and uses whatever
    // per-question feedback an attempt gives; with none it sweeps option 0, then 1, then 2.
    const remaining = new Map(questions.map((q) => [q.id, q.options!.map((o) => o.id)]));
    const results: { isPassed: boolean; answersRevealed: boolean; questions: unknown[] }[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const answers = Object.fromEntries(
        questions.map((q) => [q.id, [remaining.get(q.id)![Math.min(attempt, remaining.get(q.id)!.length - 1)]!]]),
      );
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/me/enrolments/${enrolmentId}/modules/${moduleId}/quiz-attempts`,
        headers: { cookie: learner.cookie },
        payload: { answers },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{
        isPassed: boolean;
        answersRevealed: boolean;
        questions: { id: string; isCorrect: boolean }[];
      }>();
      results.push(body);
      for (const g of body.questions) {
        const chosen = (answers[g.id] as string[])[0]!;
        if (g.isCorrect) remaining.set(g.id, [chosen]);
        else
          remaining.set(
            g.id,
            remaining.get(g.id)!.filter((id) => id !== chosen),
          );
      }
      if (body.isPassed) break;
    }
    expect(results.map((r) => r.isPassed)).toEqual([false, false, false]);
    // Attempts 1 and 2 said nothing per question; the last one reveals the answers.
    expect(results[0]).toMatchObject({ answersRevealed: false, questions: [] });
    expect(results[1]).toMatchObject({ answersRevealed: false, questions: [] });
    expect(results[2]!.answersRevealed).toBe(true);
    expect(results[2]!.questions).toHaveLength(3);
    expect(JSON.stringify(results[0])).not.toMatch(/wrong|Yes\./);
  });

  it('with answers kept until a pass, even the last failed attempt reveals nothing', async () => {
    const slug = await programmeWith(threeByThree({ revealAnswers: 'after-pass', attemptsLimit: 1 }));
    const learner = await signUpUser(t.app);
    const { enrolmentId, moduleId, questions } = await enrolIn(slug, learner);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/enrolments/${enrolmentId}/modules/${moduleId}/quiz-attempts`,
      headers: { cookie: learner.cookie },
      payload: { answers: Object.fromEntries(questions.map((q) => [q.id, [q.options![1]!.id]])) },
    });
    expect(res.json()).toMatchObject({ isPassed: false, attemptsLeft: 0, answersRevealed: false, questions: [] });
  });

  it('draws from the pool per attempt, shuffles options, grades only the drawn questions and enforces the time limit', async () => {
    const slug = await programmeWith(threeByThree({ drawCount: 2, shuffleOptions: true, timeLimitMinutes: 5 }));
    const learner = await signUpUser(t.app);
    const { enrolmentId, moduleId, questions } = await enrolIn(slug, learner);
    expect(questions).toEqual([]); // drawn on start, not listed with the enrolment
    const base = `/api/v1/me/enrolments/${enrolmentId}/modules/${moduleId}/quiz-attempts`;
    const headers = { cookie: learner.cookie };
    const unstarted = await t.app.inject({ method: 'POST', url: base, headers, payload: { answers: {} } });
    expect(unstarted.statusCode).toBe(409);

    const start = await t.app.inject({ method: 'POST', url: `${base}/start`, headers, payload: {} });
    expect(start.statusCode).toBe(200);
    const drawn = start.json<{ attemptId: string; expiresAt: string; questions: Question[] }>();
    expect(drawn.questions).toHaveLength(2);
    expect(new Date(drawn.expiresAt).getTime() - t.clock.now.getTime()).toBe(5 * 60_000);
    // Starting again resumes the same attempt (a reload draws nothing new).
    const again = await t.app.inject({ method: 'POST', url: `${base}/start`, headers, payload: {} });
    expect(again.json().attemptId).toBe(drawn.attemptId);
    expect(again.json().questions).toEqual(drawn.questions);

    // An answer to a question outside the draw is refused by name.
    const drawnIds = new Set(drawn.questions.map((q) => q.id));
    const all = await t.database.db
      .selectFrom('microcredential_modules')
      .select('activity')
      .where('id', '=', moduleId)
      .executeTakeFirstOrThrow();
    const outside = (all.activity as Quiz).questions.find((q) => !drawnIds.has(q.id))!;
    const stray = await t.app.inject({
      method: 'POST',
      url: base,
      headers,
      payload: { answers: { [outside.id]: [] } },
    });
    expect(stray.statusCode).toBe(400);

    // Past the limit (and its grace) the attempt scores nothing, whatever was answered.
    t.clock.advance(6 * 60_000);
    const correct = Object.fromEntries(
      (all.activity as Quiz).questions
        .filter((q) => drawnIds.has(q.id))
        .map((q) => [q.id, q.kind === 'numeric' ? q.answer : q.options.filter((o) => o.isCorrect).map((o) => o.id)]),
    );
    const late = await t.app.inject({ method: 'POST', url: base, headers, payload: { answers: correct } });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ isLate: true, isPassed: false, percent: 0, attemptNumber: 1 });

    // In time, the drawn questions answered right pass.
    const next = (await t.app.inject({ method: 'POST', url: `${base}/start`, headers, payload: {} })).json<{
      attemptNumber: number;
      questions: Question[];
    }>();
    expect(next.attemptNumber).toBe(2);
    const rightFor = Object.fromEntries(
      (all.activity as Quiz).questions
        .filter((q) => next.questions.some((d) => d.id === q.id))
        .map((q) => [q.id, q.kind === 'numeric' ? q.answer : q.options.filter((o) => o.isCorrect).map((o) => o.id)]),
    );
    const pass = await t.app.inject({ method: 'POST', url: base, headers, payload: { answers: rightFor } });
    expect(pass.json()).toMatchObject({ isPassed: true, answersRevealed: true });
  });

  it('an abandoned timed attempt counts as failed when the next one starts', async () => {
    const slug = await programmeWith(threeByThree({ timeLimitMinutes: 1, attemptsLimit: 2 }));
    const learner = await signUpUser(t.app);
    const { enrolmentId, moduleId } = await enrolIn(slug, learner);
    const url = `/api/v1/me/enrolments/${enrolmentId}/modules/${moduleId}/quiz-attempts/start`;
    const headers = { cookie: learner.cookie };
    await t.app.inject({ method: 'POST', url, headers, payload: {} });
    t.clock.advance(2 * 60_000);
    const second = await t.app.inject({ method: 'POST', url, headers, payload: {} });
    expect(second.json().attemptNumber).toBe(2);
    t.clock.advance(2 * 60_000);
    const third = await t.app.inject({ method: 'POST', url, headers, payload: {} });
    expect(third.statusCode).toBe(409);
  });

  it('makes the learner wait out the cool-down after a failed attempt', async () => {
    const slug = await programmeWith(threeByThree({ cooldownMinutes: 30 }));
    const learner = await signUpUser(t.app);
    const { enrolmentId, moduleId, questions } = await enrolIn(slug, learner);
    const url = `/api/v1/me/enrolments/${enrolmentId}/modules/${moduleId}/quiz-attempts`;
    const wrong = { answers: Object.fromEntries(questions.map((q) => [q.id, [q.options![2]!.id]])) };
    const headers = { cookie: learner.cookie };
    expect((await t.app.inject({ method: 'POST', url, headers, payload: wrong })).statusCode).toBe(201);
    const tooSoon = await t.app.inject({ method: 'POST', url, headers, payload: wrong });
    expect(tooSoon.statusCode).toBe(429);
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(31 * 60_000);
    expect((await t.app.inject({ method: 'POST', url, headers, payload: wrong })).statusCode).toBe(201);
  });

  it('records time spent reading a module, capped per report, for the learner only', async () => {
    const slug = await programmeWith(threeByThree());
    const learner = await signUpUser(t.app);
    const other = await signUpUser(t.app);
    const { enrolmentId, moduleId } = await enrolIn(slug, learner);
    const url = `/api/v1/me/enrolments/${enrolmentId}/modules/${moduleId}/time-spent`;
    await t.app.inject({ method: 'POST', url, headers: { cookie: learner.cookie }, payload: { seconds: 60 } });
    const total = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: learner.cookie },
      payload: { seconds: 30 },
    });
    expect(total.json()).toEqual({ moduleId, secondsSpent: 90 });
    const tooMuch = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: learner.cookie },
      payload: { seconds: 99999 },
    });
    expect(tooMuch.statusCode).toBe(400);
    const foreign = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: other.cookie },
      payload: { seconds: 30 },
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('drawQuestions', () => {
  it('draws distinct questions and permutes options', () => {
    const quiz = {
      ...threeByThree({ drawCount: 2, shuffleOptions: true }),
      questions: threeByThree().questions.map((q, i) => ({
        ...q,
        id: `q${i}`,
        kind: 'single' as const,
        points: 1,
        options: q.options.map((o, j) => ({ ...o, id: `q${i}o${j}` })),
      })),
    } as Quiz;
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const draw = drawQuestions(quiz, quizPolicy(quiz));
      expect(new Set(draw.map((d) => d.questionId)).size).toBe(2);
      for (const d of draw) expect([...d.optionIds!].sort()).toEqual([0, 1, 2].map((j) => `${d.questionId}o${j}`));
      seen.add(draw.map((d) => `${d.questionId}:${d.optionIds!.join(',')}`).join('|'));
    }
    expect(seen.size).toBeGreaterThan(1);
    const grade = { points: 0, maxPoints: 2, percent: 0, isPassed: false, questions: [{ id: 'q0', isCorrect: false }] };
    expect(feedbackOf(quiz, grade, quizPolicy(quiz), { isLastAttempt: false })).toEqual({
      answersRevealed: false,
      questions: [],
    });
  });
});
