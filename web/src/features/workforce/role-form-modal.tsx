import { ActionIcon, Button, Checkbox, Group, Loader, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { useSkillTypeahead } from '../catalog/use-skill-typeahead';
import { errorMessage } from '../../api/client';
import { levelOptions } from './assessment-modal';
import {
  type Occupation,
  type RoleDetail,
  fetchOccupation,
  useCreateRole,
  useOccupationSearch,
  useUpdateRole,
} from './workforce-api';

export type SkillRow = { skillId: string; name: string; level: string; essential: boolean };
type Values = { name: string; description: string; skills: SkillRow[] };

function SkillPicker({ onPick }: { onPick: (skill: { id: string; name: string }) => void }) {
  const { found, setTerm, searchProps } = useSkillTypeahead();
  return (
    <Select
      label="Add a required skill"
      placeholder="Search skills, e.g. data analysis"
      {...searchProps}
      value={null}
      data={found.map((s) => ({ value: s.id, label: s.name }))}
      onChange={(id) => {
        const skill = found.find((s) => s.id === id);
        if (skill) onPick({ id: skill.id, name: skill.name });
        setTerm('');
      }}
    />
  );
}

/** Prefills a role from an ESCO occupation: essential skills at level 3, optional ones at level 2, editable before saving. */
export function skillRowsOfOccupation(occupation: Occupation): SkillRow[] {
  return occupation.skills.map((s) =>
    s.relation === 'essential'
      ? { skillId: s.skillId, name: s.name, level: '3', essential: true }
      : { skillId: s.skillId, name: s.name, level: '2', essential: false },
  );
}

function OccupationPicker({ onPick }: { onPick: (occupation: Occupation) => void }) {
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term, 250);
  const occupations = useOccupationSearch(debounced);
  const [isLoading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Select
      label="Start from an ESCO occupation"
      description="Fills in the occupation's skills: essential ones at level 3, optional ones at level 2. You can change them before saving."
      placeholder="Search occupations, e.g. warehouse manager"
      searchable
      searchValue={term}
      onSearchChange={setTerm}
      value={null}
      disabled={isLoading}
      rightSection={isLoading ? <Loader size="xs" aria-label="Loading the occupation's skills" /> : undefined}
      error={error ?? (occupations.isError ? 'Occupations could not be searched; try again.' : undefined)}
      data={(occupations.data?.items ?? []).map((o) => ({
        value: o.id,
        label: o.code ? `${o.title} (${o.code})` : o.title,
      }))}
      nothingFoundMessage={
        term.trim().length < 2
          ? 'Type at least two letters'
          : occupations.isFetching
            ? 'Searching…'
            : 'No occupation by that name (ESCO occupations are imported with a skills framework)'
      }
      onChange={(id) => {
        setTerm('');
        if (!id) return;
        setLoading(true);
        setError(null);
        fetchOccupation(id)
          .then(onPick)
          .catch((e: unknown) => setError(`The occupation could not be loaded: ${errorMessage(e)}`))
          .finally(() => setLoading(false));
      }}
    />
  );
}

const rowsOfRole = (role: RoleDetail): SkillRow[] =>
  role.skills.map((s) => ({ skillId: s.skillId, name: s.name, level: String(s.level), essential: s.essential }));

/**
 * Creates a role skill profile, or saves a new version of `role`: its name and each required
 * skill with its level (1-5) and whether it is essential. A new role can start from an ESCO
 * occupation's skills.
 */
export function RoleFormModal({
  slug,
  opened,
  onClose,
  role,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
  role?: RoleDetail;
}) {
  const create = useCreateRole(slug);
  const update = useUpdateRole(slug, role?.id ?? '');
  const [occupation, setOccupation] = useState<{ uri: string; title: string } | null>(null);
  const initialValues: Values = role
    ? { name: role.name, description: role.description, skills: rowsOfRole(role) }
    : { name: '', description: '', skills: [] };
  const form = useForm<Values>({
    initialValues,
    validate: {
      name: (v) => (v.trim().length === 0 ? 'Give the role a name' : null),
      skills: (v) => (v.length === 0 ? 'Add at least one skill' : null),
    },
  });
  const close = () => {
    form.setValues(role ? initialValues : { name: '', description: '', skills: [] });
    setOccupation(null);
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={role ? `Edit ${role.name}` : 'New role'}
      form={form}
      size="lg"
      submitLabel={role ? 'Save new version' : 'Create role'}
      onSubmit={async (values) => {
        const body = {
          name: values.name,
          description: values.description,
          skills: values.skills.map((s) => ({ skillId: s.skillId, level: Number(s.level), essential: s.essential })),
        };
        if (role) await update.mutateAsync(body);
        else await create.mutateAsync({ ...body, ...(occupation ? { escoOccupationUri: occupation.uri } : {}) });
        close();
      }}
    >
      {role ? null : (
        <OccupationPicker
          onPick={(picked) => {
            setOccupation({ uri: picked.uri, title: picked.title });
            form.setValues({
              name: form.values.name.trim() === '' ? picked.title : form.values.name,
              skills: skillRowsOfOccupation(picked),
            });
          }}
        />
      )}
      {occupation ? (
        <Text size="sm" c="dimmed" role="status">
          Skills from the ESCO occupation “{occupation.title}”; change levels or remove skills as you need.
        </Text>
      ) : null}
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
      <Stack gap="xs" component="ul" aria-label="Required skills" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {form.values.skills.map((s, index) => (
          <Group key={s.skillId} component="li" gap="sm" wrap="nowrap" align="flex-end">
            <Text size="sm" style={{ flex: 1 }}>
              {s.name}
            </Text>
            <Select
              label={`Level of ${s.name}`}
              data={levelOptions}
              w={170}
              allowDeselect={false}
              {...form.getInputProps(`skills.${index}.level`)}
            />
            <Checkbox
              label="Essential"
              aria-label={`${s.name} is essential`}
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
