import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyProblemToForm } from '../../api/form-errors';
import { useSlugFollowingName } from '../orgs/use-slug-following-name';
import { useCreateMicrocredential } from './authoring-api';

const MC_SLUG = /^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/;

/** Names a new micro-credential and its address, then opens the editor on its first draft. */
export function NewMicrocredentialModal({ orgSlug, opened, onClose }: { orgSlug: string; opened: boolean; onClose: () => void }) {
  const create = useCreateMicrocredential(orgSlug);
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { title: '', slug: '' },
    validate: {
      title: (v) => (v.trim() ? null : 'Give it a title'),
      slug: (v) => (MC_SLUG.test(v) ? null : 'Use 3-80 lowercase letters, digits and hyphens, starting and ending with a letter or digit'),
    },
  });

  const address = useSlugFollowingName({ name: (v) => form.setFieldValue('title', v), slug: (v) => form.setFieldValue('slug', v) });

  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      { title: values.title.trim(), slug: values.slug },
      {
        onSuccess: (mc) => {
          form.reset();
          onClose();
          void navigate(`/o/${orgSlug}/programmes/${mc.id}`);
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>New micro-credential</Text>} centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput
            label="Title"
            required
            data-autofocus
            {...form.getInputProps('title')}
            onChange={address.onNameChange}
          />
          <TextInput
            label="Address in the catalogue"
            description={`/catalog/${orgSlug}/${form.values.slug || '…'}`}
            required
            {...form.getInputProps('slug')}
            onChange={address.onSlugChange}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
