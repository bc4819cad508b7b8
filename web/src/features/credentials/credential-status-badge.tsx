import { Badge } from '@mantine/core';
import type { CredentialLifecycle } from '../../api/types';

const view: Record<CredentialLifecycle, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  suspended: { label: 'Suspended', color: 'orange' },
  revoked: { label: 'Revoked', color: 'red' },
  expired: { label: 'Expired', color: 'gray' },
};

/** A credential's status as a word in a coloured badge (never colour alone). */
export function CredentialStatusBadge({ status }: { status: CredentialLifecycle }) {
  const { label, color } = view[status];
  return (
    // max-content: in a narrow table the word stays whole instead of ending in an ellipsis.
    <Badge color={color} variant="light" style={{ minWidth: 'max-content' }}>
      {label}
    </Badge>
  );
}
