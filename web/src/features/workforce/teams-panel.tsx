import { Button, Group, Loader, MultiSelect, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { FormModal, useFreshFormModal } from '../../components/form-modal';
import { EmptyState, ErrorState } from '../../components/page-states';
import { useMembers } from '../members/members-api';
import { type Team, useCreateTeam, useDeleteTeam, useSetTeamMembers, useTeam, useTeams } from './workforce-api';
import { DataTable } from '../../components/data-table';
import { Section } from '../../components/section';

function useMemberOptions(slug: string) {
  const members = useMembers(slug);
  return {
    members,
    options: (members.data ?? []).map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
  };
}

/** Creates a team: a name and the members in it. */
export function NewTeamModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const create = useCreateTeam(slug);
  const { members, options } = useMemberOptions(slug);
  const form = useForm<{ name: string; userIds: string[] }>({
    initialValues: { name: '', userIds: [] },
    validate: { name: (v) => (v.trim().length === 0 ? 'Give the team a name' : null) },
  });
  const modal = useFreshFormModal({
    opened,
    onClose,
    form,
    onSubmit: async (values) => {
      const team = await create.mutateAsync({ name: values.name, userIds: values.userIds });
      notifications.show({ title: 'Team created', message: `${team.name}: ${team.memberCount} member(s).` });
    },
  });
  return (
    <FormModal {...modal} title="New team" submitLabel="Create team">
      <TextInput label="Team name" required data-autofocus {...form.getInputProps('name')} />
      <MultiSelect
        label="Members"
        placeholder={members.isPending ? 'Loading members…' : 'Choose members'}
        searchable
        data={options}
        error={members.isError ? `Members could not be loaded: ${errorMessage(members.error)}` : undefined}
        nothingFoundMessage="No member by that name"
        {...form.getInputProps('userIds')}
      />
    </FormModal>
  );
}

/** Adds and removes a team's members. */
export function TeamMembersModal({ slug, team, onClose }: { slug: string; team: Team | null; onClose: () => void }) {
  const detail = useTeam(slug, team?.id ?? null);
  const { options } = useMemberOptions(slug);
  const save = useSetTeamMembers(slug);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const value = chosen ?? detail.data?.members.map((m) => m.userId) ?? [];
  const close = () => {
    setChosen(null);
    onClose();
  };
  const form = useForm({ initialValues: {} });
  return (
    <FormModal
      opened={team !== null}
      onClose={close}
      title={team ? `Members of ${team.name}` : 'Members'}
      form={form}
      submitLabel="Save members"
      onSubmit={async () => {
        if (!team) return;
        const saved = await save.mutateAsync({ teamId: team.id, userIds: value });
        notifications.show({ title: 'Team saved', message: `${saved.name}: ${saved.memberCount} member(s).` });
        close();
      }}
    >
      {detail.isPending ? (
        <Loader size="sm" aria-label="Loading the team's members" />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <MultiSelect
          label="Members"
          description="Add people by name; remove them with the × on their name."
          searchable
          data-autofocus
          data={options}
          value={value}
          onChange={setChosen}
          nothingFoundMessage="No member by that name"
        />
      )}
    </FormModal>
  );
}

/** The employer's teams: create one, change who is in it, delete it. Reports and the dashboard filter by team. */
export function TeamsPanel({ slug }: { slug: string }) {
  const teams = useTeams(slug);
  const remove = useDeleteTeam(slug);
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Team | null>(null);
  return (
    <Section
      frame="paper"
      title="Teams"
      titleId="teams-heading"
      actions={
        <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          New team
        </Button>
      }
    >
      {teams.isPending ? (
        <Loader size="sm" aria-label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.length === 0 ? (
        <EmptyState icon={<IconUsersGroup size={26} />} title="No teams yet">
          Group members into teams to filter the heat map and this dashboard by team.
        </EmptyState>
      ) : (
        <DataTable
          rows={teams.data}
          rowKey={(team) => team.id}
          labelledBy="teams-heading"
          minWidth={360}
          columns={[
            { header: 'Team', isRowHeader: true, cell: (team) => team.name },
            { header: 'Members', cell: (team) => team.memberCount },
            {
              header: <VisuallyHidden>Actions</VisuallyHidden>,
              cell: (team) => (
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => setEditing(team)}>
                    Members<VisuallyHidden>{` of ${team.name}`}</VisuallyHidden>
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables === team.id}
                    onClick={() =>
                      remove.mutate(team.id, {
                        onSuccess: () =>
                          notifications.show({
                            title: 'Team deleted',
                            message: `${team.name} is gone; its members stay.`,
                          }),
                        onError: (error) =>
                          notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(error) }),
                      })
                    }
                  >
                    Delete<VisuallyHidden>{` ${team.name}`}</VisuallyHidden>
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
      <NewTeamModal slug={slug} opened={isCreating} onClose={() => setCreating(false)} />
      <TeamMembersModal slug={slug} team={editing} onClose={() => setEditing(null)} />
    </Section>
  );
}
