import { Checkbox, MultiSelect, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { useAssign } from './workforce-api';

type Values = { userIds: string[]; dueAt: string; isSponsored: boolean };

/** Assigns a recommended programme to people with a due date, optionally on a sponsored seat. */
export function AssignModal({
  slug,
  roleId,
  programme,
  people,
  onClose,
}: {
  slug: string;
  roleId: string;
  programme: { id: string; name: string } | null;
  people: { userId: string; name: string }[];
  onClose: () => void;
}) {
  const assign = useAssign(slug);
  const form = useForm<Values>({
    initialValues: { userIds: [], dueAt: dayjs().add(30, 'day').format('YYYY-MM-DD'), isSponsored: true },
    validate: {
      userIds: (v) => (v.length === 0 ? 'Choose at least one person' : null),
      dueAt: (v) => (dayjs(v).isAfter(dayjs()) ? null : 'Choose a date in the future'),
    },
  });
  return (
    <FormModal
      opened={programme !== null}
      onClose={onClose}
      title={programme ? `Assign ${programme.name}` : 'Assign'}
      form={form}
      submitLabel="Assign"
      onSubmit={async (values) => {
        if (!programme) return;
        await assign.mutateAsync({
          microcredentialId: programme.id,
          userIds: values.userIds,
          roleId,
          dueAt: dayjs(values.dueAt).endOf('day').toISOString(),
          isSponsored: values.isSponsored,
        });
        form.reset();
        onClose();
      }}
    >
      <MultiSelect
        label="People"
        searchable
        placeholder="Search people who share with you"
        data={people.map((p) => ({ value: p.userId, label: p.name }))}
        data-autofocus
        {...form.getInputProps('userIds')}
      />
      <TextInput type="date" label="Due date" {...form.getInputProps('dueAt')} />
      <Checkbox
        label="Sponsor a seat for each person"
        description="Uses the seat budget for this programme: they enrol without a voucher code."
        {...form.getInputProps('isSponsored', { type: 'checkbox' })}
      />
      <Text size="xs" c="dimmed">
        Everyone is assigned, or nobody: not enough seats and nothing changes.
      </Text>
    </FormModal>
  );
}
