import { Button, Group, Select, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconLink, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { MyCredential } from '../../api/types';
import { CopyField } from '../../components/copy-field';
import { DataTable } from '../../components/data-table';
import { FormAlert } from '../../components/form-alert';
import { useCreateShareLink, useShareLinks, useWithdrawShareLink } from './showcase-api';
import { Section } from '../../components/section';

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
    <Section frame="card" gap="md" title="Share links" titleId="share-links-title">
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
        <DataTable
          rows={links.data}
          rowKey={(l) => l.id}
          labelledBy="share-links-title"
          minWidth={480}
          columns={[
            { header: 'Opens', cell: (l) => (l.credentialId ? (l.achievementName ?? 'A credential') : 'My profile') },
            {
              header: 'Expires',
              cell: (l) =>
                !l.isLive ? 'Withdrawn or expired' : l.expiresAt ? dayjs(l.expiresAt).format('D MMM YYYY') : 'Never',
            },
            { header: 'Views', cell: (l) => l.viewCount },
            {
              header: <VisuallyHidden>Actions</VisuallyHidden>,
              cell: (l) =>
                l.isLive ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => withdraw.mutate(l.id)}
                  >
                    Withdraw
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}
    </Section>
  );
}
