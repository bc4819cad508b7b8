import { Badge, Code, Table, Text } from '@mantine/core';
import type { QueueOverview } from '../../api/admin-types';

const count = (n: number) => n.toLocaleString('en-GB');

/** Every queue with its jobs by state; dead letters stand out, since they wait for an operator. */
export function QueuesTable({ queues, labelledBy }: { queues: QueueOverview[]; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" aria-labelledby={labelledBy} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Queue</Table.Th>
            <Table.Th scope="col" ta="right">
              Waiting
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Retrying
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Running
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Completed
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Failed
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Dead letters
            </Table.Th>
            <Table.Th scope="col">Schedule (UTC)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.map((queue) => (
            <Table.Tr key={queue.name}>
              <Table.Th scope="row" fw="normal">
                <Text size="sm" fw={600}>
                  {queue.name}
                </Text>
                <Text size="xs" c="dimmed" maw={360}>
                  {queue.description}
                </Text>
              </Table.Th>
              <Table.Td ta="right">{count(queue.counts.created)}</Table.Td>
              <Table.Td ta="right">{count(queue.counts.retry)}</Table.Td>
              <Table.Td ta="right">{count(queue.counts.active)}</Table.Td>
              <Table.Td ta="right">{count(queue.counts.completed)}</Table.Td>
              <Table.Td ta="right">{count(queue.counts.failed)}</Table.Td>
              <Table.Td ta="right">
                {queue.deadLetters > 0 ? (
                  <Badge color="red" variant="light" aria-label={`${queue.deadLetters} dead letters`}>
                    {count(queue.deadLetters)}
                  </Badge>
                ) : (
                  '0'
                )}
              </Table.Td>
              <Table.Td>{queue.schedule ? <Code>{queue.schedule}</Code> : <Text size="sm" c="dimmed">On demand</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
