import { randomInt } from 'node:crypto';
import type { GradedQuestion, LearnerQuestion, Question, Quiz, QuizGrade } from './activities.js';
import { toLearnerQuestion } from './activities.js';

/** When a learner may see which answers were right. */
export type RevealAnswers = 'after-pass' | 'after-pass-or-last-attempt' | 'never';

/** A quiz's assessment settings, with the defaults a quiz written before them gets. */
export type QuizPolicy = {
  /** Questions drawn from the pool per attempt; null: every question, every time. */
  drawCount: number | null;
  shuffleOptions: boolean;
  revealAnswers: RevealAnswers;
  /** Server-enforced: an attempt submitted later than this after its start is refused. */
  timeLimitMinutes: number | null;
  /** Minutes to wait after a failed attempt before the next. */
  cooldownMinutes: number | null;
};

export function quizPolicy(quiz: Quiz): QuizPolicy {
  const drawCount = quiz.drawCount ?? null;
  return {
    drawCount: drawCount !== null && drawCount < quiz.questions.length ? drawCount : null,
    shuffleOptions: quiz.shuffleOptions ?? false,
    revealAnswers: quiz.revealAnswers ?? 'after-pass-or-last-attempt',
    timeLimitMinutes: quiz.timeLimitMinutes ?? null,
    cooldownMinutes: quiz.cooldownMinutes ?? null,
  };
}

/** Whether attempts must be started first (the server then decides the questions and the clock). */
export function needsStart(policy: QuizPolicy): boolean {
  return policy.drawCount !== null || policy.shuffleOptions || policy.timeLimitMinutes !== null;
}

/** The questions of one attempt: ids in order, with each choice question's option order. */
export type Draw = { questionId: string; optionIds?: string[] }[];

type Random = (maxExclusive: number) => number;

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Draws an attempt's questions from the pool and shuffles options, with a cryptographic random source by default. */
export function drawQuestions(quiz: Quiz, policy: QuizPolicy, random: Random = randomInt): Draw {
  const questions =
    policy.drawCount === null ? quiz.questions : shuffled(quiz.questions, random).slice(0, policy.drawCount);
  return questions.map((q) =>
    q.kind === 'numeric'
      ? { questionId: q.id }
      : {
          questionId: q.id,
          optionIds: policy.shuffleOptions ? shuffled(q.options, random).map((o) => o.id) : q.options.map((o) => o.id),
        },
  );
}

/** The quiz restricted to the drawn questions (graded only on those). */
export function drawnQuiz(quiz: Quiz, draw: Draw): Quiz {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return { ...quiz, questions: draw.map((d) => byId.get(d.questionId)).filter((q): q is Question => !!q) };
}

/** The drawn questions as the learner sees them, options in the drawn order. */
export function learnerQuestionsOf(quiz: Quiz, draw: Draw): LearnerQuestion[] {
  return drawnQuiz(quiz, draw).questions.map((q) => {
    const view = toLearnerQuestion(q);
    const order = draw.find((d) => d.questionId === q.id)?.optionIds;
    if (view.kind === 'numeric' || !order) return view;
    const byId = new Map(view.options.map((o) => [o.id, o]));
    return { ...view, options: order.map((id) => byId.get(id)).filter((o) => o !== undefined) };
  });
}

export type RevealedQuestion = GradedQuestion & { correctOptionIds?: string[]; answer?: number };

/**
 * What a graded attempt tells the learner. Before answers are revealed it tells the score
 * only: naming which questions were wrong (or an option's feedback) lets a learner pass a
 * small quiz by elimination over a few attempts.
 */
export function feedbackOf(
  quiz: Quiz,
  grade: QuizGrade,
  policy: QuizPolicy,
  options: { isLastAttempt: boolean },
): { answersRevealed: boolean; questions: RevealedQuestion[] } {
  const isRevealed =
    policy.revealAnswers === 'after-pass'
      ? grade.isPassed
      : policy.revealAnswers === 'after-pass-or-last-attempt'
        ? grade.isPassed || options.isLastAttempt
        : false;
  if (!isRevealed) return { answersRevealed: false, questions: [] };
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return {
    answersRevealed: true,
    questions: grade.questions.map((g) => {
      const q = byId.get(g.id);
      if (!q) return g;
      return q.kind === 'numeric'
        ? { ...g, answer: q.answer }
        : { ...g, correctOptionIds: q.options.filter((o) => o.isCorrect).map((o) => o.id) };
    }),
  };
}

/**
 * The quiz settings a learner sees beside an enrolment. A quiz that must be started shows no
 * questions here: they are drawn (and the clock starts) when the learner starts an attempt.
 */
export function assessmentViewOf(quiz: Quiz) {
  const policy = quizPolicy(quiz);
  const isStartRequired = needsStart(policy);
  return {
    questions: isStartRequired ? [] : quiz.questions.map(toLearnerQuestion),
    isStartRequired,
    questionCount: policy.drawCount ?? quiz.questions.length,
    timeLimitMinutes: policy.timeLimitMinutes,
    cooldownMinutes: policy.cooldownMinutes,
    revealAnswers: policy.revealAnswers,
  };
}
