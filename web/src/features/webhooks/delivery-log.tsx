import { Alert, Button, Code, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client';
import { EmptyState, ErrorState, PageLoader } from '../../components/page-states';
import { DeliveryStatusBadge } from './webhook-status';
import { useResendWebhookDelivery, useWebhookDeliveries } from './webhooks-api';

const when = (value: string) => dayjs(value).format('D MMM YYYY, HH:mm:ss');

/** An endpoint's deliveries: outcome, response code, attempts, time; resend any of them. */
export function DeliveryLog({ slug, webhookId }: { slug: string; webhookId: string }) {
  const deliveries = useWebhookDeliveries(slug, webhookId);
  const resend = useResendWebhookDelivery(slug, webhookId);

  if (deliveries.isPending) return <PageLoader label="Loading deliveries" />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.length === 0) {
    return (
      <EmptyState icon={<IconSend size={26} />} title="No deliveries yet">
        Each event this endpoint subscribes to appears here once it is sent. Send a test to try the receiver now.
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      {resend.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(resend.error)}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" aria-labelledby="delivery-log-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Event</Table.Th>
              <Table.Th scope="col">Response</Table.Th>
              <Table.Th scope="col">Attempts</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>
                  <DeliveryStatusBadge delivery={delivery} />
                </Table.Td>
                <Table.Td>
                  <Code>{delivery.event}</Code>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {delivery.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{delivery.responseCode ?? '—'}</Text>
                  {delivery.lastError && delivery.status !== 'succeeded' ? (
                    <Text size="xs" c="dimmed" maw={320} style={{ wordBreak: 'break-word' }}>
                      {delivery.lastError}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{delivery.attempt}</Text>
                  {delivery.nextAttemptAt && delivery.status === 'pending' && delivery.attempt > 0 ? (
                    <Text size="xs" c="dimmed">
                      next {when(delivery.nextAttemptAt)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when(delivery.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Send it again now, with the same webhook-id" withArrow>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={`Resend ${delivery.event} delivery ${delivery.id}`}
                      loading={resend.isPending && resend.variables === delivery.id}
                      onClick={() =>
                        resend.mutate(delivery.id, {
                          onSuccess: () => notifications.show({ title: 'Resending', message: `${delivery.event} is being sent again.` }),
                        })
                      }
                    >
                      Resend
                    </Button>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {deliveries.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
