import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { FormModal, useFreshFormModal } from '../../components/form-modal';
import { useEndorse } from './endorsement-api';

type EndorseForm = { target: string; comment: string };

/** Programmes in the catalogue, as "provider/slug" choices (the newest published version is endorsed). */
function useEndorsableProgrammes(enabled: boolean) {
  return useQuery({
    queryKey: ['catalog', 'endorsable'] as const,
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/catalog', { params: { query: { pageSize: 100, sort: 'newest' } }, signal })),
    select: (result) => result.items,
    enabled,
  });
}

/** An industry partner endorses a published programme (its newest version) with a Markdown comment, signed. */
export function EndorseModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const endorse = useEndorse(slug);
  const programmes = useEndorsableProgrammes(opened);
  const form = useForm<EndorseForm>({
    mode: 'controlled',
    initialValues: { target: '', comment: '' },
    validate: {
      target: (v) => (v ? null : 'Choose a programme'),
      comment: (v) => (v.trim().length >= 10 ? null : 'Say in a sentence or two why you endorse it'),
    },
  });
  const modal = useFreshFormModal({
    opened,
    onClose,
    form,
    onReset: endorse.reset,
    onSubmit: (values) => {
      const [providerSlug, programmeSlug] = values.target.split('/');
      return endorse.mutateAsync({
        providerSlug: providerSlug!,
        programmeSlug: programmeSlug!,
        comment: values.comment,
      });
    },
  });
  const options = (programmes.data ?? []).map((p) => ({
    value: `${p.provider.slug}/${p.slug}`,
    label: `${p.title} — ${p.provider.name}`,
  }));
  return (
    <FormModal {...modal} title="Endorse a programme" submitLabel="Sign endorsement" size="lg">
      <Select
        data-autofocus
        label="Programme"
        description="Its newest published version is endorsed; credentials issued from now on carry your endorsement."
        searchable
        data={options}
        placeholder={programmes.isPending ? 'Loading programmes…' : 'Choose a programme'}
        nothingFoundMessage="No programme by that name"
        {...form.getInputProps('target')}
      />
      <Textarea
        label="Why you endorse it"
        description="Markdown. Signed into the endorsement credential, so it cannot change later."
        autosize
        minRows={4}
        {...form.getInputProps('comment')}
      />
    </FormModal>
  );
}
