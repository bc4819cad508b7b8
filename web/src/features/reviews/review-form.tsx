import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import type { LearnerRubric, ReviewDecision, Submission } from '../../api/types';
import { useReviewSubmission } from './reviews-api';
import { Section } from '../../components/section';

type ReviewFormProps = {
  orgSlug: string;
  submissionId: string;
  rubric: LearnerRubric;
  passPoints: number | null;
  maxPoints: number;
  onReviewed: (submission: Submission, decision: ReviewDecision) => void;
};

/** Scores each criterion (one level each, required), feedback, then approve or ask to resubmit. */
export function ReviewForm({ orgSlug, submissionId, rubric, passPoints, maxPoints, onReviewed }: ReviewFormProps) {
  const review = useReviewSubmission(orgSlug, submissionId);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedbackError, setFeedbackError] = useState<string | null>(null);

  const points = rubric.criteria.reduce(
    (sum, c) => sum + (c.levels.find((l) => l.id === scores[c.id])?.points ?? 0),
    0,
  );
  const isComplete = rubric.criteria.every((c) => scores[c.id]);

  const submit = (decision: ReviewDecision) => {
    const next: Record<string, string> = {};
    for (const c of rubric.criteria) if (!scores[c.id]) next[c.id] = 'Choose a level for this criterion';
    setErrors(next);
    const needsFeedback = decision === 'resubmit' && !feedback.trim();
    setFeedbackError(needsFeedback ? 'Tell the learner what to change' : null);
    if (Object.keys(next).length > 0 || needsFeedback) return;
    review.mutate(
      { scores, feedback: feedback.trim(), decision },
      {
        onSuccess: (s) => onReviewed(s, decision),
        onError: (error) => {
          if (!isApiError(error)) return;
          const fieldErrors: Record<string, string> = {};
          for (const e of error.errors) {
            const id = e.field.replace(/^scores\.?/, '');
            if (rubric.criteria.some((c) => c.id === id)) fieldErrors[id] = e.message;
          }
          setErrors(fieldErrors);
        },
      },
    );
  };

  return (
    <Section gap="md" title="Score against the rubric" titleId="review-heading">
      {rubric.criteria.map((c) => (
        <Paper key={c.id} withBorder p="md" bg="white">
          <Radio.Group
            label={c.title}
            styles={{ label: { fontWeight: 600 } }}
            description={c.description}
            value={scores[c.id] ?? null}
            onChange={(levelId) => {
              setScores({ ...scores, [c.id]: levelId });
              setErrors(({ [c.id]: _, ...rest }) => rest);
            }}
            error={errors[c.id]}
            required
          >
            <Stack gap={8} mt="xs">
              {c.levels.map((l) => (
                <Radio
                  key={l.id}
                  value={l.id}
                  label={`${l.title} (${l.points} ${l.points === 1 ? 'point' : 'points'})`}
                  description={l.description}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Paper>
      ))}
      <Text size="sm" role="status" aria-live="polite">
        {points} of {maxPoints} points
        {passPoints !== null
          ? `; ${passPoints} needed to pass`
          : '; every criterion must be above its lowest level to pass'}
        {isComplete ? '' : ' (not every criterion is scored yet)'}
      </Text>
      <Textarea
        label="Feedback to the learner"
        autosize
        minRows={3}
        maxLength={10_000}
        value={feedback}
        onChange={(e) => {
          setFeedback(e.currentTarget.value);
          setFeedbackError(null);
        }}
        error={feedbackError}
      />
      {review.isError && Object.keys(errors).length === 0 ? (
        <Alert color="red" role="alert">
          {errorMessage(review.error)}
        </Alert>
      ) : null}
      <Group>
        <Button
          color="teal"
          onClick={() => submit('approve')}
          loading={review.isPending && review.variables.decision === 'approve'}
          disabled={review.isPending}
        >
          Approve
        </Button>
        <Button
          variant="default"
          onClick={() => submit('resubmit')}
          loading={review.isPending && review.variables.decision === 'resubmit'}
          disabled={review.isPending}
        >
          Ask to resubmit
        </Button>
      </Group>
    </Section>
  );
}
