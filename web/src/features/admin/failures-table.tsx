import { Button, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { JobFailure } from '../../api/admin-types';

type FailuresTableProps = {
  failures: JobFailure[];
  labelledBy: string;
  /** The failure being retried now, if any: its button shows progress, the others wait. */
  retryingId: string | null;
  onRetry: (failure: JobFailure) => void;
};

/** Jobs that failed every attempt, newest first, each with its last error and a way to run it again. */
export function FailuresTable({ failures, labelledBy, retryingId, onRetry }: FailuresTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Queue</Table.Th>
            <Table.Th scope="col">Failed</Table.Th>
            <Table.Th scope="col">Attempts</Table.Th>
            <Table.Th scope="col">Last error</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Action</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {failures.map((failure) => (
            <Table.Tr key={failure.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {failure.queue}
                </Text>
                <Code fz="xs">{failure.id}</Code>
              </Table.Td>
              <Table.Td>
                <time dateTime={failure.failedAt}>{dayjs(failure.failedAt).format('D MMM YYYY, HH:mm:ss')}</time>
              </Table.Td>
              <Table.Td>{failure.retryCount + 1}</Table.Td>
              <Table.Td maw={420}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }} lineClamp={4} title={failure.error ?? undefined}>
                  {failure.error ?? 'No error was recorded.'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  aria-label={`Retry job ${failure.id} of ${failure.queue}`}
                  loading={retryingId === failure.id}
                  disabled={retryingId !== null && retryingId !== failure.id}
                  onClick={() => onRetry(failure)}
                >
                  Retry
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
