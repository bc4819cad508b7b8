import {
  Button,
  FileInput,
  Grid,
  Group,
  Image,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Autocomplete,
  Paper,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import type { LearningFormat, MicrocredentialVersion, VersionPatch } from '../../api/types';
import type { Membership } from '../../api/types';
import { useSkillTypeahead } from '../catalog/use-skill-typeahead';
import { FORMAT_OPTIONS, LEVELS, toMajor, toMinor } from '../catalog/catalog-format';
import { MarkdownText } from '../markdown/markdown';
import { uploadImage } from './authoring-api';

export type DetailsValues = {
  title: string;
  summary: string;
  description: string;
  /** One outcome per line. */
  outcomes: string;
  skillIds: string[];
  level: string | null;
  effortHours: number | string;
  durationWeeks: number | string;
  cost: { isFree: boolean; amount: number | string; currency: string };
  cpdHours: number | string;
  fieldOfStudy: string;
  format: string | null;
  language: string;
  imageFileId: string | null;
  partnerOrgIds: string[];
  criteriaNarrative: string;
  passMark: number | string;
  validityMonths: number | string;
};

/** Field names as the server reports them, for the publish checklist. */
export const DETAIL_LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  description: 'Description',
  outcomes: 'Learning outcomes',
  skillIds: 'Skills',
  level: 'Level',
  effortHours: 'Effort',
  durationWeeks: 'Duration',
  cost: 'Cost',
  cpdHours: 'CPD hours',
  fieldOfStudy: 'Field of study',
  format: 'Format',
  language: 'Language',
  imageFileId: 'Image',
  partnerOrgIds: 'Industry partners',
  criteriaNarrative: 'Criteria',
  passMark: 'Pass mark',
  validityMonths: 'Validity',
  modules: 'Modules',
};

/** Suggestions: ISCED-F 2013 fields (any other name may be typed). */
const FIELDS_OF_STUDY = [
  'Accounting and taxation',
  'Architecture and construction',
  'Business and administration',
  'Electricity and energy',
  'Electronics and automation',
  'Engineering and engineering trades',
  'Environmental protection technology',
  'Finance, banking and insurance',
  'Health',
  'Hotel, restaurants and catering',
  'Information and Communication Technologies',
  'Languages',
  'Management and administration',
  'Manufacturing and processing',
  'Marketing and advertising',
  'Nursing and midwifery',
  'Occupational health and safety',
  'Secretarial and office work',
  'Software and applications development and analysis',
  'Statistics',
  'Teacher training and education science',
  'Transport services',
  'Wholesale and retail sales',
  'Work skills',
];

const num = (value: number | null) => (value === null ? '' : value);
const orNull = (value: number | string): number | null =>
  value === '' || value === null || Number.isNaN(Number(value)) ? null : Number(value);

export function detailsFromVersion(v: MicrocredentialVersion): DetailsValues {
  return {
    title: v.title,
    summary: v.summary,
    description: v.description,
    outcomes: v.outcomes.join('\n'),
    skillIds: v.skills.map((s) => s.id),
    level: v.level === null ? null : String(v.level),
    effortHours: num(v.effortHours),
    durationWeeks: num(v.durationWeeks),
    cost: v.cost
      ? { isFree: false, amount: toMajor(v.cost.amountMinor, v.cost.currency), currency: v.cost.currency }
      : { isFree: true, amount: '', currency: 'EUR' },
    cpdHours: num(v.cpdHours),
    fieldOfStudy: v.fieldOfStudy ?? '',
    format: v.format,
    language: v.language ?? '',
    imageFileId: v.imageFileId,
    partnerOrgIds: v.partners.map((p) => p.id),
    criteriaNarrative: v.criteriaNarrative,
    passMark: num(v.passMark),
    validityMonths: num(v.validityMonths),
  };
}

export function patchFromDetails(values: DetailsValues): VersionPatch {
  const amount = orNull(values.cost.amount);
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description,
    outcomes: values.outcomes
      .split('\n')
      .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
      .filter(Boolean),
    skillIds: values.skillIds,
    level: values.level === null ? null : Number(values.level),
    effortHours: orNull(values.effortHours),
    durationWeeks: orNull(values.durationWeeks),
    cost:
      values.cost.isFree || amount === null
        ? null
        : { amountMinor: toMinor(amount, values.cost.currency), currency: values.cost.currency },
    cpdHours: orNull(values.cpdHours),
    fieldOfStudy: values.fieldOfStudy.trim() || null,
    format: (values.format as LearningFormat | null) ?? null,
    language: values.language.trim() || null,
    imageFileId: values.imageFileId,
    partnerOrgIds: values.partnerOrgIds,
    criteriaNarrative: values.criteriaNarrative,
    passMark: orNull(values.passMark),
    validityMonths: orNull(values.validityMonths),
  };
}

const CURRENCIES = [
  'EUR',
  'GBP',
  'USD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'CAD',
  'AUD',
  'NZD',
  'INR',
  'JPY',
  'ZAR',
  'SGD',
];
const LANGUAGES = [
  'en',
  'en-GB',
  'en-US',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'pt-BR',
  'pl',
  'sv',
  'da',
  'fi',
  'nb',
  'cs',
  'el',
  'ro',
  'hu',
  'ga',
  'cy',
];

type DetailsFormProps = {
  orgSlug: string;
  form: UseFormReturnType<DetailsValues>;
  version: MicrocredentialVersion;
  memberships: Membership[];
  isReadOnly: boolean;
};

/** Every field of a version but its modules. Saving and publishing live in the editor page. */
export function DetailsForm({ orgSlug, form, version, memberships, isReadOnly }: DetailsFormProps) {
  const skillSearch = useSkillTypeahead();
  const [skillNames, setSkillNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(version.skills.map((s) => [s.id, s.name])),
  );
  const [imageUrl, setImageUrl] = useState<string | null>(version.imageUrl);
  const [imageError, setImageError] = useState<string | null>(null);
  const [isUploading, setUploading] = useState(false);
  // The field shows this prompt; its accessible name starts with it (WCAG 2.5.3, label in name).
  const imagePrompt = isUploading ? 'Uploading…' : 'Upload PNG, JPEG or SVG';

  const skillData = [
    ...form.values.skillIds.map((id) => ({ value: id, label: skillNames[id] ?? id })),
    ...skillSearch.found
      .filter((s) => !form.values.skillIds.includes(s.id))
      .map((s) => ({ value: s.id, label: `${s.name} (${s.framework.name})` })),
  ];
  const partnerData = [
    ...version.partners.map((p) => ({ value: p.id, label: p.name })),
    ...memberships
      .filter((m) => m.org.roles.includes('partner') && !version.partners.some((p) => p.id === m.org.id))
      .map((m) => ({ value: m.org.id, label: m.org.name })),
  ];

  const onImage = async (file: File | null) => {
    setImageError(null);
    if (!file) return;
    if (!['image/png', 'image/jpeg', 'image/svg+xml'].includes(file.type)) {
      setImageError('Choose a PNG, JPEG or SVG image.');
      return;
    }
    if (file.size > 5 * 1024 * 1024) {
      setImageError('The image is larger than 5 MB.');
      return;
    }
    setUploading(true);
    try {
      const image = await uploadImage(orgSlug, file);
      form.setFieldValue('imageFileId', image.id);
      setImageUrl(image.url);
    } catch (error) {
      setImageError(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };

  // Read-only rather than disabled: a published version stays legible.
  const ro = { readOnly: isReadOnly };

  return (
    <Stack gap="lg">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <TextInput label="Title" required {...form.getInputProps('title')} {...ro} />
            <Textarea
              label="Summary"
              description="One or two sentences shown in search results"
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('summary')}
              {...ro}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Image
            </Text>
            <Paper withBorder w={120} h={120} style={{ display: 'grid', placeItems: 'center', overflow: 'hidden' }}>
              {imageUrl && form.values.imageFileId ? (
                <Image src={imageUrl} alt="Programme image preview" w={120} h={120} fit="cover" />
              ) : (
                <IconPhoto size={36} color="var(--mantine-color-gray-5)" aria-label="No image" />
              )}
            </Paper>
            {isReadOnly ? null : (
              <Group gap="xs">
                <FileInput
                  aria-label={`${imagePrompt} (programme image)`}
                  placeholder={imagePrompt}
                  accept="image/png,image/jpeg,image/svg+xml"
                  value={null}
                  onChange={(f) => void onImage(f)}
                  disabled={isUploading}
                  error={imageError ?? form.errors.imageFileId}
                  size="sm"
                  w={220}
                />
                {form.values.imageFileId ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    color="red"
                    onClick={() => form.setFieldValue('imageFileId', null)}
                  >
                    Remove
                  </Button>
                ) : null}
              </Group>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <MarkdownField
        label="Description"
        description="Markdown: headings, lists, links"
        form={form}
        path="description"
        isReadOnly={isReadOnly}
        minRows={6}
      />

      <Textarea
        label="Learning outcomes"
        description="One per line: what a learner will be able to do"
        autosize
        minRows={3}
        {...form.getInputProps('outcomes')}
        {...ro}
      />

      <MultiSelect
        label="Skills"
        description="Type to search the skill frameworks; aligned skills become the badge’s alignments"
        placeholder={form.values.skillIds.length ? undefined : 'Search skills, e.g. data analysis'}
        {...skillSearch.searchProps}
        data={skillData}
        hidePickedOptions
        maxValues={30}
        {...form.getInputProps('skillIds')}
        onChange={(ids) => {
          const found = Object.fromEntries(skillSearch.found.map((s) => [s.id, s.name]));
          setSkillNames((names) => ({ ...found, ...names }));
          form.setFieldValue('skillIds', ids);
        }}
        {...ro}
      />

      <Autocomplete
        label="Field of study"
        description="Signed into the badge. Accreditation schemes limited to some fields check it."
        placeholder="Information and Communication Technologies"
        data={FIELDS_OF_STUDY}
        maxLength={120}
        {...form.getInputProps('fieldOfStudy')}
        {...ro}
      />

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label="Level (EQF)"
            data={LEVELS.map((l) => ({ value: String(l), label: `Level ${l}` }))}
            clearable
            {...form.getInputProps('level')}
            {...ro}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select label="Format" data={FORMAT_OPTIONS} clearable {...form.getInputProps('format')} {...ro} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Autocomplete
            label="Language"
            description="A language tag, like en or pt-BR"
            data={LANGUAGES}
            {...form.getInputProps('language')}
            {...ro}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <NumberInput
            label="Effort (hours)"
            min={0.5}
            step={0.5}
            decimalScale={1}
            {...form.getInputProps('effortHours')}
            {...ro}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <NumberInput
            label="Duration (weeks)"
            min={1}
            allowDecimal={false}
            {...form.getInputProps('durationWeeks')}
            {...ro}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <NumberInput
            label="CPD hours"
            min={0}
            step={0.5}
            decimalScale={1}
            {...form.getInputProps('cpdHours')}
            {...ro}
          />
        </Grid.Col>
      </Grid>

      <Stack gap="xs">
        <Switch
          label="Free programme"
          checked={form.values.cost.isFree}
          onChange={(e) => form.setFieldValue('cost.isFree', e.currentTarget.checked)}
          disabled={isReadOnly}
        />
        {form.values.cost.isFree ? null : (
          <Group gap="sm" align="flex-start">
            <NumberInput
              label="Price"
              min={0}
              decimalScale={2}
              w={160}
              {...form.getInputProps('cost.amount')}
              error={form.errors.cost}
              {...ro}
            />
            <Select
              label="Currency"
              data={CURRENCIES}
              searchable
              w={120}
              allowDeselect={false}
              {...form.getInputProps('cost.currency')}
              {...ro}
            />
          </Group>
        )}
        {form.values.cost.isFree ? null : (
          <Text size="xs" c="dimmed">
            Learners enrol in a paid programme with a voucher code; Cairn does not process payments.
          </Text>
        )}
      </Stack>

      <MultiSelect
        label="Industry partners"
        description="Partner organisations you are a member of, or already listed"
        data={partnerData}
        placeholder={partnerData.length === 0 ? 'No partner organisation available' : undefined}
        {...form.getInputProps('partnerOrgIds')}
        {...ro}
      />

      <MarkdownField
        label="Criteria"
        description="What a learner must do to earn the credential (part of the badge)"
        form={form}
        path="criteriaNarrative"
        isReadOnly={isReadOnly}
        minRows={3}
      />

      <Grid gutter="md">
        <Grid.Col span={{ base: 6, md: 4 }}>
          <NumberInput
            label="Pass mark (%)"
            description="Overall score needed"
            min={0}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('passMark')}
            {...ro}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <NumberInput
            label="Credential valid for (months)"
            description="Leave empty: never expires"
            min={1}
            max={600}
            allowDecimal={false}
            {...form.getInputProps('validityMonths')}
            {...ro}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A Markdown textarea with a preview tab. */
export function MarkdownField<T>({
  label,
  description,
  form,
  path,
  isReadOnly,
  minRows = 4,
}: {
  label: string;
  description?: string;
  form: UseFormReturnType<T>;
  path: string;
  isReadOnly: boolean;
  minRows?: number;
}) {
  const value = String(form.getInputProps(path).value ?? '');
  return (
    <Tabs defaultValue="write" variant="outline" keepMounted={false}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Tabs.List>
          <Tabs.Tab value="write" aria-label={`Write ${label}`}>
            Write
          </Tabs.Tab>
          <Tabs.Tab value="preview" aria-label={`Preview ${label}`}>
            Preview
          </Tabs.Tab>
        </Tabs.List>
      </Group>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          aria-label={label}
          description={description}
          autosize
          minRows={minRows}
          maxRows={24}
          {...form.getInputProps(path)}
          readOnly={isReadOnly}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder p="md" mih={80}>
          {value.trim() ? <MarkdownText>{value}</MarkdownText> : <Text c="dimmed">Nothing written yet.</Text>}
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
