import { Badge } from '@mantine/core';
import { useReviewQueue } from './reviews-api';

/** How many submissions wait for review, for the navigation; nothing when none. */
export function ReviewCountBadge({ slug }: { slug: string }) {
  const queue = useReviewQueue(slug);
  const count = queue.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" circle={count < 10} color="ember" aria-label={`${count} waiting`}>
      {count}
    </Badge>
  );
}
