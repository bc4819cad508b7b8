import { Badge } from '@mantine/core';
import type { Webhook, WebhookDelivery } from '../../api/types';

/** Active, failing (deliveries failing now) or disabled, for lists and the detail header. */
export function WebhookStatusBadge({ webhook }: { webhook: Pick<Webhook, 'enabled' | 'failingSince'> }) {
  if (!webhook.enabled) {
    return (
      <Badge color="gray" variant="light">
        Disabled
      </Badge>
    );
  }
  if (webhook.failingSince) {
    return (
      <Badge color="orange" variant="light">
        Failing
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light">
      Active
    </Badge>
  );
}

/** A delivery's outcome in words: delivered, failed, queued (not tried yet) or retrying. */
export function DeliveryStatusBadge({ delivery }: { delivery: Pick<WebhookDelivery, 'status' | 'attempt'> }) {
  switch (delivery.status) {
    case 'succeeded':
      return (
        <Badge color="teal" variant="light">
          Delivered
        </Badge>
      );
    case 'failed':
      return (
        <Badge color="red" variant="light">
          Failed
        </Badge>
      );
    case 'pending':
      return (
        <Badge color="blue" variant="light">
          {delivery.attempt === 0 ? 'Queued' : 'Retrying'}
        </Badge>
      );
  }
}
