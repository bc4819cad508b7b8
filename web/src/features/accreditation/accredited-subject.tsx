import { Stack, Text } from '@mantine/core';
import type { Accreditation } from './accreditation-api';

/** What is accredited: its name, and whether it is an organisation or one provider's programme. */
export function AccreditedSubject({
  subject,
}: {
  subject: Pick<Accreditation['subject'], 'name' | 'type' | 'providerName'>;
}) {
  return (
    <Stack gap={0}>
      <Text fw={500}>{subject.name}</Text>
      <Text size="xs" c="dimmed">
        {subject.type === 'programme' ? `Programme of ${subject.providerName}` : 'Organisation'}
      </Text>
    </Stack>
  );
}
