import { Checkbox, NumberInput, Pill, Select, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { useSkillTypeahead } from '../catalog/use-skill-typeahead';
import { useFetchOccupation, useOccupationSearch } from '../skills/skills-api';
import { useCreateGoal } from './goals-api';

type Values = {
  kind: 'skills' | 'role' | 'pathway';
  ref: string;
  skills: { id: string; name: string }[];
  /** The occupation the skills were started from; its title names the goal. */
  occupation: { id: string; title: string } | null;
  targetDate: string;
  weeklyHours: number | '';
  wantsNudges: boolean;
};

/**
 * Set a goal: skills picked from the framework (or started from an occupation's essential
 * skills), or a role or pathway by its id (from its page).
 */
export function NewGoalModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const create = useCreateGoal();
  const form = useForm<Values>({
    initialValues: {
      kind: 'skills',
      ref: '',
      skills: [],
      occupation: null,
      targetDate: '',
      weeklyHours: 5,
      wantsNudges: false,
    },
  });
  const [occupationTerm, setOccupationTerm] = useState('');
  const [occupationDebounced] = useDebouncedValue(occupationTerm, 250);
  const occupations = useOccupationSearch(occupationDebounced);
  const fetchOccupation = useFetchOccupation();
  const [occupationError, setOccupationError] = useState<string | null>(null);
  const occupationOptions = (occupations.data?.items ?? []).map((o) => ({
    value: o.id,
    label: o.code ? `${o.title} (${o.code})` : o.title,
  }));
  const pickOccupation = async (id: string | null) => {
    setOccupationError(null);
    if (!id) {
      form.setFieldValue('occupation', null);
      return;
    }
    try {
      const occupation = await fetchOccupation(id);
      const essential = occupation.skills.filter((s) => s.relation === 'essential');
      form.setFieldValue('occupation', { id: occupation.id, title: occupation.title });
      form.setFieldValue(
        'skills',
        essential.map((s) => ({ id: s.skillId, name: s.name })),
      );
      if (essential.length === 0) setOccupationError('This occupation lists no essential skills; add skills below.');
    } catch {
      setOccupationError('Could not load this occupation. Try again.');
    }
  };
  const { found, setTerm, searchProps } = useSkillTypeahead();
  const options = found
    .filter((s) => !form.values.skills.some((x) => x.id === s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Set a goal"
      form={form}
      submitLabel="Set goal"
      onSubmit={async (v) => {
        const created = await create.mutateAsync({
          kind: v.kind,
          ...(v.kind === 'skills'
            ? {
                skillIds: v.skills.map((s) => s.id),
                ...(v.occupation ? { occupationId: v.occupation.id } : {}),
              }
            : { ref: v.ref.trim() }),
          ...(v.targetDate ? { targetDate: v.targetDate } : {}),
          ...(v.weeklyHours !== '' ? { weeklyHours: v.weeklyHours } : {}),
          wantsNudges: v.wantsNudges,
        });
        form.reset();
        setOccupationTerm('');
        onCreated(created.id);
      }}
    >
      <Stack gap="xs">
        <Text fw={500} size="sm" id="goal-kind-label">
          What do you aim for?
        </Text>
        <SegmentedControl
          aria-labelledby="goal-kind-label"
          data={[
            { value: 'skills', label: 'Skills' },
            { value: 'role', label: 'A role' },
            { value: 'pathway', label: 'A pathway' },
          ]}
          {...form.getInputProps('kind')}
        />
      </Stack>
      {form.values.kind === 'skills' ? (
        <Stack gap="xs">
          <Select
            label="Start from an occupation (optional)"
            description="Its essential skills become your goal; add or remove skills below."
            placeholder="Type an occupation, e.g. data analyst"
            searchable
            clearable
            value={form.values.occupation?.id ?? null}
            searchValue={occupationTerm}
            onSearchChange={setOccupationTerm}
            data={
              form.values.occupation && !occupationOptions.some((o) => o.value === form.values.occupation?.id)
                ? [{ value: form.values.occupation.id, label: form.values.occupation.title }, ...occupationOptions]
                : occupationOptions
            }
            filter={({ options: o }) => o}
            nothingFoundMessage={
              occupationDebounced.trim().length < 2 ? 'Type two letters or more' : 'No occupation matches'
            }
            onChange={(id) => void pickOccupation(id)}
            error={occupationError ?? form.errors.occupationId}
          />
          <Select
            data-autofocus
            label="Add a skill"
            placeholder="Type a skill, e.g. SQL"
            {...searchProps}
            value={null}
            data={options}
            onChange={(id) => {
              const picked = options.find((o) => o.value === id);
              if (picked)
                form.setFieldValue('skills', [...form.values.skills, { id: picked.value, name: picked.label }]);
              setTerm('');
            }}
            error={form.errors.skillIds}
          />
          <Pill.Group aria-label="Chosen skills">
            {form.values.skills.map((s) => (
              <Pill
                key={s.id}
                withRemoveButton
                // Mantine hides a pill's remove button from keyboards and screen readers by default.
                removeButtonProps={{ 'aria-label': `Remove ${s.name}`, 'aria-hidden': false, tabIndex: 0 }}
                onRemove={() =>
                  form.setFieldValue(
                    'skills',
                    form.values.skills.filter((x) => x.id !== s.id),
                  )
                }
              >
                {s.name}
              </Pill>
            ))}
          </Pill.Group>
        </Stack>
      ) : (
        <TextInput
          data-autofocus
          label={form.values.kind === 'role' ? 'Role id' : 'Pathway id'}
          description={
            form.values.kind === 'role'
              ? 'A role profile your employer shared with you.'
              : 'From the pathway’s page in the pathways list.'
          }
          {...form.getInputProps('ref')}
        />
      )}
      <TextInput type="date" label="Target date (optional)" {...form.getInputProps('targetDate')} />
      <NumberInput
        label="Hours a week I can give"
        min={0.5}
        max={80}
        step={0.5}
        {...form.getInputProps('weeklyHours')}
      />
      <Checkbox
        label="Email me once a week if I fall behind"
        {...form.getInputProps('wantsNudges', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
