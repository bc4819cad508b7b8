import { Badge, Stack, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { AuditActor, AuditEntry } from '../../api/audit-types';
import { auditEventLabel } from './event-labels';

function Actor({ actor }: { actor: AuditActor }) {
  const [who, detail] =
    actor.kind === 'user'
      ? [actor.name ?? 'A deleted user', actor.email]
      : actor.kind === 'apiKey'
        ? [actor.apiKeyName ? `API key “${actor.apiKeyName}”` : 'An API key', actor.apiKeyName ? undefined : actor.apiKeyId]
        : ['Cairn', actor.reason];
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {who}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {detail}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Who did what and when, newest first. */
export function AuditTable({ entries, labelledBy }: { entries: AuditEntry[]; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={entry.occurredAt}>{dayjs(entry.occurredAt).format('D MMM YYYY, HH:mm')}</time>
              </Table.Td>
              <Table.Td>
                <Actor actor={entry.actor} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {entry.summary}
                  </Text>
                  <Badge variant="light" color="gray" tt="none">
                    {auditEventLabel(entry.type)}
                  </Badge>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
