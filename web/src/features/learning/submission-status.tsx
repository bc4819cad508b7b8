import { Badge } from '@mantine/core';
import type { SubmissionStatus } from '../../api/types';

const view: Record<SubmissionStatus, { label: string; color: string }> = {
  pending: { label: 'Waiting for review', color: 'blue' },
  approved: { label: 'Approved', color: 'teal' },
  resubmit: { label: 'Resubmit requested', color: 'orange' },
};

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  return (
    <Badge color={view[status].color} variant="light" style={{ minWidth: 'max-content' }}>
      {view[status].label}
    </Badge>
  );
}
