import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { useSkillSearch } from '../catalog/catalog-api';
import { LEVEL_NAMES, useCreateRole } from './workforce-api';

type SkillRow = { skillId: string; name: string; level: string; essential: boolean };
type Values = { name: string; description: string; skills: SkillRow[] };

const levelOptions = [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `${l} ${LEVEL_NAMES[l]}` }));

function SkillPicker({ onPick }: { onPick: (skill: { id: string; name: string }) => void }) {
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term, 250);
  const skills = useSkillSearch(debounced);
  return (
    <Select
      label="Add a required skill"
      placeholder="Search skills, e.g. data analysis"
      searchable
      searchValue={term}
      onSearchChange={setTerm}
      value={null}
      data={(skills.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
      nothingFoundMessage={term.trim().length < 2 ? 'Type at least two letters' : 'No skill by that name'}
      onChange={(id) => {
        const found = skills.data?.items.find((s) => s.id === id);
        if (found) onPick({ id: found.id, name: found.name });
        setTerm('');
      }}
    />
  );
}

/** Creates a role skill profile: its name and each required skill with its level (1-5) and whether it is essential. */
export function RoleFormModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const create = useCreateRole(slug);
  const form = useForm<Values>({
    initialValues: { name: '', description: '', skills: [] },
    validate: {
      name: (v) => (v.trim().length === 0 ? 'Give the role a name' : null),
      skills: (v) => (v.length === 0 ? 'Add at least one skill' : null),
    },
  });
  return (
    <FormModal
      opened={opened}
      onClose={() => {
        form.reset();
        onClose();
      }}
      title="New role"
      form={form}
      size="lg"
      submitLabel="Create role"
      onSubmit={async (values) => {
        await create.mutateAsync({
          name: values.name,
          description: values.description,
          skills: values.skills.map((s) => ({ skillId: s.skillId, level: Number(s.level), essential: s.essential })),
        });
        form.reset();
        onClose();
      }}
    >
      <TextInput label="Role name" required data-autofocus {...form.getInputProps('name')} />
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
      <SkillPicker
        onPick={(skill) => {
          if (form.values.skills.some((s) => s.skillId === skill.id)) return;
          form.insertListItem('skills', { skillId: skill.id, name: skill.name, level: '2', essential: true });
        }}
      />
      {form.errors.skills ? (
        <Text c="red" size="sm" role="alert">
          {form.errors.skills}
        </Text>
      ) : null}
      <Stack gap="xs">
        {form.values.skills.map((s, index) => (
          <Group key={s.skillId} gap="sm" wrap="nowrap" align="flex-end">
            <Text size="sm" style={{ flex: 1 }}>
              {s.name}
            </Text>
            <Select
              label="Level"
              data={levelOptions}
              w={170}
              allowDeselect={false}
              {...form.getInputProps(`skills.${index}.level`)}
            />
            <Checkbox
              label="Essential"
              mb={8}
              {...form.getInputProps(`skills.${index}.essential`, { type: 'checkbox' })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={`Remove ${s.name}`}
              onClick={() => form.removeListItem('skills', index)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </FormModal>
  );
}

/** Imports roles from a CSV (role,skill,level,essential) on a chosen level scale. */
export function ImportRolesModal({
  opened,
  onClose,
  onImport,
}: {
  opened: boolean;
  onClose: () => void;
  onImport: (input: { csv: string; scale: '1-5' | '1-8' | '1-100' }) => Promise<unknown>;
}) {
  const form = useForm<{ csv: string; scale: '1-5' | '1-8' | '1-100' }>({
    initialValues: { csv: 'role,skill,level,essential\n', scale: '1-5' },
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Import roles from CSV"
      form={form}
      size="lg"
      submitLabel="Import"
      onSubmit={async (values) => {
        await onImport(values);
        onClose();
      }}
    >
      <Select
        label="Level scale in the file"
        description="1-8 maps 1-2→1, 3→2, 4→3, 5-6→4, 7-8→5; 1-100 maps in bands of 20"
        data={[
          { value: '1-5', label: "Cairn's 1-5" },
          { value: '1-8', label: '1-8 (EQF-like)' },
          { value: '1-100', label: '1-100 score' },
        ]}
        allowDeselect={false}
        {...form.getInputProps('scale')}
      />
      <Textarea
        label="CSV"
        description="One row per role and skill; the skill by id, code or name. Nothing is imported unless every row is good."
        autosize
        minRows={6}
        data-autofocus
        styles={{ input: { fontFamily: 'monospace' } }}
        {...form.getInputProps('csv')}
      />
    </FormModal>
  );
}

export function AddRoleButton({ onClick }: { onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onClick}>
      New role
    </Button>
  );
}
