import { Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { applyProblemToForm } from '../../api/form-errors';
import type { OrgRole } from '../../api/types';
import { createOrg } from './orgs-api';
import { ORG_ROLES } from './roles';
import { slugError } from './slug';
import { useSlugFollowingName } from './use-slug-following-name';
import { FormAlert } from '../../components/form-alert';

type CreateOrgFormProps = { onCreated: (slug: string) => void | Promise<void> };

type Values = { name: string; slug: string; roles: OrgRole[] };

export function CreateOrgForm({ onCreated }: CreateOrgFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', slug: '', roles: [] },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : 'Enter the organisation’s name.'),
      slug: slugError,
      roles: (value) => (value.length > 0 ? null : 'Choose at least one role.'),
    },
  });

  const nameProps = form.getInputProps('name');
  const address = useSlugFollowingName({
    name: (v) => form.setFieldValue('name', v),
    slug: (v) => form.setFieldValue('slug', v),
  });
  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const org = await createOrg({ name: values.name.trim(), slug: values.slug, roles: values.roles });
      await onCreated(org.slug);
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an organisation">
      <Stack gap="lg">
        <FormAlert message={formError} title="Could not create the organisation" />
        <TextInput label="Organisation name" required {...nameProps} onChange={address.onNameChange} />
        <TextInput
          label="Address"
          description={`Your organisation’s pages live at ${window.location.host}/o/${form.values.slug || 'your-slug'}. Lowercase letters, digits and hyphens.`}
          required
          leftSection={
            <Text size="sm" c="dimmed" aria-hidden>
              /o/
            </Text>
          }
          leftSectionWidth={36}
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('slug')}
          onChange={address.onSlugChange}
        />
        <Checkbox.Group
          label="What does your organisation do on Cairn?"
          description="Choose all that apply. You can change this later."
          required
          {...form.getInputProps('roles')}
        >
          <Stack gap="sm" mt="xs">
            {ORG_ROLES.map((role) => (
              <Checkbox key={role.value} value={role.value} label={role.label} description={role.description} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button type="submit" size="md" loading={form.submitting} w={{ base: '100%', sm: 'auto' }}>
          Create organisation
        </Button>
      </Stack>
    </form>
  );
}
