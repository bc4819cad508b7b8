import { describe, expect, it } from 'vitest';
import { formToModuleInput, moduleErrorPath, moduleToForm, newQuestion } from './module-form';

describe('module form', () => {
  it('maps server error paths of an activity onto the form', () => {
    expect(moduleErrorPath('activity.questions.0.options', 'quiz')).toBe('quiz.questions.0.options');
    expect(moduleErrorPath('/activity/questions/1/prompt', 'quiz')).toBe('quiz.questions.1.prompt');
    expect(moduleErrorPath('activity.rubric.criteria.0.levels', 'assignment')).toBe('assignment.criteria.0.levels');
    expect(moduleErrorPath('activity.evidence.fileTypes', 'assignment')).toBe('assignment.fileTypes');
    expect(moduleErrorPath('activity.evidence.maxFileBytes', 'assignment')).toBe('assignment.maxFileMb');
    expect(moduleErrorPath('title', 'none')).toBe('title');
  });

  it('builds the quiz the server expects, leaving out empty optional text', () => {
    const form = moduleToForm(null);
    form.title = ' Formulas ';
    form.activityType = 'quiz';
    form.quiz.questions = [
      {
        ...newQuestion(),
        prompt: 'Sum?',
        options: [
          { text: 'A', isCorrect: true, feedback: '' },
          { text: 'B', isCorrect: false, feedback: 'No' },
        ],
      },
      { ...newQuestion(), kind: 'numeric', prompt: '10% of 250?', answer: '25', tolerance: '', unit: '' },
    ];
    form.quiz.attemptsLimit = '';
    const input = formToModuleInput(form);
    expect(input.title).toBe('Formulas');
    expect(input.activity).toEqual({
      type: 'quiz',
      passMark: 70,
      attemptsLimit: null,
      drawCount: null,
      shuffleOptions: false,
      revealAnswers: 'after-pass-or-last-attempt',
      timeLimitMinutes: null,
      cooldownMinutes: null,
      questions: [
        {
          kind: 'single',
          prompt: 'Sum?',
          points: 1,
          options: [
            { text: 'A', isCorrect: true },
            { text: 'B', isCorrect: false, feedback: 'No' },
          ],
        },
        { kind: 'numeric', prompt: '10% of 250?', points: 1, answer: 25, tolerance: 0 },
      ],
    });
  });

  it('sends file limits only when files are accepted', () => {
    const form = moduleToForm(null);
    form.title = 'Budget';
    form.activityType = 'assignment';
    form.assignment.instructions = 'Share it';
    form.assignment.kinds = ['link'];
    form.assignment.fileTypes = ['application/pdf'];
    const input = formToModuleInput(form);
    expect(input.activity?.type === 'assignment' && input.activity.evidence).toEqual({
      kinds: ['link'],
      fileTypes: [],
      maxFileBytes: null,
    });
  });
});
