import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { useSlugFollowingName } from '../orgs/use-slug-following-name';
import { SLUG_PATTERN } from './pathway-details-form';

/** Where the editor of a pathway not saved yet opens. */
export const newPathwayPath = (orgSlug: string, name: string, slug: string) =>
  `/o/${orgSlug}/pathways/new?${new URLSearchParams({ name, slug }).toString()}`;

type NewPathwayModalProps = { orgSlug: string; opened: boolean; onClose: () => void; takenSlugs: readonly string[] };

/**
 * Names a new pathway and its address, then opens the editor. Nothing is saved yet: a
 * pathway needs at least one requirement before the server accepts it.
 */
export function NewPathwayModal({ orgSlug, opened, onClose, takenSlugs }: NewPathwayModalProps) {
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', slug: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give it a name'),
      slug: (v) => {
        if (!SLUG_PATTERN.test(v))
          return 'Use 3-80 lowercase letters, digits and hyphens, starting and ending with a letter or digit';
        return takenSlugs.includes(v) ? 'Another pathway of yours has this address' : null;
      },
    },
  });
  const address = useSlugFollowingName({
    name: (v) => form.setFieldValue('name', v),
    slug: (v) => form.setFieldValue('slug', v),
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="New pathway"
      form={form}
      submitLabel="Start building"
      onSubmit={(values) => {
        form.reset();
        address.reset();
        onClose();
        void navigate(newPathwayPath(orgSlug, values.name.trim(), values.slug));
      }}
    >
      <Text size="sm" c="dimmed">
        A pathway stacks micro-credentials (yours, other providers’, or from elsewhere) into a qualification that Cairn
        awards as soon as a learner meets its requirements.
      </Text>
      <TextInput
        label="Name"
        description="The qualification it leads to, e.g. Data Practitioner Certificate"
        required
        data-autofocus
        {...form.getInputProps('name')}
        onChange={address.onNameChange}
      />
      <TextInput
        label="Address"
        description={`Used in links and the achievement id: ${form.values.slug || '…'}`}
        required
        {...form.getInputProps('slug')}
        onChange={address.onSlugChange}
      />
    </FormModal>
  );
}
