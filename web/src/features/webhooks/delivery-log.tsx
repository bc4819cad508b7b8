import { Button, Code, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { DataTable } from '../../components/data-table';
import { ListContent } from '../../components/list-page';
import { DeliveryStatusBadge } from './webhook-status';
import { useResendWebhookDelivery, useWebhookDeliveries } from './webhooks-api';
import { RequestError } from '../../components/request-error';

const when = (value: string) => dayjs(value).format('D MMM YYYY, HH:mm:ss');

/** An endpoint's deliveries: outcome, response code, attempts, time; resend any of them. */
export function DeliveryLog({ slug, webhookId }: { slug: string; webhookId: string }) {
  const deliveries = useWebhookDeliveries(slug, webhookId);
  const resend = useResendWebhookDelivery(slug, webhookId);

  return (
    <ListContent
      query={deliveries}
      loadingLabel="Loading deliveries"
      empty={{
        icon: <IconSend size={26} />,
        title: 'No deliveries yet',
        description:
          'Each event this endpoint subscribes to appears here once it is sent. Send a test to try the receiver now.',
      }}
    >
      {(rows) => (
        <>
          <RequestError error={resend.error} />
          <DataTable
            rows={rows}
            rowKey={(delivery) => delivery.id}
            labelledBy="delivery-log-heading"
            minWidth={560}
            columns={[
              { header: 'Status', cell: (delivery) => <DeliveryStatusBadge delivery={delivery} /> },
              {
                header: 'Event',
                cell: (delivery) => (
                  <>
                    <Code>{delivery.event}</Code>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {delivery.id}
                    </Text>
                  </>
                ),
              },
              {
                header: 'Response',
                cell: (delivery) => (
                  <>
                    <Text size="sm">{delivery.responseCode ?? '—'}</Text>
                    {delivery.lastError && delivery.status !== 'succeeded' ? (
                      <Text size="xs" c="dimmed" maw={320} style={{ wordBreak: 'break-word' }}>
                        {delivery.lastError}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              {
                header: 'Attempts',
                cell: (delivery) => (
                  <>
                    <Text size="sm">{delivery.attempt}</Text>
                    {delivery.nextAttemptAt && delivery.status === 'pending' && delivery.attempt > 0 ? (
                      <Text size="xs" c="dimmed">
                        next {when(delivery.nextAttemptAt)}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              { header: 'Created', cell: (delivery) => <Text size="sm">{when(delivery.createdAt)}</Text> },
              {
                header: <VisuallyHidden>Actions</VisuallyHidden>,
                cell: (delivery) => (
                  <Tooltip label="Send it again now, with the same webhook-id" withArrow>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={`Resend ${delivery.event} delivery ${delivery.id}`}
                      loading={resend.isPending && resend.variables === delivery.id}
                      onClick={() =>
                        resend.mutate(delivery.id, {
                          onSuccess: () =>
                            notifications.show({
                              title: 'Resending',
                              message: `${delivery.event} is being sent again.`,
                            }),
                        })
                      }
                    >
                      Resend
                    </Button>
                  </Tooltip>
                ),
              },
            ]}
          />
        </>
      )}
    </ListContent>
  );
}
