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

/** What a renewal starts from: the accreditation it renews and the decided application behind it. */
export type Renewal = {
  /** The decided application renewed; the accrediting body sees its history. */
  renewsId: string;
  schemeId: string;
  subjectType: 'organization' | 'programme';
  programmeIds: string[];
  /** What is renewed, in words ("Dashboard Design — Workplace Digital Skills"). */
  label: string;
};

/**
 * A provider applies to a scheme for itself or for some of its published programmes; given
 * `renewal`, it applies again for the same subject under the same scheme, carrying the history.
 * Mount it with a `key` per renewal so it starts from that one.
 */
export function ApplyModal({
  slug,
  opened,
  onClose,
  renewal,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
  renewal?: Renewal;
}) {
  const schemes = useOpenSchemes(opened);
  const programmes = usePublishedProgrammes(slug, opened);
  const submitApplication = useSubmitApplication(slug);
  const navigate = useNavigate();
  const form = useForm<ApplyForm>({
    mode: 'controlled',
    initialValues: {
      schemeId: renewal?.schemeId ?? '',
      subjectType: renewal?.subjectType ?? 'programme',
      programmeIds: renewal?.programmeIds ?? [],
      statement: '',
      jurisdiction: '',
    },
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
      renewsId: renewal?.renewsId ?? null,
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
      title={renewal ? 'Renew accreditation' : 'Apply for accreditation'}
      size="lg"
      form={form}
      submitLabel={renewal ? 'Send renewal' : 'Send application'}
      onSubmit={submit}
    >
      {renewal ? (
        <Text size="sm">
          Renewing <strong>{renewal.label}</strong>. The accrediting body sees your earlier application and its
          decision.
        </Text>
      ) : null}
      <Select
        label="Scheme"
        required
        readOnly={renewal !== undefined}
        data-autofocus={renewal ? undefined : true}
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
          readOnly={renewal !== undefined}
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
        description={
          renewal
            ? 'What changed since the last decision, and how you still meet the criteria.'
            : "How you meet the scheme's criteria."
        }
        data-autofocus={renewal ? true : undefined}
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
