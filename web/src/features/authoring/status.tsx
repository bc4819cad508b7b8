import { Badge } from '@mantine/core';
import type { MicrocredentialStatus, VersionStatus } from '../../api/types';

const view: Record<MicrocredentialStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  published: { label: 'Published', color: 'teal' },
  published_with_draft: { label: 'Published, draft in progress', color: 'blue' },
};

export function MicrocredentialStatusBadge({ status }: { status: MicrocredentialStatus | VersionStatus }) {
  return (
    <Badge color={view[status].color} variant="light" style={{ minWidth: 'max-content' }}>
      {view[status].label}
    </Badge>
  );
}
