import { Button, Code, Text, VisuallyHidden } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { JobFailure } from '../../api/types';
import { DataTable } from '../../components/data-table';

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
    <DataTable
      rows={failures}
      rowKey={(failure) => failure.id}
      labelledBy={labelledBy}
      minWidth={640}
      columns={[
        {
          header: 'Queue',
          cell: (failure) => (
            <>
              <Text size="sm" fw={600}>
                {failure.queue}
              </Text>
              <Code fz="xs">{failure.id}</Code>
            </>
          ),
        },
        {
          header: 'Failed',
          cell: (failure) => (
            <time dateTime={failure.failedAt}>{dayjs(failure.failedAt).format('D MMM YYYY, HH:mm:ss')}</time>
          ),
        },
        { header: 'Attempts', cell: (failure) => failure.retryCount + 1 },
        {
          header: 'Last error',
          cell: (failure) => (
            <Text
              size="sm"
              maw={420}
              style={{ overflowWrap: 'anywhere' }}
              lineClamp={4}
              title={failure.error ?? undefined}
            >
              {failure.error ?? 'No error was recorded.'}
            </Text>
          ),
        },
        {
          header: <VisuallyHidden>Action</VisuallyHidden>,
          cell: (failure) => (
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
          ),
        },
      ]}
    />
  );
}
