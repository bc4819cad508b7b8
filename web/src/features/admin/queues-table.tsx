import { Badge, Code, Text } from '@mantine/core';
import type { QueueOverview } from '../../api/types';
import { DataTable } from '../../components/data-table';

const count = (n: number) => n.toLocaleString('en-GB');

/** Every queue with its jobs by state; dead letters stand out, since they wait for an operator. */
export function QueuesTable({ queues, labelledBy }: { queues: QueueOverview[]; labelledBy: string }) {
  return (
    <DataTable
      rows={queues}
      rowKey={(queue) => queue.name}
      labelledBy={labelledBy}
      minWidth={760}
      highlightOnHover
      columns={[
        {
          header: 'Queue',
          isRowHeader: true,
          cell: (queue) => (
            <>
              <Text size="sm" fw={600}>
                {queue.name}
              </Text>
              <Text size="xs" c="dimmed" maw={360}>
                {queue.description}
              </Text>
            </>
          ),
        },
        { header: 'Waiting', align: 'right', cell: (queue) => count(queue.counts.created) },
        { header: 'Retrying', align: 'right', cell: (queue) => count(queue.counts.retry) },
        { header: 'Running', align: 'right', cell: (queue) => count(queue.counts.active) },
        { header: 'Completed', align: 'right', cell: (queue) => count(queue.counts.completed) },
        { header: 'Failed', align: 'right', cell: (queue) => count(queue.counts.failed) },
        {
          header: 'Dead letters',
          align: 'right',
          cell: (queue) =>
            queue.deadLetters > 0 ? (
              <Badge color="red" variant="light" aria-label={`${queue.deadLetters} dead letters`}>
                {count(queue.deadLetters)}
              </Badge>
            ) : (
              '0'
            ),
        },
        {
          header: 'Schedule (UTC)',
          cell: (queue) =>
            queue.schedule ? (
              <Code>{queue.schedule}</Code>
            ) : (
              <Text size="sm" c="dimmed">
                On demand
              </Text>
            ),
        },
      ]}
    />
  );
}
