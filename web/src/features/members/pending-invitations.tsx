import { ActionIcon, Badge, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Invitation } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState, ErrorState, PageLoader } from '../../components/page-states';
import { memberRoleLabel } from '../orgs/roles';
import { useInvitations, useRevokeInvitation } from './members-api';

function inviterName(invitedBy: Invitation['invitedBy']): string {
  if (!invitedBy) return '';
  if (typeof invitedBy === 'string') return invitedBy;
  return invitedBy.name ?? invitedBy.email ?? '';
}

export function PendingInvitations({ slug }: { slug: string }) {
  const invitations = useInvitations(slug, true);
  const revoke = useRevokeInvitation(slug);
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);

  if (invitations.isPending) return <PageLoader label="Loading invitations" />;
  if (invitations.isError) return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (invitations.data.length === 0) {
    return (
      <EmptyState icon={<IconMailOff size={26} />} title="No pending invitations">
        Invitations you send appear here until they are accepted or expire.
      </EmptyState>
    );
  }

  return (
    <>
      <Table.ScrollContainer minWidth={340}>
        <Table verticalSpacing="sm" aria-labelledby="invitations-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col" visibleFrom="sm">
                Expires
              </Table.Th>
              <Table.Th scope="col">
                <span style={{ position: 'absolute', clipPath: 'inset(50%)' }}>Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td>
                  <Text size="sm">{inv.email}</Text>
                  {inviterName(inv.invitedBy) ? (
                    <Text size="xs" c="dimmed">
                      Invited by {inviterName(inv.invitedBy)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{memberRoleLabel(inv.role)}</Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{dayjs(inv.expiresAt).format('D MMM YYYY')}</Text>
                </Table.Td>
                <Table.Td>
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
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
              notifications.show({ title: 'Invitation withdrawn', message: `The link sent to ${toRevoke.email} no longer works.` });
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
