import { Anchor, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, data } from '../../api/client';
import { type Column, DataTable } from '../../components/data-table';
import { FormModal } from '../../components/form-modal';
import { EmptyState, ErrorState, PageLoader } from '../../components/page-states';
import { useMembers } from '../members/members-api';
import { spacePath, useCohorts, useCreateCohort, type Cohort, type CohortInput } from './community-api';

/** The provider's cohort-format programmes (as published in the catalogue). */
function useCohortProgrammes(orgSlug: string) {
  return useQuery({
    queryKey: ['catalog', 'cohort-programmes', orgSlug],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/catalog', {
          params: { query: { provider: [orgSlug], format: ['cohort'], pageSize: 100 } },
          signal,
        }),
      ),
    select: (answer) => answer.items,
  });
}

/** Cohorts of the organisation's cohort-format programmes: dates, places, facilitator, discussion. */
export function CohortsPanel({ orgSlug, canManage }: { orgSlug: string; canManage: boolean }) {
  const programmes = useCohortProgrammes(orgSlug);
  const [chosen, setChosen] = useState<string | null>(null);
  const programmeId = chosen ?? programmes.data?.[0]?.id ?? null;
  const cohorts = useCohorts(orgSlug, programmeId);
  const [isCreating, { open, close }] = useDisclosure(false);

  if (programmes.isPending) return <PageLoader label="Loading programmes" />;
  if (programmes.isError) return <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />;
  if (programmes.data.length === 0)
    return (
      <EmptyState icon={<IconUsersGroup size={28} aria-hidden />} title="No cohort programmes">
        Programmes published with the format “Cohort” run cohorts. Self-paced programmes have one programme-wide
        discussion instead.
      </EmptyState>
    );

  const columns: Column<Cohort>[] = [
    {
      header: 'Cohort',
      isRowHeader: true,
      cell: (c) => (
        <Anchor component={Link} to={spacePath(c.id)}>
          {c.name}
        </Anchor>
      ),
    },
    {
      header: 'Dates',
      cell: (c) => `${new Date(c.startsOn).toLocaleDateString()} to ${new Date(c.endsOn).toLocaleDateString()}`,
    },
    { header: 'Places', cell: (c) => `${c.memberCount} of ${c.capacity}` },
    { header: 'Facilitator', cell: (c) => c.facilitator?.name ?? 'None' },
  ];

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <Select
          label="Programme"
          data={programmes.data.map((p) => ({ value: p.id, label: p.title }))}
          value={programmeId}
          onChange={setChosen}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
        />
        {canManage && programmeId ? (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
            Open a cohort
          </Button>
        ) : null}
      </Group>
      {cohorts.isPending ? (
        <PageLoader label="Loading cohorts" />
      ) : cohorts.isError ? (
        <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.length === 0 ? (
        <Text size="sm">No cohort yet. Learners who enrol wait for one, and join as soon as you open it.</Text>
      ) : (
        <DataTable
          labelledBy="cohorts-heading"
          minWidth={560}
          rows={cohorts.data}
          columns={columns}
          rowKey={(c) => c.id}
        />
      )}
      {programmeId ? (
        <NewCohortModal orgSlug={orgSlug} programmeId={programmeId} opened={isCreating} onClose={close} />
      ) : null}
    </Stack>
  );
}

function NewCohortModal({
  orgSlug,
  programmeId,
  opened,
  onClose,
}: {
  orgSlug: string;
  programmeId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateCohort(orgSlug, programmeId);
  const members = useMembers(orgSlug);
  const form = useForm<CohortInput>({
    initialValues: { name: '', startsOn: '', endsOn: '', capacity: 25, facilitatorId: null },
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Open a cohort"
      form={form}
      submitLabel="Open the cohort"
      onSubmit={async (values) => {
        await create.mutateAsync(values);
        form.reset();
        onClose();
      }}
    >
      <TextInput label="Name" placeholder="Spring 2027" required data-autofocus {...form.getInputProps('name')} />
      <Group grow>
        <TextInput type="date" label="Starts on" required {...form.getInputProps('startsOn')} />
        <TextInput type="date" label="Ends on" required {...form.getInputProps('endsOn')} />
      </Group>
      <NumberInput label="Places" min={1} max={10000} required {...form.getInputProps('capacity')} />
      <Select
        label="Facilitator"
        description="A member of your organisation who moderates the cohort’s discussion"
        clearable
        data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
        {...form.getInputProps('facilitatorId')}
      />
    </FormModal>
  );
}
