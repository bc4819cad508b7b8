import {
  Alert,
  Badge,
  Button,
  Card,
  Fieldset,
  Group,
  Input,
  Rating,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormAlert } from '../../components/form-alert';
import { ErrorState } from '../../components/page-states';
import { useProblemSubmit } from '../../components/use-problem-submit';
import { useSession } from '../auth/use-session';
import { MarkdownText } from '../markdown/markdown';
import { RatingSummaryLine } from './rating-summary';
import {
  useProgrammeReviews,
  useReportReview,
  useWriteReview,
  type OwnReview,
  type PublicReview,
  type ReviewInput,
} from './ratings-api';
import { ReportAction } from '../../components/report-action';

const statusText: Record<OwnReview['status'], { label: string; color: string; note: string }> = {
  pending: {
    label: 'Waiting for approval',
    color: 'yellow',
    note: 'The provider reads every review before it is shown.',
  },
  approved: { label: 'Published', color: 'teal', note: 'Everyone can read your review.' },
  reported: {
    label: 'Hidden after a report',
    color: 'orange',
    note: 'Someone reported your review; it is hidden until the provider looks at it again.',
  },
  hidden: { label: 'Hidden by the provider', color: 'gray', note: 'The provider chose not to show this review.' },
};

/** Ratings and reviews on a programme page: the average, approved reviews, and the holder's own review. */
export function ProgrammeReviews({ providerSlug, slug }: { providerSlug: string; slug: string }) {
  const reviews = useProgrammeReviews(providerSlug, slug);
  const { session } = useSession();
  return (
    <Stack gap="sm" component="section" aria-labelledby="reviews-heading">
      <Title order={2} size="h3" id="reviews-heading">
        Ratings and reviews
      </Title>
      {reviews.isPending ? (
        <Text c="dimmed">Loading reviews…</Text>
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : (
        <>
          <RatingSummaryLine average={reviews.data.summary.average} count={reviews.data.summary.count} size="md" />
          <Text size="sm" c="dimmed">
            Only people who hold this programme’s credential can review it; the provider approves each review.
          </Text>
          {reviews.data.items.length === 0 ? (
            <Text size="sm">Nobody has published a review yet.</Text>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Reviews">
              {reviews.data.items.map((r) => (
                <li key={r.id}>
                  <ReviewCard review={r} providerSlug={providerSlug} slug={slug} canReport={Boolean(session)} />
                </li>
              ))}
            </Stack>
          )}
          {reviews.data.canReview || reviews.data.mine ? (
            <MyReview
              providerSlug={providerSlug}
              slug={slug}
              mine={reviews.data.mine}
              canReview={reviews.data.canReview}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}

function ReviewCard({
  review,
  providerSlug,
  slug,
  canReport,
}: {
  review: PublicReview;
  providerSlug: string;
  slug: string;
  canReport: boolean;
}) {
  const report = useReportReview(providerSlug, slug);
  return (
    <Card withBorder component="article" aria-label={`Review: ${review.title}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text fw={650}>{review.title}</Text>
            <Group gap={6}>
              <Rating value={review.rating} readOnly size="xs" aria-hidden />
              <Text size="sm" c="dimmed">
                {review.rating} out of 5 · {review.authorName} · {new Date(review.updatedAt).toLocaleDateString()}
              </Text>
            </Group>
          </Stack>
          {canReport ? (
            <ReportAction
              buttonLabel={`Report the review “${review.title}”`}
              title="Report this review"
              explanation="The review is hidden until the provider looks at it again."
              reasonLabel="What is wrong with it?"
              onReport={(reason) => report.mutateAsync({ id: review.id, reason })}
            />
          ) : null}
        </Group>
        <MarkdownText>{review.body}</MarkdownText>
      </Stack>
    </Card>
  );
}

function MyReview({
  providerSlug,
  slug,
  mine,
  canReview,
}: {
  providerSlug: string;
  slug: string;
  mine: OwnReview | null;
  canReview: boolean;
}) {
  const [isEditing, setEditing] = useState(mine === null);
  const write = useWriteReview(providerSlug, slug);
  const form = useForm<ReviewInput>({
    initialValues: { rating: mine?.rating ?? 0, title: mine?.title ?? '', body: mine?.body ?? '' },
    validate: { rating: (v) => (v >= 1 && v <= 5 ? null : 'Choose 1 to 5 stars') },
  });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    await write.mutateAsync(values);
    setEditing(false);
  });
  const status = mine ? statusText[mine.status] : null;
  return (
    <Card withBorder bg="gray.0">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Your review
          </Title>
          {status ? <Badge color={status.color}>{status.label}</Badge> : null}
        </Group>
        {status ? <Text size="sm">{status.note}</Text> : null}
        {!isEditing && mine ? (
          <>
            <Text fw={600}>
              {mine.title} · {mine.rating} out of 5
            </Text>
            <MarkdownText>{mine.body}</MarkdownText>
            {canReview ? (
              <Group>
                <Button variant="default" onClick={() => setEditing(true)}>
                  Edit your review
                </Button>
              </Group>
            ) : null}
          </>
        ) : canReview ? (
          <form onSubmit={onSubmit} noValidate aria-label="Your review">
            <Stack gap="sm">
              <FormAlert message={formError} />
              <Fieldset legend="Your rating (required)" variant="unstyled">
                <Rating
                  value={form.values.rating}
                  onChange={(value) => form.setFieldValue('rating', value)}
                  size="lg"
                  name="review-rating"
                  getSymbolLabel={(value) => `${value} out of 5`}
                />
                {form.errors.rating ? <Input.Error mt={4}>{form.errors.rating}</Input.Error> : null}
              </Fieldset>
              <TextInput label="Title" required {...form.getInputProps('title')} />
              <Textarea
                label="Your review"
                description="What did you learn, and how did you use it? Markdown works."
                required
                minRows={4}
                autosize
                {...form.getInputProps('body')}
              />
              <Group>
                <Button type="submit" loading={write.isPending}>
                  {mine ? 'Save your review' : 'Publish your review'}
                </Button>
                {mine ? (
                  <Button variant="subtle" onClick={() => setEditing(false)}>
                    Cancel
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </form>
        ) : (
          <Alert color="gray">
            You no longer hold a credential for this programme, so you cannot edit your review.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
