import { Anchor, Badge, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { Link, useParams } from 'react-router';
import { ListPage } from '../components/list-page';
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

  return (
    <ListPage
      title={`Reviews${queue.data && queue.data.length > 0 ? ` (${queue.data.length})` : ''}`}
      titleId="reviews-heading"
      description={`Assignment evidence learners sent ${org?.name ?? 'you'}, oldest first. Score it against the rubric.`}
      query={queue}
      loadingLabel="Loading the review queue"
      empty={{
        icon: <IconInbox size={28} />,
        title: 'Nothing to review',
        description: 'When a learner submits an assignment, it waits here until an assessor scores it.',
      }}
      padding={{ base: 'sm', sm: 'lg' }}
      table={{
        rowKey: (item) => item.id,
        minWidth: 560,
        highlightOnHover: true,
        columns: [
          {
            header: 'Submitted',
            cell: (item) => (
              <>
                <Anchor component={Link} to={`/o/${slug}/reviews/${item.id}`} fw={600}>
                  {dayjs(item.submittedAt).fromNow()}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {dayjs(item.submittedAt).format('D MMM YYYY, HH:mm')}
                </Text>
              </>
            ),
          },
          { header: 'Learner', cell: (item) => item.learner.name },
          {
            header: 'Module',
            cell: (item) => (
              <>
                <Text size="sm" fw={500}>
                  {item.module.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {item.programme.title}
                </Text>
              </>
            ),
          },
          {
            header: 'Attempt',
            cell: (item) =>
              item.attemptNumber > 1 ? (
                <Badge variant="light" color="orange">
                  Resubmission {item.attemptNumber}
                </Badge>
              ) : (
                'First'
              ),
          },
        ],
      }}
    />
  );
}
