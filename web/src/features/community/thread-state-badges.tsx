import { Badge, Group } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** Whether a thread is locked or hidden by a moderator; nothing when it is neither. */
export function ThreadStateBadges({ thread }: { thread: { isLocked: boolean; isHidden: boolean } }) {
  return (
    <Group gap={4}>
      {thread.isLocked ? (
        <Badge color="gray" leftSection={<IconLock size={12} aria-hidden />}>
          Locked
        </Badge>
      ) : null}
      {thread.isHidden ? <Badge color="orange">Hidden</Badge> : null}
    </Group>
  );
}
