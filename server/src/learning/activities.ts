/**
 * The shapes of module activities as stored (ids always filled in by the catalogue), and the
 * parts a learner may see. Answers and correct flags never leave `toLearnerQuestion`'s input.
 */
export type ChoiceOption = { id: string; text: string; isCorrect: boolean; feedback?: string };
export type Feedback = { correct?: string; incorrect?: string };
export type ChoiceQuestion = {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: ChoiceOption[];
  points: number;
  feedback?: Feedback;
};
export type NumericQuestion = {
  id: string;
  kind: 'numeric';
  prompt: string;
  answer: number;
  tolerance: number;
  unit?: string;
  points: number;
  feedback?: Feedback;
};
export type Question = ChoiceQuestion | NumericQuestion;
export type Quiz = {
  type: 'quiz';
  passMark: number;
  attemptsLimit: number | null;
  questions: Question[];
  /** Assessment settings (see `quiz-policy.ts`); absent on quizzes written before them. */
  drawCount?: number | null;
  shuffleOptions?: boolean;
  revealAnswers?: 'after-pass' | 'after-pass-or-last-attempt' | 'never';
  timeLimitMinutes?: number | null;
  cooldownMinutes?: number | null;
};

export type RubricLevel = { id: string; title: string; description?: string; points: number };
export type RubricCriterion = { id: string; title: string; description?: string; levels: RubricLevel[] };
export type Assignment = {
  type: 'assignment';
  instructions: string;
  rubric: { criteria: RubricCriterion[] };
  evidence: { kinds: ('text' | 'link' | 'file')[]; fileTypes: string[]; maxFileBytes: number | null };
  passPoints: number | null;
};
export type Activity = Quiz | Assignment;

export type LearnerQuestion =
  | { id: string; kind: 'single' | 'multiple'; prompt: string; points: number; options: { id: string; text: string }[] }
  | { id: string; kind: 'numeric'; prompt: string; points: number; unit?: string };

export function toLearnerQuestion(q: Question): LearnerQuestion {
  if (q.kind === 'numeric')
    return { id: q.id, kind: 'numeric', prompt: q.prompt, points: q.points, ...(q.unit ? { unit: q.unit } : {}) };
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
  };
}

export type QuizAnswers = Record<string, string[] | number>;

export type GradedQuestion = { id: string; isCorrect: boolean; feedback?: string };
export type QuizGrade = {
  points: number;
  maxPoints: number;
  percent: number;
  isPassed: boolean;
  questions: GradedQuestion[];
};

/**
 * Grades a quiz on the server: a choice question is right when exactly the correct options
 * are chosen; a numeric one when within its tolerance. Unanswered counts as wrong.
 */
export function gradeQuiz(quiz: Quiz, answers: QuizAnswers): QuizGrade {
  let points = 0;
  let maxPoints = 0;
  const questions: GradedQuestion[] = quiz.questions.map((q) => {
    maxPoints += q.points;
    const given = answers[q.id];
    let isCorrect = false;
    let optionFeedback: string | undefined;
    if (q.kind === 'numeric') {
      isCorrect = typeof given === 'number' && Number.isFinite(given) && Math.abs(given - q.answer) <= q.tolerance;
    } else if (Array.isArray(given)) {
      const chosen = new Set(given);
      const correct = new Set(q.options.filter((o) => o.isCorrect).map((o) => o.id));
      isCorrect = chosen.size === correct.size && [...chosen].every((id) => correct.has(id));
      optionFeedback =
        q.options
          .filter((o) => chosen.has(o.id) && o.feedback)
          .map((o) => o.feedback)
          .join(' ') || undefined;
    }
    if (isCorrect) points += q.points;
    const feedback = optionFeedback ?? (isCorrect ? q.feedback?.correct : q.feedback?.incorrect);
    return { id: q.id, isCorrect, ...(feedback ? { feedback } : {}) };
  });
  const percent = maxPoints === 0 ? 0 : Math.round((points / maxPoints) * 100);
  return { points, maxPoints, percent, isPassed: percent >= quiz.passMark, questions };
}

/** Problems with a set of answers that the learner should fix before it is graded. */
export function answerProblems(quiz: Quiz, answers: QuizAnswers): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const known = new Set(quiz.questions.map((q) => q.id));
  for (const id of Object.keys(answers))
    if (!known.has(id)) problems.push({ field: `answers.${id}`, message: 'Not a question of this quiz' });
  for (const q of quiz.questions) {
    const given = answers[q.id];
    if (given === undefined) continue;
    if (q.kind === 'numeric' && typeof given !== 'number')
      problems.push({ field: `answers.${q.id}`, message: 'Answer with a number' });
    if (q.kind !== 'numeric') {
      if (!Array.isArray(given))
        problems.push({ field: `answers.${q.id}`, message: 'Answer with a list of option ids' });
      else {
        const ids = new Set(q.options.map((o) => o.id));
        if (given.some((g) => !ids.has(g)))
          problems.push({ field: `answers.${q.id}`, message: 'Choose among the question’s options' });
        if (q.kind === 'single' && given.length > 1)
          problems.push({ field: `answers.${q.id}`, message: 'Choose one option' });
      }
    }
  }
  return problems;
}

export function assignmentMaxPoints(a: Assignment): number {
  return a.rubric.criteria.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
}

export type RubricScore = {
  points: number;
  maxPoints: number;
  isPassing: boolean;
  scores: { criterionId: string; levelId: string; points: number }[];
};

/**
 * Scores a review against the rubric. Passing: at least `passPoints` when set, otherwise every
 * criterion above its lowest level. Throws a list of problems when a criterion has no level.
 */
export function scoreRubric(
  a: Assignment,
  chosen: Record<string, string>,
): RubricScore | { problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const scores = a.rubric.criteria.map((c) => {
    const level = c.levels.find((l) => l.id === chosen[c.id]);
    if (!level) problems.push({ field: `scores.${c.id}`, message: `Choose a level for “${c.title}”` });
    return {
      criterionId: c.id,
      levelId: level?.id ?? '',
      points: level?.points ?? 0,
      isAboveLowest: level ? level.points > Math.min(...c.levels.map((l) => l.points)) : false,
    };
  });
  for (const id of Object.keys(chosen))
    if (!a.rubric.criteria.some((c) => c.id === id))
      problems.push({ field: `scores.${id}`, message: 'Not a criterion of this rubric' });
  if (problems.length > 0) return { problems };
  const points = scores.reduce((s, x) => s + x.points, 0);
  const isPassing = a.passPoints !== null ? points >= a.passPoints : scores.every((s) => s.isAboveLowest);
  return {
    points,
    maxPoints: assignmentMaxPoints(a),
    isPassing,
    scores: scores.map(({ criterionId, levelId, points: p }) => ({ criterionId, levelId, points: p })),
  };
}
