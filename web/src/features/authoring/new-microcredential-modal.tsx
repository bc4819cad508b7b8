import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { useSlugFollowingName } from '../orgs/use-slug-following-name';
import { useCreateMicrocredential } from './authoring-api';

const MC_SLUG = /^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/;

/** Names a new micro-credential and its address, then opens the editor on its first draft. */
export function NewMicrocredentialModal({
  orgSlug,
  opened,
  onClose,
}: {
  orgSlug: string;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateMicrocredential(orgSlug);
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { title: '', slug: '' },
    validate: {
      title: (v) => (v.trim() ? null : 'Give it a title'),
      slug: (v) =>
        MC_SLUG.test(v)
          ? null
          : 'Use 3-80 lowercase letters, digits and hyphens, starting and ending with a letter or digit',
    },
  });

  const address = useSlugFollowingName({
    name: (v) => form.setFieldValue('title', v),
    slug: (v) => form.setFieldValue('slug', v),
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="New micro-credential"
      form={form}
      submitLabel="Create draft"
      onSubmit={async (values) => {
        const mc = await create.mutateAsync({ title: values.title.trim(), slug: values.slug });
        form.reset();
        onClose();
        void navigate(`/o/${orgSlug}/programmes/${mc.id}`);
      }}
    >
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
    </FormModal>
  );
}
