import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { useReviewQueue } from '../features/reviews/reviews-api';

dayjs.extend(relativeTime);

/** `/o/:slug/reviews`: assignment submissions waiting for an assessor, oldest first. */
export default function ReviewsPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const queue = useReviewQueue(slug);
  usePageTitle('Reviews');

  let body;
  if (queue.isPending) body = <PageLoader label="Loading the review queue" />;
  else if (queue.isError) body = <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  else if (queue.data.length === 0) {
    body = (
      <EmptyState icon={<IconInbox size={28} />} title="Nothing to review">
        When a learner submits an assignment, it waits here until an assessor scores it.
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" highlightOnHover aria-labelledby="reviews-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>Learner</Table.Th>
              <Table.Th>Module</Table.Th>
              <Table.Th>Attempt</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${slug}/reviews/${item.id}`} fw={600}>
                    {dayjs(item.submittedAt).fromNow()}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {dayjs(item.submittedAt).format('D MMM YYYY, HH:mm')}
                  </Text>
                </Table.Td>
                <Table.Td>{item.learner.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.module.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.programme.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.attemptNumber > 1 ? (
                    <Badge variant="light" color="orange">
                      Resubmission {item.attemptNumber}
                    </Badge>
                  ) : (
                    'First'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1} id="reviews-heading">
          Reviews{queue.data && queue.data.length > 0 ? ` (${queue.data.length})` : ''}
        </Title>
        <Text c="dimmed">Assignment evidence learners sent {org?.name ?? 'you'}, oldest first. Score it against the rubric.</Text>
      </Stack>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} bg="white">
        {body}
      </Paper>
    </Stack>
  );
}
