import { Badge } from '@mantine/core';
import { statusColors, statusLabels, type Accreditation } from './accreditation-api';

/** An accreditation's status as a word (the colour only repeats it). */
export function AccreditationStatusBadge({ status }: { status: Accreditation['status'] }) {
  return (
    <Badge color={statusColors[status]} variant="light">
      {statusLabels[status]}
    </Badge>
  );
}
