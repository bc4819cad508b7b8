import { MultiSelect, NumberInput, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormModal, useFreshFormModal } from '../../components/form-modal';
import { useCreateScheme, useUpdateScheme, type Scheme, type SchemeInput } from './accreditation-api';

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
  isOpen: boolean;
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

const emptyForm: SchemeForm = {
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
  isOpen: true,
};

function formOf(scheme: Scheme): SchemeForm {
  return {
    name: scheme.name,
    slug: scheme.slug,
    summary: scheme.summary,
    criteriaMarkdown: scheme.criteriaMarkdown,
    checklist: scheme.checklist.join('\n'),
    evidenceItems: scheme.evidenceItems.join('\n'),
    validityMonths: scheme.validityMonths,
    reviewIntervalMonths: scheme.reviewIntervalMonths ?? '',
    eqfLevels: scheme.scope.eqfLevels.map(String),
    fields: scheme.scope.fields.join(', '),
    jurisdictions: scheme.scope.jurisdictions.join(', '),
    credentialTypes: scheme.scope.credentialTypes.join(', '),
    feeNote: scheme.feeNote,
    isOpen: scheme.isOpen,
  };
}

/**
 * Creates an accreditation scheme (criteria, checklist, evidence asked for, validity and scope
 * limits), or, given `scheme`, edits it. Editing changes what later applications and decisions
 * read; accreditations already granted keep what they were signed with. Mount it with
 * `key={scheme.id}` so it starts from that scheme.
 */
export function SchemeFormModal({
  slug,
  opened,
  onClose,
  scheme,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
  scheme?: Scheme;
}) {
  const create = useCreateScheme(slug);
  const update = useUpdateScheme(slug);
  const form = useForm<SchemeForm>({
    mode: 'controlled',
    initialValues: scheme ? formOf(scheme) : emptyForm,
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : 'Give the scheme a name of at least 3 characters.'),
      validityMonths: (v) => (typeof v === 'number' && v >= 1 && v <= 120 ? null : 'From 1 to 120 months.'),
    },
  });
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
      isOpen: values.isOpen,
    };
    if (scheme) await update.mutateAsync({ schemeId: scheme.id, changes: input });
    else await create.mutateAsync(input);
  };
  const modal = useFreshFormModal({
    opened,
    onClose,
    form,
    onSubmit: submit,
    onReset: () => {
      create.reset();
      update.reset();
    },
  });
  return (
    <FormModal
      {...modal}
      title={scheme ? `Edit ${scheme.name}` : 'New scheme'}
      size="lg"
      submitLabel={scheme ? 'Save changes' : 'Create scheme'}
    >
      {scheme ? (
        <Text size="sm" c="dimmed">
          Changes apply to applications and decisions from now on. Accreditations already granted keep what they were
          signed with.
        </Text>
      ) : null}
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
      <Switch label="Open to applications" {...form.getInputProps('isOpen', { type: 'checkbox' })} />
    </FormModal>
  );
}
