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
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
