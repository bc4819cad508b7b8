import { Badge, Button, Card, Group, Rating, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconStar } from '@tabler/icons-react';
import { errorMessage } from '../../api/client';
import { EmptyState, ErrorState, PageLoader } from '../../components/page-states';
import { MarkdownText } from '../markdown/markdown';
import { useModerateReview, useReviewsToModerate, type ModerationFilter } from './ratings-api';

const filters: { value: ModerationFilter; label: string }[] = [
  { value: 'waiting', label: 'Waiting' },
  { value: 'approved', label: 'Published' },
  { value: 'hidden', label: 'Hidden' },
];

/** The provider's queue of programme reviews: approve to publish, hide to keep out of sight. */
export function ReviewModeration({
  orgSlug,
  filter,
  onFilter,
}: {
  orgSlug: string;
  filter: ModerationFilter;
  onFilter: (f: ModerationFilter) => void;
}) {
  const reviews = useReviewsToModerate(orgSlug, filter);
  const moderate = useModerateReview(orgSlug);
  const decide = (id: string, decision: 'approve' | 'hide') =>
    moderate.mutate(
      { id, decision },
      {
        onSuccess: () =>
          notifications.show({ message: decision === 'approve' ? 'Review published' : 'Review hidden', color: 'teal' }),
        onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
      },
    );
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Which reviews"
        data={filters}
        value={filter}
        onChange={(v) => onFilter(v as ModerationFilter)}
        w="fit-content"
      />
      {reviews.isPending ? (
        <PageLoader label="Loading reviews" />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <EmptyState
          icon={<IconStar size={28} aria-hidden />}
          title={filter === 'waiting' ? 'Nothing waiting' : 'No reviews here'}
        >
          {filter === 'waiting'
            ? 'New and reported reviews of your programmes appear here for you to approve or hide.'
            : 'Reviews you approve or hide are listed here.'}
        </EmptyState>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Reviews to moderate">
          {reviews.data.map((r) => (
            <li key={r.id}>
              <Card withBorder component="article" aria-label={`Review of ${r.programme.title}: ${r.title}`}>
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start">
                    <Stack gap={2}>
                      <Text fw={650}>{r.title}</Text>
                      <Text size="sm" c="dimmed">
                        {r.programme.title} · {r.authorName} · {new Date(r.updatedAt).toLocaleString()}
                      </Text>
                    </Stack>
                    <Group gap={6}>
                      {r.status === 'reported' ? (
                        <Badge color="orange">Reported{r.openReports > 1 ? ` ${r.openReports} times` : ''}</Badge>
                      ) : null}
                      {r.status === 'pending' ? <Badge color="yellow">New</Badge> : null}
                    </Group>
                  </Group>
                  <Group gap={6}>
                    <Rating value={r.rating} readOnly size="xs" aria-hidden />
                    <Text size="sm">{r.rating} out of 5</Text>
                  </Group>
                  <MarkdownText>{r.body}</MarkdownText>
                  <Group gap="sm">
                    {r.status !== 'approved' ? (
                      <Button size="xs" onClick={() => decide(r.id, 'approve')} loading={moderate.isPending}>
                        Approve
                      </Button>
                    ) : null}
                    {r.status !== 'hidden' ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => decide(r.id, 'hide')}
                        loading={moderate.isPending}
                      >
                        Hide
                      </Button>
                    ) : null}
                  </Group>
                </Stack>
              </Card>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
