import { Badge, Button, Code, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ApiKey } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { Column } from '../components/data-table';
import { ListPage } from '../components/list-page';
import { RestrictedNotice } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useApiKeys, useRevokeApiKey } from '../features/api-keys/api-keys-api';
import { CreateApiKeyModal } from '../features/api-keys/create-api-key-modal';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole, memberRoleLabel } from '../features/orgs/roles';

const when = (value: string | null) => (value ? dayjs(value).format('D MMM YYYY') : 'Never');

export default function ApiKeysPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const canManage = isAdminRole(org?.myRole);
  const keys = useApiKeys(slug, canManage);
  const revoke = useRevokeApiKey(slug);
  const [isCreating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);
  usePageTitle('API keys');
  if (!org) return null;

  if (!canManage) {
    return (
      <RestrictedNotice title="Only admins manage API keys">
        Ask an owner or admin of {org.name} if a system needs access.
      </RestrictedNotice>
    );
  }

  const createButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
      Create an API key
    </Button>
  );

  const columns: Column<ApiKey>[] = [
    {
      header: 'Name',
      cell: (key) => (
        <>
          <Text size="sm" fw={600}>
            {key.name}
          </Text>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {key.prefix}… · {memberRoleLabel(key.role)}
          </Text>
        </>
      ),
    },
    { header: 'Key', visibleFrom: 'sm', cell: (key) => <Code>{key.prefix}…</Code> },
    { header: 'Role', visibleFrom: 'sm', cell: (key) => memberRoleLabel(key.role) },
    { header: 'Signs as', visibleFrom: 'md', cell: (key) => <Code>{key.issuerIdentifier ?? 'did:web'}</Code> },
    { header: 'Created', visibleFrom: 'md', cell: (key) => when(key.createdAt) },
    { header: 'Last used', visibleFrom: 'md', cell: (key) => when(key.lastUsedAt) },
    {
      header: 'Status',
      cell: (key) =>
        key.revokedAt ? (
          <Badge color="gray" variant="light">
            Revoked {when(key.revokedAt)}
          </Badge>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Badge color="teal" variant="light">
              Active
            </Badge>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              aria-label={`Revoke ${key.name}`}
              onClick={() => {
                revoke.reset();
                setToRevoke(key);
              }}
            >
              Revoke
            </Button>
          </Group>
        ),
    },
  ];

  return (
    <ListPage
      title="API keys"
      titleId="api-keys-heading"
      description={`For systems that call the Cairn API as ${org.name}. Each key is shown once, when it is created.`}
      primaryAction={createButton}
      query={keys}
      loadingLabel="Loading API keys"
      empty={{
        icon: <IconKey size={26} />,
        title: 'No API keys yet',
        description: `Keys let your other systems (an LMS, HR software, scripts) call the Cairn API on behalf of ${org.name}.`,
      }}
      dialogs={
        <>
          <CreateApiKeyModal slug={slug} myRole={org.myRole} opened={isCreating} onClose={closeCreate} />
          <ConfirmDialog
            opened={toRevoke !== null}
            title={`Revoke ${toRevoke?.name ?? 'this key'}?`}
            confirmLabel="Revoke key"
            isPending={revoke.isPending}
            error={revoke.error}
            onClose={() => setToRevoke(null)}
            onConfirm={() => {
              if (!toRevoke) return;
              revoke.mutate(toRevoke.id, {
                onSuccess: () => {
                  notifications.show({ title: 'Key revoked', message: `${toRevoke.name} no longer works.` });
                  setToRevoke(null);
                },
              });
            }}
          >
            Anything using this key stops working at once. This cannot be undone; the key stays listed for the record.
          </ConfirmDialog>
        </>
      }
      table={{
        columns: columns,
        rowKey: (key) => key.id,
        minWidth: 340,
        rowColor: (key) => (key.revokedAt ? 'dimmed' : undefined),
      }}
    />
  );
}
