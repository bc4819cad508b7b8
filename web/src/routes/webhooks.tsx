import { Anchor, Badge, Button, Code, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Webhook } from '../api/types';
import type { Column } from '../components/data-table';
import { ListPage } from '../components/list-page';
import { RestrictedNotice } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';
import { SecretOnceModal } from '../features/webhooks/secret-once-modal';
import { WebhookFormModal } from '../features/webhooks/webhook-form-modal';
import { WebhookStatusBadge } from '../features/webhooks/webhook-status';
import { useCreateWebhook, useWebhooks } from '../features/webhooks/webhooks-api';

/** `/o/:slug/settings/webhooks`: the organisation's endpoints, and adding one. */
export default function WebhooksPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const canManage = isAdminRole(org?.myRole);
  const webhooks = useWebhooks(slug, canManage);
  const create = useCreateWebhook(slug);
  const [isCreating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [secret, setSecret] = useState<string | null>(null);
  usePageTitle('Webhooks');
  if (!org) return null;

  if (!canManage) {
    return (
      <RestrictedNotice title="Only admins manage webhooks">
        Ask an owner or admin of {org.name} if a system should be told about events.
      </RestrictedNotice>
    );
  }

  const createButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
      Add a webhook
    </Button>
  );

  const columns: Column<Webhook>[] = [
    {
      header: 'Endpoint',
      cell: (hook) => (
        <>
          <Anchor
            component={Link}
            to={`/o/${slug}/settings/webhooks/${hook.id}`}
            fw={600}
            style={{ wordBreak: 'break-all' }}
          >
            {hook.url}
          </Anchor>
          {hook.description ? (
            <Text size="xs" c="dimmed">
              {hook.description}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      header: 'Events',
      visibleFrom: 'sm',
      cell: (hook) => (
        <Group gap={4}>
          {hook.events.slice(0, 3).map((event) => (
            <Code key={event}>{event}</Code>
          ))}
          {hook.events.length > 3 ? (
            <Badge variant="light" color="gray">
              +{hook.events.length - 3} more
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { header: 'Status', cell: (hook) => <WebhookStatusBadge webhook={hook} /> },
  ];

  return (
    <ListPage
      title="Webhooks"
      titleId="webhooks-heading"
      description={
        <Text c="dimmed" maw={720}>
          Cairn POSTs each event to your endpoints, signed per Standard Webhooks, and retries for about three days. An
          endpoint whose deliveries fail for five days is disabled and the admins are mailed.
        </Text>
      }
      primaryAction={createButton}
      query={webhooks}
      loadingLabel="Loading webhooks"
      empty={{
        icon: <IconWebhook size={26} />,
        title: 'No webhooks yet',
        description: `Webhooks tell your other systems (a CRM, an LMS, HR software) when something happens in ${org.name}: a credential issued or revoked, a learner enrolled, a pathway awarded.`,
      }}
      dialogs={
        <>
          <WebhookFormModal
            opened={isCreating}
            title="Add a webhook"
            submitLabel="Add webhook"
            onClose={closeCreate}
            onSubmit={async (values) => {
              const created = await create.mutateAsync(values);
              closeCreate();
              setSecret(created.secret);
            }}
          />
          <SecretOnceModal secret={secret} title="Copy the signing secret" onClose={() => setSecret(null)} />
        </>
      }
      table={{
        columns: columns,
        rowKey: (hook) => hook.id,
        minWidth: 420,
      }}
    />
  );
}
