import { ActionIcon, Badge, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Invitation } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ListContent } from '../../components/list-page';
import { memberRoleLabel } from '../orgs/roles';
import { useInvitations, useRevokeInvitation } from './members-api';

export function PendingInvitations({ slug }: { slug: string }) {
  const invitations = useInvitations(slug, true);
  const revoke = useRevokeInvitation(slug);
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);

  return (
    <>
      <ListContent
        query={invitations}
        loadingLabel="Loading invitations"
        empty={{
          icon: <IconMailOff size={26} />,
          title: 'No pending invitations',
          description: 'Invitations you send appear here until they are accepted or expire.',
        }}
        table={{
          rowKey: (inv) => inv.id,
          labelledBy: 'invitations-heading',
          minWidth: 340,
          columns: [
            {
              header: 'Email',
              cell: (inv) => (
                <>
                  <Text size="sm">{inv.email}</Text>
                  {inv.invitedBy ? (
                    <Text size="xs" c="dimmed">
                      Invited by {inv.invitedBy}
                    </Text>
                  ) : null}
                </>
              ),
            },
            { header: 'Role', cell: (inv) => <Badge variant="light">{memberRoleLabel(inv.role)}</Badge> },
            {
              header: 'Expires',
              visibleFrom: 'sm',
              cell: (inv) => <Text size="sm">{dayjs(inv.expiresAt).format('D MMM YYYY')}</Text>,
            },
            {
              header: <VisuallyHidden>Actions</VisuallyHidden>,
              cell: (inv) => (
                <Tooltip label={`Withdraw the invitation for ${inv.email}`}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Withdraw the invitation for ${inv.email}`}
                    onClick={() => {
                      revoke.reset();
                      setToRevoke(inv);
                    }}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ),
            },
          ],
        }}
      />
      <ConfirmDialog
        opened={toRevoke !== null}
        title="Withdraw this invitation?"
        confirmLabel="Withdraw"
        isPending={revoke.isPending}
        error={revoke.error}
        onClose={() => setToRevoke(null)}
        onConfirm={() => {
          if (!toRevoke) return;
          revoke.mutate(toRevoke.id, {
            onSuccess: () => {
              notifications.show({
                title: 'Invitation withdrawn',
                message: `The link sent to ${toRevoke.email} no longer works.`,
              });
              setToRevoke(null);
            },
          });
        }}
      >
        The link sent to {toRevoke?.email} will stop working.
      </ConfirmDialog>
    </>
  );
}
