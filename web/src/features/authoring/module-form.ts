import type {
  Activity,
  AuthoringModule,
  EvidenceKind,
  ModuleInput,
  ModuleLink,
  Question,
  RubricCriterion,
} from '../../api/types';
import { toFormPath } from '../../api/form-errors';

export type OptionForm = { id?: string; text: string; isCorrect: boolean; feedback: string };
export type QuestionForm = {
  id?: string;
  kind: 'single' | 'multiple' | 'numeric';
  prompt: string;
  points: number | string;
  options: OptionForm[];
  answer: number | string;
  tolerance: number | string;
  unit: string;
  feedbackCorrect: string;
  feedbackIncorrect: string;
};
export type LevelForm = { id?: string; title: string; description: string; points: number | string };
export type CriterionForm = { id?: string; title: string; description: string; levels: LevelForm[] };

export type ModuleForm = {
  title: string;
  content: string;
  estimatedMinutes: number | string;
  links: { url: string; title: string; kind: 'link' | 'video' }[];
  activityType: 'none' | 'quiz' | 'assignment';
  quiz: {
    passMark: number | string;
    attemptsLimit: number | string;
    questions: QuestionForm[];
    /** Assessment settings (empty: off); see docs/cpd.md. */
    drawCount: number | string;
    shuffleOptions: boolean;
    revealAnswers: 'after-pass' | 'after-pass-or-last-attempt' | 'never';
    timeLimitMinutes: number | string;
    cooldownMinutes: number | string;
  };
  assignment: {
    instructions: string;
    criteria: CriterionForm[];
    kinds: EvidenceKind[];
    fileTypes: string[];
    maxFileMb: number | string;
    passPoints: number | string;
  };
};

export const newOption = (isCorrect = false): OptionForm => ({ text: '', isCorrect, feedback: '' });
export const newQuestion = (): QuestionForm => ({
  kind: 'single',
  prompt: '',
  points: 1,
  options: [newOption(true), newOption()],
  answer: '',
  tolerance: 0,
  unit: '',
  feedbackCorrect: '',
  feedbackIncorrect: '',
});
export const newLevel = (title = '', points = 0): LevelForm => ({ title, description: '', points });
export const newCriterion = (): CriterionForm => ({
  title: '',
  description: '',
  levels: [newLevel('Not yet', 0), newLevel('Meets', 2)],
});

const MB = 1024 * 1024;

function questionToForm(q: Question): QuestionForm {
  const base = {
    id: q.id,
    prompt: q.prompt,
    points: q.points,
    feedbackCorrect: q.feedback?.correct ?? '',
    feedbackIncorrect: q.feedback?.incorrect ?? '',
  };
  if (q.kind === 'numeric')
    return {
      ...base,
      kind: 'numeric',
      options: [newOption(true), newOption()],
      answer: q.answer,
      tolerance: q.tolerance,
      unit: q.unit ?? '',
    };
  return {
    ...base,
    kind: q.kind,
    options: q.options.map((o) => ({ id: o.id, text: o.text, isCorrect: o.isCorrect, feedback: o.feedback ?? '' })),
    answer: '',
    tolerance: 0,
    unit: '',
  };
}

function criterionToForm(c: RubricCriterion): CriterionForm {
  return {
    id: c.id,
    title: c.title,
    description: c.description ?? '',
    levels: c.levels.map((l) => ({ id: l.id, title: l.title, description: l.description ?? '', points: l.points })),
  };
}

export function moduleToForm(m: AuthoringModule | null): ModuleForm {
  const a = m?.activity ?? null;
  return {
    title: m?.title ?? '',
    content: m?.content ?? '',
    estimatedMinutes: m?.estimatedMinutes ?? 15,
    links: (m?.links ?? []).map((l) => ({ url: l.url, title: l.title ?? '', kind: l.kind })),
    activityType: a ? a.type : 'none',
    quiz:
      a?.type === 'quiz'
        ? {
            passMark: a.passMark,
            attemptsLimit: a.attemptsLimit ?? '',
            questions: a.questions.map(questionToForm),
            drawCount: a.drawCount ?? '',
            shuffleOptions: a.shuffleOptions ?? false,
            revealAnswers: a.revealAnswers ?? 'after-pass-or-last-attempt',
            timeLimitMinutes: a.timeLimitMinutes ?? '',
            cooldownMinutes: a.cooldownMinutes ?? '',
          }
        : {
            passMark: 70,
            attemptsLimit: 3,
            questions: [newQuestion()],
            drawCount: '',
            shuffleOptions: false,
            revealAnswers: 'after-pass-or-last-attempt',
            timeLimitMinutes: '',
            cooldownMinutes: '',
          },
    assignment:
      a?.type === 'assignment'
        ? {
            instructions: a.instructions,
            criteria: a.rubric.criteria.map(criterionToForm),
            kinds: a.evidence.kinds,
            fileTypes: a.evidence.fileTypes,
            maxFileMb: a.evidence.maxFileBytes === null ? '' : Math.round((a.evidence.maxFileBytes / MB) * 10) / 10,
            passPoints: a.passPoints ?? '',
          }
        : {
            instructions: '',
            criteria: [newCriterion()],
            kinds: ['text', 'link'],
            fileTypes: [],
            maxFileMb: 10,
            passPoints: '',
          },
  };
}

const n = (v: number | string): number => Number(v);
const nOrNull = (v: number | string): number | null => (v === '' || Number.isNaN(Number(v)) ? null : Number(v));
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function activityFromForm(f: ModuleForm): Activity | null {
  if (f.activityType === 'quiz') {
    return {
      type: 'quiz',
      passMark: n(f.quiz.passMark),
      attemptsLimit: nOrNull(f.quiz.attemptsLimit),
      drawCount: nOrNull(f.quiz.drawCount),
      shuffleOptions: f.quiz.shuffleOptions,
      revealAnswers: f.quiz.revealAnswers,
      timeLimitMinutes: nOrNull(f.quiz.timeLimitMinutes),
      cooldownMinutes: nOrNull(f.quiz.cooldownMinutes),
      questions: f.quiz.questions.map((q): Question => {
        const feedback =
          opt(q.feedbackCorrect) || opt(q.feedbackIncorrect)
            ? {
                ...(opt(q.feedbackCorrect) ? { correct: q.feedbackCorrect.trim() } : {}),
                ...(opt(q.feedbackIncorrect) ? { incorrect: q.feedbackIncorrect.trim() } : {}),
              }
            : undefined;
        const common = {
          ...(q.id ? { id: q.id } : {}),
          prompt: q.prompt,
          points: n(q.points),
          ...(feedback ? { feedback } : {}),
        };
        if (q.kind === 'numeric')
          return {
            ...common,
            kind: 'numeric',
            answer: n(q.answer),
            tolerance: n(q.tolerance || 0),
            ...(opt(q.unit) ? { unit: q.unit.trim() } : {}),
          };
        return {
          ...common,
          kind: q.kind,
          options: q.options.map((o) => ({
            ...(o.id ? { id: o.id } : {}),
            text: o.text,
            isCorrect: o.isCorrect,
            ...(opt(o.feedback) ? { feedback: o.feedback.trim() } : {}),
          })),
        };
      }),
    };
  }
  if (f.activityType === 'assignment') {
    const hasFile = f.assignment.kinds.includes('file');
    const mb = nOrNull(f.assignment.maxFileMb);
    return {
      type: 'assignment',
      instructions: f.assignment.instructions,
      rubric: {
        criteria: f.assignment.criteria.map((c) => ({
          ...(c.id ? { id: c.id } : {}),
          title: c.title,
          ...(opt(c.description) ? { description: c.description.trim() } : {}),
          levels: c.levels.map((l) => ({
            ...(l.id ? { id: l.id } : {}),
            title: l.title,
            ...(opt(l.description) ? { description: l.description.trim() } : {}),
            points: n(l.points),
          })),
        })),
      },
      evidence: {
        kinds: f.assignment.kinds,
        fileTypes: hasFile ? f.assignment.fileTypes : [],
        maxFileBytes: hasFile && mb !== null ? Math.round(mb * MB) : null,
      },
      passPoints: nOrNull(f.assignment.passPoints),
    };
  }
  return null;
}

export function formToModuleInput(f: ModuleForm): ModuleInput {
  return {
    title: f.title.trim(),
    content: f.content,
    estimatedMinutes: n(f.estimatedMinutes),
    links: f.links
      .filter((l) => l.url.trim())
      .map((l): ModuleLink => ({
        url: l.url.trim(),
        kind: l.kind,
        ...(opt(l.title) ? { title: l.title.trim() } : {}),
      })),
    activity: activityFromForm(f),
  };
}

/**
 * Where a server error on a module lands in the form: `activity.questions.0.prompt` is
 * `quiz.questions.0.prompt`; rubric criteria and evidence sit under `assignment`.
 */
export function moduleErrorPath(field: string, activityType: ModuleForm['activityType']): string {
  const path = toFormPath(field);
  if (!path.startsWith('activity')) return path;
  const rest = path.replace(/^activity\.?/, '');
  if (activityType === 'quiz') return rest ? `quiz.${rest}` : 'activityType';
  if (activityType === 'assignment') {
    const mapped = rest
      .replace(/^rubric\.criteria/, 'criteria')
      .replace(/^rubric$/, 'criteria')
      .replace(/^evidence\.maxFileBytes/, 'maxFileMb')
      .replace(/^evidence\./, '')
      .replace(/^evidence$/, 'kinds');
    return mapped ? `assignment.${mapped}` : 'activityType';
  }
  return 'activityType';
}
