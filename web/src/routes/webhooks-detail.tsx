import { Alert, Anchor, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconRefresh,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorState, PageLoader, RestrictedNotice } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';
import { DeliveryLog } from '../features/webhooks/delivery-log';
import { SecretOnceModal } from '../features/webhooks/secret-once-modal';
import { WebhookFormModal } from '../features/webhooks/webhook-form-modal';
import { WebhookStatusBadge } from '../features/webhooks/webhook-status';
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useSendWebhookTest,
  useUpdateWebhook,
  useWebhook,
} from '../features/webhooks/webhooks-api';
import { RequestError } from '../components/request-error';

const when = (value: string) => dayjs(value).format('D MMM YYYY, HH:mm');

/** `/o/:slug/settings/webhooks/:id`: one endpoint, its actions and its delivery log. */
export default function WebhookDetailPage() {
  const { slug = '', id = '' } = useParams();
  const navigate = useNavigate();
  const { data: org } = useOrg(slug);
  const canManage = isAdminRole(org?.myRole);
  const webhook = useWebhook(slug, id, canManage);
  const update = useUpdateWebhook(slug, id);
  const remove = useDeleteWebhook(slug);
  const rotate = useRotateWebhookSecret(slug, id);
  const sendTest = useSendWebhookTest(slug, id);
  const [isEditing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const [isDeleting, { open: openDelete, close: closeDelete }] = useDisclosure(false);
  const [isRotating, { open: openRotate, close: closeRotate }] = useDisclosure(false);
  const [secret, setSecret] = useState<string | null>(null);
  usePageTitle('Webhook');
  if (!org) return null;

  if (!canManage) {
    return (
      <RestrictedNotice title="Only admins manage webhooks">Ask an owner or admin of {org.name}.</RestrictedNotice>
    );
  }
  const back = (
    <Anchor component={Link} to={`/o/${slug}/settings/webhooks`} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden /> All webhooks
      </Group>
    </Anchor>
  );
  if (webhook.isPending) return <PageLoader label="Loading the webhook" />;
  if (webhook.isError) {
    return (
      <Stack gap="md">
        {back}
        <ErrorState
          error={webhook.error}
          title={isApiError(webhook.error) && webhook.error.status === 404 ? 'Webhook not found' : undefined}
          onRetry={() => void webhook.refetch()}
        />
      </Stack>
    );
  }
  const hook = webhook.data;

  return (
    <Stack gap="xl">
      {back}
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <Title order={1} id="webhook-heading" style={{ wordBreak: 'break-all' }}>
            {hook.url}
          </Title>
          <WebhookStatusBadge webhook={hook} />
        </Group>
        {hook.description ? <Text c="dimmed">{hook.description}</Text> : null}
        <Group gap={4} aria-label="Events">
          {hook.events.map((event) => (
            <Code key={event}>{event}</Code>
          ))}
        </Group>
      </Stack>

      {!hook.enabled ? (
        <Alert color="gray" title="This webhook is disabled" role="status">
          {hook.disabledReason ?? 'Nothing is sent to it.'} {hook.disabledAt ? `(since ${when(hook.disabledAt)})` : ''}{' '}
          Events are not delivered while it is disabled; enable it, then resend what it missed.
        </Alert>
      ) : hook.failingSince ? (
        <Alert color="orange" title="Deliveries are failing" role="status">
          Every delivery since {when(hook.failingSince)} failed. Cairn keeps retrying; after five days of failures it
          disables the webhook and mails the admins.
        </Alert>
      ) : null}
      {hook.previousSecretExpiresAt ? (
        <Alert color="blue" role="status">
          The previous signing secret also signs until {when(hook.previousSecretExpiresAt)}, so receivers can switch to
          the new one.
        </Alert>
      ) : null}
      <RequestError error={update.error ?? sendTest.error} />

      <Group gap="sm">
        <Button
          leftSection={<IconSend size={16} aria-hidden />}
          loading={sendTest.isPending}
          onClick={() =>
            sendTest.mutate(undefined, {
              onSuccess: () =>
                notifications.show({
                  title: 'Test sent',
                  message: 'A webhook.test ping is on its way; it appears in the log below.',
                }),
            })
          }
        >
          Send test
        </Button>
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={openEdit}>
          Edit
        </Button>
        <Button
          variant="default"
          leftSection={
            hook.enabled ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />
          }
          loading={update.isPending && update.variables.enabled !== undefined}
          onClick={() => update.mutate({ enabled: !hook.enabled })}
        >
          {hook.enabled ? 'Disable' : 'Enable'}
        </Button>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => {
            rotate.reset();
            openRotate();
          }}
        >
          Rotate secret
        </Button>
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => {
            remove.reset();
            openDelete();
          }}
        >
          Delete
        </Button>
      </Group>

      <Paper withBorder p="lg" bg="white">
        <Stack gap="md">
          <Title order={2} fz="lg" id="delivery-log-heading">
            Delivery log
          </Title>
          <DeliveryLog slug={slug} webhookId={id} />
        </Stack>
      </Paper>

      <WebhookFormModal
        opened={isEditing}
        title="Edit the webhook"
        submitLabel="Save changes"
        initialValues={{ url: hook.url, events: hook.events, description: hook.description }}
        onClose={closeEdit}
        onSubmit={async (values) => {
          await update.mutateAsync(values);
          closeEdit();
          notifications.show({ title: 'Webhook saved', message: 'Changes apply to the next delivery.' });
        }}
      />
      <ConfirmDialog
        opened={isRotating}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        color="cairn"
        isPending={rotate.isPending}
        error={rotate.error}
        onClose={closeRotate}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: (rotated) => {
              closeRotate();
              setSecret(rotated.secret);
            },
          })
        }
      >
        Cairn makes a new secret and shows it once. For 24 hours every delivery carries two signatures, one with each
        secret, so the receiver can switch without missing any.
      </ConfirmDialog>
      <SecretOnceModal secret={secret} title="Copy the new signing secret" onClose={() => setSecret(null)} />
      <ConfirmDialog
        opened={isDeleting}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        isPending={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              closeDelete();
              notifications.show({ title: 'Webhook deleted', message: `${hook.url} receives nothing more.` });
              void navigate(`/o/${slug}/settings/webhooks`);
            },
          })
        }
      >
        Nothing more is sent to {hook.url}, and its delivery log is deleted with it. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}
