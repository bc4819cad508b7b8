import { MultiSelect, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { usePublishedProgrammes } from '../vouchers/vouchers-api';
import { useOpenSchemes, useSubmitApplication } from './accreditation-api';

type ApplyForm = {
  schemeId: string;
  subjectType: 'organization' | 'programme';
  programmeIds: string[];
  statement: string;
  jurisdiction: string;
};

/** A provider applies to a scheme for itself or for some of its published programmes. */
export function ApplyModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const schemes = useOpenSchemes(opened);
  const programmes = usePublishedProgrammes(slug, opened);
  const submitApplication = useSubmitApplication(slug);
  const navigate = useNavigate();
  const form = useForm<ApplyForm>({
    mode: 'controlled',
    initialValues: { schemeId: '', subjectType: 'programme', programmeIds: [], statement: '', jurisdiction: '' },
    validate: {
      schemeId: (v) => (v ? null : 'Choose a scheme.'),
      programmeIds: (v, values) =>
        values.subjectType === 'programme' && v.length === 0 ? 'Choose at least one programme.' : null,
      statement: (v) => (v.trim().length >= 10 ? null : 'Say in a sentence or two why you meet the criteria.'),
    },
  });
  const close = () => {
    form.reset();
    submitApplication.reset();
    onClose();
  };
  const submit = async (values: ApplyForm) => {
    const created = await submitApplication.mutateAsync({
      schemeId: values.schemeId,
      subjectType: values.subjectType,
      programmeIds: values.subjectType === 'programme' ? values.programmeIds : [],
      statement: values.statement.trim(),
      jurisdiction: values.jurisdiction.trim() || null,
    });
    close();
    await navigate(`/o/${slug}/accreditation/applications/${created.id}`);
  };
  const scheme = schemes.data?.find((s) => s.id === form.values.schemeId);
  // An organisation cannot apply to its own schemes.
  const choices = (schemes.data ?? []).filter((s) => s.accreditor.slug !== slug);
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="Apply for accreditation"
      size="lg"
      form={form}
      submitLabel="Send application"
      onSubmit={submit}
    >
      <Select
        label="Scheme"
        required
        data-autofocus
        data={choices.map((s) => ({ value: s.id, label: `${s.name} — ${s.accreditor.name}` }))}
        nothingFoundMessage="No scheme is open to applications."
        {...form.getInputProps('schemeId')}
      />
      {scheme ? (
        <Text size="sm" c="dimmed">
          Valid {scheme.validityMonths} months
          {scheme.scope.eqfLevels.length > 0 ? ` · EQF levels ${scheme.scope.eqfLevels.join(', ')}` : ''}
          {scheme.feeNote ? ` · ${scheme.feeNote}` : ''}
        </Text>
      ) : null}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="apply-subject">
          Accreditation for
        </Text>
        <SegmentedControl
          aria-labelledby="apply-subject"
          data={[
            { value: 'programme', label: 'Named programmes' },
            { value: 'organization', label: 'The whole organisation' },
          ]}
          {...form.getInputProps('subjectType')}
        />
      </Stack>
      {form.values.subjectType === 'programme' ? (
        <MultiSelect
          label="Programmes"
          description="Your published programmes."
          data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          {...form.getInputProps('programmeIds')}
        />
      ) : null}
      <Textarea
        label="Statement"
        description="How you meet the scheme's criteria."
        required
        autosize
        minRows={4}
        {...form.getInputProps('statement')}
      />
      <TextInput
        label="Jurisdiction"
        description="Where the programmes are offered, if the scheme asks."
        {...form.getInputProps('jurisdiction')}
      />
    </FormModal>
  );
}
