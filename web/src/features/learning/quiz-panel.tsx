import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheckFilled, IconCircleXFilled, IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import type { LearnerQuiz, QuizAnswers, QuizAttemptResult } from '../../api/types';
import { useSubmitQuiz } from './learning-api';
import { useStartQuizAttempt } from './assessment-api';
import { RequestError } from '../../components/request-error';

type QuizPanelProps = { enrolmentId: string; moduleId: string; quiz: LearnerQuiz; isReadOnly: boolean };

type Draft = Record<string, string[] | string | number>;

const attemptsLeftOf = (quiz: LearnerQuiz) =>
  quiz.attemptsLimit === null ? null : Math.max(0, quiz.attemptsLimit - quiz.attemptsUsed);

/**
 * A quiz as the learner takes it. The browser never holds the answers: correctness and feedback
 * come from the server's grading, and are shown only for the attempt just submitted.
 */
export function QuizPanel({ enrolmentId, moduleId, quiz, isReadOnly }: QuizPanelProps) {
  const submit = useSubmitQuiz(enrolmentId, moduleId);
  const start = useStartQuizAttempt(enrolmentId, moduleId);
  const [draft, setDraft] = useState<Draft>({});
  const [result, setResult] = useState<QuizAttemptResult | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const attemptsLeft = result ? result.attemptsLeft : attemptsLeftOf(quiz);
  const isOutOfAttempts = attemptsLeft === 0;
  const graded = new Map(result?.questions.map((q) => [q.id, q]) ?? []);
  // A drawn quiz shows its questions once an attempt is started (the server draws them).
  const started = quiz.isStartRequired && !result ? start.data : undefined;
  const questions = quiz.isStartRequired ? (start.data?.questions ?? []) : quiz.questions;
  const canAnswer =
    !isReadOnly && !result && !quiz.isPassed && !isOutOfAttempts && (!quiz.isStartRequired || !!started);
  const canStart = quiz.isStartRequired && !isReadOnly && !quiz.isPassed && !isOutOfAttempts && !started;

  const onSubmit = () => {
    const unanswered = questions.filter((q) => {
      const value = draft[q.id];
      return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    });
    setMissing(unanswered.map((q) => q.id));
    if (unanswered.length > 0) return;
    const answers: QuizAnswers = Object.fromEntries(
      questions.map((q) => {
        const value = draft[q.id]!;
        return [q.id, q.kind === 'numeric' ? Number(value) : Array.isArray(value) ? value : [String(value)]];
      }),
    );
    submit.mutate(answers, { onSuccess: setResult });
  };

  const tryAgain = () => {
    setResult(null);
    setDraft({});
    setMissing([]);
    submit.reset();
    start.reset();
  };

  return (
    <Stack gap="md" component="section" aria-labelledby={`quiz-${moduleId}`}>
      <Group justify="space-between" align="flex-end">
        <Title order={3} fz="lg" id={`quiz-${moduleId}`}>
          Quiz
        </Title>
        <Group gap="xs">
          <Badge variant="light">Pass mark {quiz.passMark}%</Badge>
          <Badge variant="light" color="gray">
            {attemptsLeft === null
              ? 'Unlimited attempts'
              : `${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left`}
          </Badge>
          {quiz.bestPercent !== null || result ? (
            <Badge variant="light" color="ember">
              Best score {Math.max(quiz.bestPercent ?? 0, result?.percent ?? 0)}%
            </Badge>
          ) : null}
        </Group>
      </Group>

      {quiz.isPassed && !result ? (
        <Alert color="teal" icon={<IconTrophy aria-hidden />} title="Quiz passed">
          You passed this quiz with {quiz.bestPercent ?? 0}%.
        </Alert>
      ) : null}

      {result ? (
        <Alert
          color={result.isPassed ? 'teal' : 'orange'}
          title={result.isPassed ? `Passed with ${result.percent}%` : `${result.percent}%: not passed yet`}
          role="status"
        >
          {result.isLate ? 'The time limit had passed when your answers arrived, so this attempt scores nothing. ' : ''}
          {result.isPassed
            ? 'Well done. The right answers are below.'
            : result.attemptsLeft === 0
              ? 'You have no attempts left. Contact the provider if you need another.'
              : `You need ${quiz.passMark}%. Which answers were right is shown once you pass${quiz.revealAnswers === 'after-pass-or-last-attempt' ? ' or use your last attempt' : ''}: review the module, then try again.`}
        </Alert>
      ) : null}

      {quiz.isStartRequired && !result ? (
        <Text size="sm" c="dimmed">
          Each attempt draws {quiz.questionCount} questions
          {quiz.timeLimitMinutes ? ` and allows ${quiz.timeLimitMinutes} minutes from when you start` : ''}.
          {started?.expiresAt ? ` Submit by ${new Date(started.expiresAt).toLocaleTimeString()}.` : ''}
        </Text>
      ) : null}
      {canStart ? (
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {quiz.attemptsUsed > 0 ? 'Start another attempt' : 'Start the quiz'}
          </Button>
        </Group>
      ) : null}
      <RequestError error={start.error} />

      {(!quiz.isPassed || result) && questions.length > 0 ? (
        <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {questions.map((q, index) => {
            const g = graded.get(q.id);
            const isMissing = missing.includes(q.id);
            const label = (
              <Text fw={500} component="span">
                {index + 1}. {q.prompt}
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({q.points} {q.points === 1 ? 'point' : 'points'})
                </Text>
              </Text>
            );
            const error = isMissing ? 'Answer this question' : undefined;
            let input;
            if (q.kind === 'single') {
              input = (
                <Radio.Group
                  label={label}
                  value={typeof draft[q.id] === 'string' ? (draft[q.id] as string) : null}
                  onChange={(v) => setDraft({ ...draft, [q.id]: v })}
                  error={error}
                >
                  <Stack gap={8} mt="xs">
                    {(q.options ?? []).map((o) => (
                      <Radio key={o.id} value={o.id} label={o.text} disabled={!canAnswer} />
                    ))}
                  </Stack>
                </Radio.Group>
              );
            } else if (q.kind === 'multiple') {
              input = (
                <Checkbox.Group
                  label={label}
                  description="Choose every answer that applies"
                  value={Array.isArray(draft[q.id]) ? (draft[q.id] as string[]) : []}
                  onChange={(v) => setDraft({ ...draft, [q.id]: v })}
                  error={error}
                >
                  <Stack gap={8} mt="xs">
                    {(q.options ?? []).map((o) => (
                      <Checkbox key={o.id} value={o.id} label={o.text} disabled={!canAnswer} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              );
            } else {
              input = (
                <NumberInput
                  label={label}
                  value={(draft[q.id] as number | string | undefined) ?? ''}
                  onChange={(v) => setDraft({ ...draft, [q.id]: v })}
                  rightSection={
                    q.unit ? (
                      <Text size="sm" c="dimmed">
                        {q.unit}
                      </Text>
                    ) : undefined
                  }
                  rightSectionWidth={q.unit ? Math.max(40, q.unit.length * 9 + 16) : undefined}
                  disabled={!canAnswer}
                  error={error}
                  maw={280}
                  decimalSeparator="."
                />
              );
            }
            return (
              <Paper
                component="li"
                key={q.id}
                withBorder
                p="md"
                bg="white"
                style={g ? { borderColor: `var(--mantine-color-${g.isCorrect ? 'teal' : 'red'}-4)` } : undefined}
              >
                <Stack gap="sm">
                  {input}
                  {g ? (
                    <Group gap={6} align="flex-start" wrap="nowrap" data-testid={`graded-${q.id}`}>
                      {g.isCorrect ? (
                        <IconCircleCheckFilled
                          size={20}
                          color="var(--mantine-color-teal-6)"
                          aria-hidden
                          style={{ flexShrink: 0 }}
                        />
                      ) : (
                        <IconCircleXFilled
                          size={20}
                          color="var(--mantine-color-red-6)"
                          aria-hidden
                          style={{ flexShrink: 0 }}
                        />
                      )}
                      <Text size="sm">
                        <Text span fw={600}>
                          {g.isCorrect ? 'Correct.' : 'Not correct.'}
                        </Text>
                        {g.feedback ? ` ${g.feedback}` : ''}
                        {!g.isCorrect && g.correctOptionIds
                          ? ` Right answer: ${(q.options ?? [])
                              .filter((o) => g.correctOptionIds!.includes(o.id))
                              .map((o) => o.text)
                              .join(', ')}.`
                          : ''}
                        {!g.isCorrect && g.answer !== undefined ? ` Right answer: ${g.answer}.` : ''}
                      </Text>
                    </Group>
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      ) : null}

      <RequestError error={submit.error} />
      {missing.length > 0 ? (
        <Text size="sm" c="red" role="alert">
          Answer every question before you submit ({missing.length} left).
        </Text>
      ) : null}
      {canAnswer ? (
        <Group>
          <Button onClick={onSubmit} loading={submit.isPending}>
            Submit answers
          </Button>
        </Group>
      ) : null}
      {result && !result.isPassed && result.attemptsLeft !== 0 && !isReadOnly ? (
        <Group>
          <Button variant="default" onClick={tryAgain}>
            Try again
          </Button>
        </Group>
      ) : null}
      {isOutOfAttempts && !quiz.isPassed && !result ? (
        <Alert color="orange">
          You have used every attempt at this quiz. Contact the provider if you need another.
        </Alert>
      ) : null}
    </Stack>
  );
}
