import { Alert, Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { bytesLabel } from '../features/learning/evidence-file';
import { SubmissionStatusBadge } from '../features/learning/submission-status';
import { MarkdownText } from '../features/markdown/markdown';
import { ReviewForm } from '../features/reviews/review-form';
import { submissionFilePath, useSubmissionForReview } from '../features/reviews/reviews-api';
import { Section } from '../components/section';

/** `/o/:slug/reviews/:submissionId`: the evidence beside the rubric. */
export default function ReviewPage() {
  const { slug = '', submissionId = '' } = useParams();
  const navigate = useNavigate();
  const submission = useSubmissionForReview(slug, submissionId);
  usePageTitle(submission.data ? `Review: ${submission.data.module.title}` : 'Review');

  if (submission.isPending) return <PageLoader label="Loading the submission" />;
  if (submission.isError) return <ErrorState error={submission.error} onRetry={() => void submission.refetch()} />;
  const s = submission.data;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to={`/o/${slug}/reviews`} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            Reviews
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={1}>{s.module.title}</Title>
            <Text c="dimmed">
              {s.programme.title} · {s.learner.name} · attempt {s.attemptNumber} · sent{' '}
              {dayjs(s.submittedAt).format('D MMM YYYY, HH:mm')}
            </Text>
          </Stack>
          <SubmissionStatusBadge status={s.status} />
        </Group>
      </Stack>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Section frame="paper" title="Evidence" titleId="evidence-heading">
              {s.text ? <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{s.text}</Text> : null}
              {s.link ? (
                <Anchor
                  href={s.link}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {s.link}
                </Anchor>
              ) : null}
              {s.file ? (
                <Button
                  component="a"
                  href={submissionFilePath(slug, s.id)}
                  download={s.file.name}
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  w="fit-content"
                >
                  {s.file.name} ({bytesLabel(s.file.size)})
                </Button>
              ) : null}
              {!s.text && !s.link && !s.file ? <Text c="dimmed">No evidence attached.</Text> : null}
            </Section>
            <Section frame="paper" title="Instructions the learner had" titleId="instructions-heading">
              <MarkdownText>{s.instructions}</MarkdownText>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {s.status === 'pending' ? (
            <ReviewForm
              orgSlug={slug}
              submissionId={s.id}
              rubric={s.rubric}
              passPoints={s.passPoints}
              maxPoints={s.maxPoints}
              onReviewed={(_, decision) => {
                notifications.show({
                  color: decision === 'approve' ? 'teal' : 'orange',
                  title: decision === 'approve' ? 'Approved' : 'Resubmission requested',
                  message: `${s.learner.name} will see your feedback.`,
                });
                void navigate(`/o/${slug}/reviews`);
              }}
            />
          ) : (
            <Alert
              color={s.status === 'approved' ? 'teal' : 'orange'}
              title={s.status === 'approved' ? 'Approved' : 'Resubmission requested'}
            >
              <Stack gap={4}>
                {s.reviewedAt ? (
                  <Text size="sm">Reviewed {dayjs(s.reviewedAt).format('D MMM YYYY, HH:mm')}.</Text>
                ) : null}
                {s.points !== null ? (
                  <Text size="sm">
                    {s.points} of {s.maxPoints} points.
                  </Text>
                ) : null}
                {s.feedback ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.feedback}
                  </Text>
                ) : null}
              </Stack>
            </Alert>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
