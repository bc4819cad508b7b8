import { Alert, Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconPlus, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
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
      <Alert color="orange" icon={<IconLock aria-hidden />} title="Only admins manage webhooks" role="alert" maw={640}>
        Ask an owner or admin of {org.name} if a system should be told about events.
      </Alert>
    );
  }

  const createButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
      Add a webhook
    </Button>
  );

  let content;
  if (webhooks.isPending) content = <PageLoader label="Loading webhooks" />;
  else if (webhooks.isError) content = <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />;
  else if (webhooks.data.length === 0) {
    content = (
      <EmptyState icon={<IconWebhook size={26} />} title="No webhooks yet" action={createButton}>
        Webhooks tell your other systems (a CRM, an LMS, HR software) when something happens in {org.name}: a credential issued or revoked, a learner enrolled, a pathway awarded.
      </EmptyState>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="sm" aria-labelledby="webhooks-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Endpoint</Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                Events
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {webhooks.data.map((hook) => (
              <Table.Tr key={hook.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${slug}/settings/webhooks/${hook.id}`} fw={600} style={{ wordBreak: 'break-all' }}>
                    {hook.url}
                  </Anchor>
                  {hook.description ? (
                    <Text size="xs" c="dimmed">
                      {hook.description}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td visibleFrom="sm">
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
                </Table.Td>
                <Table.Td>
                  <WebhookStatusBadge webhook={hook} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} id="webhooks-heading">
            Webhooks
          </Title>
          <Text c="dimmed" maw={720}>
            Cairn POSTs each event to your endpoints, signed per Standard Webhooks, and retries for about three days. An endpoint whose deliveries fail for five days is disabled and the admins are mailed.
          </Text>
        </Stack>
        {webhooks.data && webhooks.data.length > 0 ? createButton : null}
      </Group>
      <Paper withBorder p="lg" bg="white">
        {content}
      </Paper>
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
    </Stack>
  );
}
