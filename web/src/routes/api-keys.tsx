import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLock, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ApiKey } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
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
      <Alert color="orange" icon={<IconLock aria-hidden />} title="Only admins manage API keys" role="alert" maw={640}>
        Ask an owner or admin of {org.name} if a system needs access.
      </Alert>
    );
  }

  const createButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreate}>
      Create an API key
    </Button>
  );

  let content;
  if (keys.isPending) content = <PageLoader label="Loading API keys" />;
  else if (keys.isError) content = <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  else if (keys.data.length === 0) {
    content = (
      <EmptyState icon={<IconKey size={26} />} title="No API keys yet" action={createButton}>
        Keys let your other systems (an LMS, HR software, scripts) call the Cairn API on behalf of {org.name}.
      </EmptyState>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={340}>
        <Table verticalSpacing="sm" aria-labelledby="api-keys-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                Key
              </Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                Role
              </Table.Th>
              <Table.Th scope="col" visibleFrom="md">
                Signs as
              </Table.Th>
              <Table.Th scope="col" visibleFrom="md">
                Created
              </Table.Th>
              <Table.Th scope="col" visibleFrom="md">
                Last used
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((key) => (
              <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {key.name}
                  </Text>
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    {key.prefix}… · {memberRoleLabel(key.role)}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Code>{key.prefix}…</Code>
                </Table.Td>
                <Table.Td visibleFrom="sm">{memberRoleLabel(key.role)}</Table.Td>
                <Table.Td visibleFrom="md">
                  <Code>{key.issuerIdentifier ?? 'did:web'}</Code>
                </Table.Td>
                <Table.Td visibleFrom="md">{when(key.createdAt)}</Table.Td>
                <Table.Td visibleFrom="md">{when(key.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {key.revokedAt ? (
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
                  )}
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
          <Title order={1} id="api-keys-heading">
            API keys
          </Title>
          <Text c="dimmed">For systems that call the Cairn API as {org.name}. Each key is shown once, when it is created.</Text>
        </Stack>
        {keys.data && keys.data.length > 0 ? createButton : null}
      </Group>
      <Paper withBorder p="lg" bg="white">
        {content}
      </Paper>
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
    </Stack>
  );
}
