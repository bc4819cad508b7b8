import { ActionIcon, Badge, Group, Select, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { Member, MemberRole } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { grantableRoles, memberRoleLabel } from '../orgs/roles';
import { useChangeMemberRole, useRemoveMember } from './members-api';

type MembersTableProps = {
  slug: string;
  orgName: string;
  members: Member[];
  myRole: MemberRole;
  myUserId: string;
  canManage: boolean;
  onLeft: () => void;
  /** Id of the heading that names the table. */
  labelledBy?: string;
};

export function MembersTable({
  slug,
  orgName,
  members,
  myRole,
  myUserId,
  canManage,
  onLeft,
  labelledBy,
}: MembersTableProps) {
  const changeRole = useChangeMemberRole(slug);
  const remove = useRemoveMember(slug);
  const [toRemove, setToRemove] = useState<Member | null>(null);
  const roleOptions = grantableRoles(myRole).map((r) => ({ value: r.value, label: r.label }));

  const onRoleChange = (member: Member, role: string | null) => {
    if (!role || role === member.role) return;
    changeRole.mutate(
      { userId: member.userId, role: role as MemberRole },
      {
        onSuccess: () =>
          notifications.show({
            title: 'Role changed',
            message: `${member.name} is now ${memberRoleLabel(role as MemberRole).toLowerCase()}.`,
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Could not change the role', message: errorMessage(error) }),
      },
    );
  };

  const isSelf = toRemove?.userId === myUserId;
  const onConfirmRemove = () => {
    if (!toRemove) return;
    remove.mutate(toRemove.userId, {
      onSuccess: () => {
        notifications.show({
          title: isSelf ? 'You left the organisation' : 'Member removed',
          message: isSelf ? `You are no longer a member of ${orgName}.` : `${toRemove.name} no longer has access.`,
        });
        setToRemove(null);
        if (isSelf) onLeft();
      },
    });
  };

  return (
    <>
      <DataTable
        rows={members}
        rowKey={(member) => member.userId}
        labelledBy={labelledBy}
        minWidth={340}
        highlightOnHover
        columns={[
          {
            header: 'Name',
            cell: (member) => (
              <Stack gap={0}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {member.name}
                  </Text>
                  {member.userId === myUserId ? (
                    <Badge size="xs" variant="light" color="ember">
                      You
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {member.email}
                </Text>
              </Stack>
            ),
          },
          {
            header: 'Role',
            cell: (member) =>
              canManage ? (
                <Select
                  aria-label={`Role of ${member.name}`}
                  data={
                    roleOptions.some((o) => o.value === member.role)
                      ? roleOptions
                      : [...roleOptions, { value: member.role, label: memberRoleLabel(member.role) }]
                  }
                  value={member.role}
                  onChange={(value) => onRoleChange(member, value)}
                  allowDeselect={false}
                  size="xs"
                  w={{ base: 112, sm: 140 }}
                  disabled={changeRole.isPending && changeRole.variables?.userId === member.userId}
                />
              ) : (
                <Badge variant="light">{memberRoleLabel(member.role)}</Badge>
              ),
          },
          {
            header: 'Joined',
            visibleFrom: 'sm',
            cell: (member) => <Text size="sm">{dayjs(member.joinedAt).format('D MMM YYYY')}</Text>,
          },
          {
            header: <VisuallyHidden>Actions</VisuallyHidden>,
            cell: (member) => {
              const isMe = member.userId === myUserId;
              const label = isMe ? 'Leave the organisation' : `Remove ${member.name}`;
              return canManage || isMe ? (
                <Tooltip label={label}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      remove.reset();
                      setToRemove(member);
                    }}
                    aria-label={label}
                  >
                    <IconUserMinus size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              ) : null;
            },
          },
        ]}
      />
      <ConfirmDialog
        opened={toRemove !== null}
        title={isSelf ? `Leave ${orgName}?` : `Remove ${toRemove?.name ?? ''}?`}
        confirmLabel={isSelf ? 'Leave' : 'Remove'}
        onConfirm={onConfirmRemove}
        onClose={() => setToRemove(null)}
        isPending={remove.isPending}
        error={remove.error}
      >
        {isSelf
          ? 'You will lose access to this organisation until someone invites you again.'
          : `${toRemove?.name ?? 'This person'} will lose access to ${orgName}. Credentials already issued stay valid.`}
      </ConfirmDialog>
    </>
  );
}
