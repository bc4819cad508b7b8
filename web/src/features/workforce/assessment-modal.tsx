import { Select, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormModal, useFreshFormModal } from '../../components/form-modal';
import { LEVEL_NAMES, useRecordManagerAssessment } from './workforce-api';

export const levelOptions = [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `${l} ${LEVEL_NAMES[l]}` }));

type Values = { userId: string | null; skillId: string | null; level: string | null };

/**
 * Records a manager's assessment of a member's level in one of the role's skills. It is shown in
 * the heat map as "manager-assessed" beside the verified level, and never counts as verified.
 */
export function ManagerAssessmentModal({
  slug,
  people,
  skills,
  opened,
  onClose,
}: {
  slug: string;
  people: { userId: string; name: string }[];
  skills: { skillId: string; name: string }[];
  opened: boolean;
  onClose: () => void;
}) {
  const record = useRecordManagerAssessment(slug);
  const form = useForm<Values>({
    initialValues: { userId: null, skillId: null, level: null },
    validate: {
      userId: (v) => (v ? null : 'Choose a person'),
      skillId: (v) => (v ? null : 'Choose a skill'),
      level: (v) => (v ? null : 'Choose a level'),
    },
  });
  const modal = useFreshFormModal({
    opened,
    onClose,
    form,
    onSubmit: (values) =>
      record.mutateAsync({ userId: values.userId!, skillId: values.skillId!, level: Number(values.level) }),
  });
  return (
    <FormModal {...modal} title="Manager assessment" submitLabel="Record manager assessment">
      <Text size="sm" c="dimmed">
        Your view of a person's level. It is shown as manager-assessed beside what their credentials verify, and never
        closes a gap by itself.
      </Text>
      <Select
        label="Person"
        required
        searchable
        data-autofocus
        data={people.map((p) => ({ value: p.userId, label: p.name }))}
        {...form.getInputProps('userId')}
      />
      <Select
        label="Skill"
        required
        searchable
        data={skills.map((s) => ({ value: s.skillId, label: s.name }))}
        {...form.getInputProps('skillId')}
      />
      <Select label="Manager-assessed level" required data={levelOptions} {...form.getInputProps('level')} />
    </FormModal>
  );
}
