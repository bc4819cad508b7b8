import { Group, Rating, Text } from '@mantine/core';

/** "4.5 out of 5", spoken and shown; the stars themselves are decoration. */
export function ratingLabel(average: number | null, count: number): string {
  if (average === null || count === 0) return 'No reviews yet';
  return `${average.toFixed(1)} out of 5 from ${count} ${count === 1 ? 'review' : 'reviews'}`;
}

/** Stars with the average and the count in words. */
export function RatingSummaryLine({
  average,
  count,
  size = 'sm',
}: {
  average: number | null;
  count: number;
  size?: 'xs' | 'sm' | 'md';
}) {
  if (average === null || count === 0)
    return (
      <Text size={size} c="dimmed">
        No reviews yet
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Rating value={average} fractions={2} readOnly size={size} aria-hidden />
      <Text size={size}>{ratingLabel(average, count)}</Text>
    </Group>
  );
}
