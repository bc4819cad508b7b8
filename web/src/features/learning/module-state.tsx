import { Badge } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled, IconCircleX, IconClockHour4, IconRefresh } from '@tabler/icons-react';
import type { ModuleState } from '../../api/types';

export const moduleStateView: Record<ModuleState, { label: string; color: string; Icon: typeof IconCircle }> = {
  todo: { label: 'To do', color: 'gray', Icon: IconCircle },
  done: { label: 'Done', color: 'teal', Icon: IconCircleCheckFilled },
  pending_review: { label: 'Waiting for review', color: 'blue', Icon: IconClockHour4 },
  resubmit: { label: 'Resubmit', color: 'orange', Icon: IconRefresh },
  failed: { label: 'Not passed', color: 'red', Icon: IconCircleX },
};

/** A module's state as an icon (decorative) beside its word. */
export function ModuleStateIcon({ state, size = 18 }: { state: ModuleState; size?: number }) {
  const { Icon, color } = moduleStateView[state];
  return <Icon size={size} color={`var(--mantine-color-${color}-6)`} aria-hidden style={{ flexShrink: 0 }} />;
}

export function ModuleStateBadge({ state }: { state: ModuleState }) {
  const { label, color } = moduleStateView[state];
  return (
    <Badge color={color} variant="light" leftSection={<ModuleStateIcon state={state} size={12} />}>
      {label}
    </Badge>
  );
}
