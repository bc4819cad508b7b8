import { MultiSelect, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormModal } from '../../components/form-modal';
import { useCreateScheme, type SchemeInput } from './accreditation-api';

type SchemeForm = {
  name: string;
  slug: string;
  summary: string;
  criteriaMarkdown: string;
  checklist: string;
  evidenceItems: string;
  validityMonths: number | string;
  reviewIntervalMonths: number | string;
  eqfLevels: string[];
  fields: string;
  jurisdictions: string;
  credentialTypes: string;
  feeNote: string;
};

const lines = (value: string) =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const commas = (value: string) =>
  value
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** Creates an accreditation scheme: criteria, checklist, evidence asked for, validity and scope limits. */
export function SchemeFormModal({ slug, opened, onClose }: { slug: string; opened: boolean; onClose: () => void }) {
  const create = useCreateScheme(slug);
  const form = useForm<SchemeForm>({
    mode: 'controlled',
    initialValues: {
      name: '',
      slug: '',
      summary: '',
      criteriaMarkdown: '',
      checklist: '',
      evidenceItems: '',
      validityMonths: 36,
      reviewIntervalMonths: 12,
      eqfLevels: [],
      fields: '',
      jurisdictions: '',
      credentialTypes: 'MicroCredential',
      feeNote: '',
    },
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : 'Give the scheme a name of at least 3 characters.'),
      validityMonths: (v) => (typeof v === 'number' && v >= 1 && v <= 120 ? null : 'From 1 to 120 months.'),
    },
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const submit = async (values: SchemeForm) => {
    const input: SchemeInput = {
      name: values.name.trim(),
      slug: values.slug.trim() || slugOf(values.name),
      summary: values.summary.trim(),
      criteriaMarkdown: values.criteriaMarkdown,
      checklist: lines(values.checklist),
      evidenceItems: lines(values.evidenceItems),
      validityMonths: Number(values.validityMonths),
      reviewIntervalMonths: values.reviewIntervalMonths === '' ? null : Number(values.reviewIntervalMonths),
      scope: {
        eqfLevels: values.eqfLevels.map(Number),
        fields: commas(values.fields),
        jurisdictions: commas(values.jurisdictions),
        credentialTypes: commas(values.credentialTypes),
      },
      feeNote: values.feeNote.trim(),
      isOpen: true,
    };
    await create.mutateAsync(input);
    close();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="New scheme"
      size="lg"
      form={form}
      submitLabel="Create scheme"
      onSubmit={submit}
    >
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <TextInput
        label="Address"
        description="Lowercase letters, digits and hyphens; made from the name when left empty."
        placeholder={slugOf(form.values.name) || 'workplace-digital-skills'}
        {...form.getInputProps('slug')}
      />
      <Textarea label="Summary" autosize minRows={2} {...form.getInputProps('summary')} />
      <Textarea
        label="Criteria"
        description="Markdown, shown on the scheme's public page."
        autosize
        minRows={4}
        {...form.getInputProps('criteriaMarkdown')}
      />
      <Textarea
        label="Review checklist"
        description="One criterion a line; reviewers mark each met, not met or unclear."
        autosize
        minRows={3}
        {...form.getInputProps('checklist')}
      />
      <Textarea
        label="Evidence asked for"
        description="One item a line."
        autosize
        minRows={2}
        {...form.getInputProps('evidenceItems')}
      />
      <NumberInput
        label="Valid for (months)"
        min={1}
        max={120}
        allowDecimal={false}
        required
        {...form.getInputProps('validityMonths')}
      />
      <NumberInput
        label="Review every (months)"
        description="Optional."
        min={1}
        max={120}
        allowDecimal={false}
        {...form.getInputProps('reviewIntervalMonths')}
      />
      <MultiSelect
        label="EQF levels in scope"
        description="Empty: any level."
        data={['1', '2', '3', '4', '5', '6', '7', '8']}
        {...form.getInputProps('eqfLevels')}
      />
      <TextInput
        label="Fields in scope"
        description="Comma-separated; empty: any field."
        {...form.getInputProps('fields')}
      />
      <TextInput
        label="Jurisdictions in scope"
        description="Comma-separated; empty: any."
        {...form.getInputProps('jurisdictions')}
      />
      <TextInput
        label="Credential types in scope"
        description="Comma-separated; empty: any."
        {...form.getInputProps('credentialTypes')}
      />
      <TextInput label="Fee note" {...form.getInputProps('feeNote')} />
    </FormModal>
  );
}
