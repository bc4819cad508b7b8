import { ActionIcon, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBan,
  IconDots,
  IconDownload,
  IconExternalLink,
  IconLink,
  IconPlayerPause,
  IconPlayerPlay,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { IssuedCredential } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { CredentialStatusBadge } from './credential-status-badge';
import {
  credentialPagePath,
  credentialPageUrl,
  fetchCredentialText,
  useChangeCredentialStatus,
} from './credentials-api';
import { credentialFile, downloadText } from './download';
import { StatusChangeDialog } from './status-change-dialog';

type CredentialsTableProps = {
  slug: string;
  credentials: IssuedCredential[];
  /** Owners and admins may suspend, reinstate and revoke. */
  canManage: boolean;
  labelledBy?: string;
};

const day = (value: string) => dayjs(value).format('D MMM YYYY');
const nameOf = (c: IssuedCredential) => c.achievementName ?? 'Unnamed achievement';

/** Suspension needs a suspension status entry, which the server reports as `isSuspendable`. */
const canBeSuspended = (c: IssuedCredential) => c.isSuspendable;

async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** Issued credentials with their status and, per row, a menu of what can be done with them. */
export function CredentialsTable({ slug, credentials, canManage, labelledBy }: CredentialsTableProps) {
  const change = useChangeCredentialStatus(slug);
  const [pending, setPending] = useState<{ credential: IssuedCredential; action: 'revoke' | 'suspend' } | null>(null);

  const copyLink = (credential: IssuedCredential) => {
    copyText(credentialPageUrl(credential.id)).then(
      () =>
        notifications.show({
          title: 'Link copied',
          message: `The public page of ${nameOf(credential)} is on your clipboard.`,
        }),
      () => notifications.show({ color: 'red', title: 'Could not copy', message: credentialPageUrl(credential.id) }),
    );
  };

  const download = async (credential: IssuedCredential) => {
    try {
      const text = await fetchCredentialText(credential.id);
      const { filename, type } = credentialFile(text, credential.id);
      downloadText(text, filename, type);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not download the credential', message: errorMessage(error) });
    }
  };

  const reinstate = (credential: IssuedCredential) => {
    change.mutate(
      { id: credential.id, change: { action: 'unsuspend' } },
      {
        onSuccess: () =>
          notifications.show({ title: 'Credential reinstated', message: `${nameOf(credential)} verifies again.` }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Could not reinstate', message: errorMessage(error) }),
      },
    );
  };

  const confirm = (reason: string) => {
    if (!pending) return;
    const { credential, action } = pending;
    const request = action === 'revoke' ? { action, reason } : { action, ...(reason ? { reason } : {}) };
    change.mutate(
      { id: credential.id, change: request },
      {
        onSuccess: () => {
          notifications.show({
            title: action === 'revoke' ? 'Credential revoked' : 'Credential suspended',
            message: `${nameOf(credential)} now fails verification${action === 'revoke' ? ' for good' : ' until you reinstate it'}.`,
          });
          setPending(null);
        },
      },
    );
  };

  const actionsMenu = (credential: IssuedCredential) => (
    <Menu position="bottom-end" width={230} withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={`Actions for ${nameOf(credential)}${credential.recipient ? ` (${credential.recipient})` : ''}`}
          loading={change.isPending && change.variables?.id === credential.id && pending === null}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={credentialPagePath(credential.id)}
          target="_blank"
          rel="noopener"
          leftSection={<IconExternalLink size={16} aria-hidden />}
        >
          View public page
        </Menu.Item>
        <Menu.Item leftSection={<IconLink size={16} aria-hidden />} onClick={() => copyLink(credential)}>
          Copy link
        </Menu.Item>
        <Menu.Item leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download(credential)}>
          {credential.format === 'jwt' ? 'Download JWT' : 'Download JSON'}
        </Menu.Item>
        {canManage && credential.status !== 'revoked' ? (
          <>
            <Menu.Divider />
            {credential.status === 'suspended' ? (
              <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => reinstate(credential)}>
                Reinstate
              </Menu.Item>
            ) : credential.status === 'active' && canBeSuspended(credential) ? (
              <Menu.Item
                color="orange"
                leftSection={<IconPlayerPause size={16} aria-hidden />}
                onClick={() => {
                  change.reset();
                  setPending({ credential, action: 'suspend' });
                }}
              >
                Suspend…
              </Menu.Item>
            ) : null}
            <Menu.Item
              color="red"
              leftSection={<IconBan size={16} aria-hidden />}
              onClick={() => {
                change.reset();
                setPending({ credential, action: 'revoke' });
              }}
            >
              Revoke…
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <DataTable
        rows={credentials}
        rowKey={(credential) => credential.id}
        labelledBy={labelledBy}
        minWidth={300}
        highlightOnHover
        columns={[
          {
            header: 'Achievement',
            cell: (credential) => (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {nameOf(credential)}
                </Text>
                <Text size="xs" c="dimmed" hiddenFrom="sm" style={{ wordBreak: 'break-all' }}>
                  {credential.recipient ?? 'No recipient recorded'}
                </Text>
                <Text size="xs" c="dimmed" hiddenFrom="md">
                  Issued {day(credential.issuedAt)}
                </Text>
                {credential.validUntil ? (
                  <Text size="xs" c="dimmed">
                    {credential.status === 'expired' ? 'Expired' : 'Expires'} {day(credential.validUntil)}
                  </Text>
                ) : null}
              </Stack>
            ),
          },
          {
            header: 'Recipient',
            visibleFrom: 'sm',
            cell: (credential) => (
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {credential.recipient ?? '—'}
              </Text>
            ),
          },
          {
            header: 'Issued',
            visibleFrom: 'md',
            cell: (credential) => <Text size="sm">{day(credential.issuedAt)}</Text>,
          },
          { header: 'Status', cell: (credential) => <CredentialStatusBadge status={credential.status} /> },
          { header: <VisuallyHidden>Actions</VisuallyHidden>, width: 56, cell: actionsMenu },
        ]}
      />
      <StatusChangeDialog
        action={pending?.action ?? null}
        achievementName={pending ? nameOf(pending.credential) : ''}
        isPending={change.isPending}
        error={pending ? change.error : null}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      />
    </>
  );
}
