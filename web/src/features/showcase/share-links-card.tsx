import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconLink, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { MyCredential } from '../../api/types';
import { CopyField } from '../../components/copy-field';
import { FormAlert } from '../../components/form-alert';
import { useCreateShareLink, useShareLinks, useWithdrawShareLink } from './showcase-api';

/** Share links to the whole profile or to one credential, with optional expiry and view counts. */
export function ShareLinksCard({ credentials, hasProfile }: { credentials: MyCredential[]; hasProfile: boolean }) {
  const links = useShareLinks();
  const create = useCreateShareLink();
  const withdraw = useWithdrawShareLink();
  const [target, setTarget] = useState<string>(hasProfile ? 'profile' : (credentials[0]?.id ?? 'profile'));
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onCreate = async () => {
    setError(null);
    try {
      const link = await create.mutateAsync({
        credentialId: target === 'profile' ? null : target,
        expiresAt: expiresAt ? dayjs(expiresAt).endOf('day').toISOString() : null,
      });
      setCreated(link.url);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const options = [
    ...(hasProfile ? [{ value: 'profile', label: 'My whole profile' }] : []),
    ...credentials.map((c) => ({ value: c.id, label: c.achievementName ?? 'Credential' })),
  ];

  return (
    <Card bg="white" component="section" aria-labelledby="share-links-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="share-links-title">
          Share links
        </Title>
        <Text size="sm" c="dimmed">
          A link opens your profile (even while it is private) or one credential, and counts how often it was opened.
          Withdraw it whenever you like.
        </Text>
        <FormAlert message={error} />
        <Group align="flex-end" gap="sm">
          <Select
            label="What the link opens"
            data={options}
            value={target}
            onChange={(v) => setTarget(v ?? 'profile')}
            allowDeselect={false}
            style={{ flex: 1, minWidth: 200 }}
          />
          <TextInput
            type="date"
            label="Expires (optional)"
            value={expiresAt ?? ''}
            onChange={(event) => setExpiresAt(event.currentTarget.value || null)}
            min={dayjs().add(1, 'day').format('YYYY-MM-DD')}
          />
          <Button
            leftSection={<IconLink size={18} aria-hidden />}
            onClick={() => void onCreate()}
            loading={create.isPending}
            disabled={options.length === 0}
          >
            Create a link
          </Button>
        </Group>
        {created ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Your new link (shown once: copy it now)
            </Text>
            <CopyField value={created} label="share link" />
          </Stack>
        ) : null}
        {links.data && links.data.length > 0 ? (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Opens</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Views</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {links.data.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.credentialId ? (l.achievementName ?? 'A credential') : 'My profile'}</Table.Td>
                    <Table.Td>
                      {!l.isLive
                        ? 'Withdrawn or expired'
                        : l.expiresAt
                          ? dayjs(l.expiresAt).format('D MMM YYYY')
                          : 'Never'}
                    </Table.Td>
                    <Table.Td>{l.viewCount}</Table.Td>
                    <Table.Td>
                      {l.isLive ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          onClick={() => withdraw.mutate(l.id)}
                        >
                          Withdraw
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}
