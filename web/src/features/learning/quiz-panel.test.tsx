import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EnrolmentDetail, LearnerQuiz, QuizAttemptResult } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { QuizPanel } from './quiz-panel';

const quiz: LearnerQuiz = {
  type: 'quiz',
  passMark: 70,
  attemptsLimit: 3,
  attemptsUsed: 0,
  bestPercent: null,
  isPassed: false,
  isStartRequired: false,
  questionCount: 3,
  timeLimitMinutes: null,
  cooldownMinutes: null,
  revealAnswers: 'after-pass-or-last-attempt',
  questions: [
    {
      id: 'q1',
      kind: 'single',
      prompt: 'Which chart shows a trend over time?',
      points: 1,
      options: [
        { id: 'a', text: 'Line chart' },
        { id: 'b', text: 'Pie chart' },
      ],
    },
    {
      id: 'q2',
      kind: 'multiple',
      prompt: 'Which are measures of spread?',
      points: 1,
      options: [
        { id: 'x', text: 'Range' },
        { id: 'y', text: 'Mean' },
        { id: 'z', text: 'Variance' },
      ],
    },
    { id: 'q3', kind: 'numeric', prompt: 'What is 10% of 250?', points: 1, unit: 'units' },
  ],
};

const enrolment = { id: 'e1', status: 'active', modules: [] } as unknown as EnrolmentDetail;

const graded: QuizAttemptResult = {
  attemptNumber: 1,
  percent: 67,
  isPassed: false,
  isLate: false,
  attemptsLeft: 2,
  answersRevealed: true,
  questions: [
    { id: 'q1', isCorrect: true, feedback: 'Lines join points in time order.' },
    { id: 'q2', isCorrect: false, feedback: 'The mean is a measure of centre.' },
    { id: 'q3', isCorrect: true },
  ],
  enrolment,
};

describe('QuizPanel', () => {
  it('shows no correctness or feedback before submission, then the server’s grading after', async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify(graded), { status: 201 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<QuizPanel enrolmentId="e1" moduleId="m1" quiz={quiz} isReadOnly={false} />);

    expect(screen.queryByText(/Correct\.|Not correct\./)).not.toBeInTheDocument();
    expect(screen.queryByText('Lines join points in time order.')).not.toBeInTheDocument();
    expect(screen.getByText('3 attempts left')).toBeInTheDocument();

    // Every question must be answered first.
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getAllByText('Answer this question')).toHaveLength(3);

    await user.click(screen.getByRole('radio', { name: 'Line chart' }));
    await user.click(screen.getByRole('checkbox', { name: 'Range' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mean' }));
    await user.type(screen.getByRole('textbox', { name: /What is 10% of 250/ }), '25');
    expect(screen.queryByText(/Correct\.|Not correct\./)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/me/enrolments/e1/modules/m1/quiz-attempts');
    expect(JSON.parse(init?.body as string)).toEqual({ answers: { q1: ['a'], q2: ['x', 'y'], q3: 25 } });

    expect(await screen.findByText('67%: not passed yet')).toBeInTheDocument();
    expect(screen.getByTestId('graded-q1')).toHaveTextContent('Correct. Lines join points in time order.');
    expect(screen.getByTestId('graded-q2')).toHaveTextContent('Not correct. The mean is a measure of centre.');
    expect(screen.getByTestId('graded-q3')).toHaveTextContent('Correct.');
    expect(screen.getByText('2 attempts left')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit answers' })).not.toBeInTheDocument();

    // A new attempt starts clean: the feedback goes away again.
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByText(/Correct\.|Not correct\./)).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Line chart' })).not.toBeChecked();
  });

  it('offers no form once the quiz is passed or the attempts are used up', () => {
    renderWithProviders(
      <QuizPanel enrolmentId="e1" moduleId="m1" quiz={{ ...quiz, attemptsUsed: 3 }} isReadOnly={false} />,
    );
    expect(screen.queryByRole('button', { name: 'Submit answers' })).not.toBeInTheDocument();
    expect(screen.getByText(/used every attempt/)).toBeInTheDocument();
  });
});
