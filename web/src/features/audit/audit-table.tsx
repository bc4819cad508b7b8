import { Badge, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { AuditActor, AuditEntry } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { auditEventLabel } from './event-labels';

function Actor({ actor }: { actor: AuditActor }) {
  const [who, detail] =
    actor.kind === 'user'
      ? [actor.name ?? 'A deleted user', actor.email]
      : actor.kind === 'apiKey'
        ? [
            actor.apiKeyName ? `API key “${actor.apiKeyName}”` : 'An API key',
            actor.apiKeyName ? undefined : actor.apiKeyId,
          ]
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
    <DataTable
      rows={entries}
      rowKey={(entry) => entry.id}
      labelledBy={labelledBy}
      minWidth={640}
      columns={[
        {
          header: 'When',
          cell: (entry) => (
            <time dateTime={entry.occurredAt} style={{ whiteSpace: 'nowrap' }}>
              {dayjs(entry.occurredAt).format('D MMM YYYY, HH:mm')}
            </time>
          ),
        },
        { header: 'Who', cell: (entry) => <Actor actor={entry.actor} /> },
        {
          header: 'What',
          cell: (entry) => (
            <Stack gap={4} align="flex-start">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {entry.summary}
              </Text>
              <Badge variant="light" color="gray" tt="none">
                {auditEventLabel(entry.type)}
              </Badge>
            </Stack>
          ),
        },
      ]}
    />
  );
}
