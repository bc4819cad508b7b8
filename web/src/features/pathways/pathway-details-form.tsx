import { Grid, Image, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import type { PathwayDetails } from './pathway-tree';

/** OB 3.0 achievement types that suit a qualification, in words. */
export const ACHIEVEMENT_TYPES: { value: string; label: string }[] = [
  { value: 'Certificate', label: 'Certificate' },
  { value: 'Diploma', label: 'Diploma' },
  { value: 'Degree', label: 'Degree' },
  { value: 'AssociateDegree', label: 'Associate degree' },
  { value: 'BachelorDegree', label: 'Bachelor’s degree' },
  { value: 'MasterDegree', label: 'Master’s degree' },
  { value: 'Certification', label: 'Certification' },
  { value: 'ApprenticeshipCertificate', label: 'Apprenticeship certificate' },
  { value: 'CertificateOfCompletion', label: 'Certificate of completion' },
  { value: 'LearningProgram', label: 'Learning programme' },
  { value: 'License', label: 'Licence' },
  { value: 'Award', label: 'Award' },
  { value: 'Badge', label: 'Badge' },
  { value: 'MicroCredential', label: 'Micro-credential' },
];

export const achievementTypeLabel = (value: string) =>
  ACHIEVEMENT_TYPES.find((t) => t.value === value)?.label ?? value.replace(/^ext:/, '');

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/;

type PathwayDetailsFormProps = {
  values: PathwayDetails;
  onChange: (patch: Partial<PathwayDetails>) => void;
  /** Errors by field: `name`, `description`, `achievementType`, `criteriaNarrative`, `imageUrl`, `slug`. */
  errors: Record<string, string>;
  /** The address of a pathway not saved yet can still change. */
  slug: { value: string; onChange?: (value: string) => void };
};

/** What the pathway leads to: the Achievement a learner is awarded. */
export function PathwayDetailsForm({ values, onChange, errors, slug }: PathwayDetailsFormProps) {
  const types = ACHIEVEMENT_TYPES.some((t) => t.value === values.achievementType)
    ? ACHIEVEMENT_TYPES
    : [...ACHIEVEMENT_TYPES, { value: values.achievementType, label: achievementTypeLabel(values.achievementType) }];
  const image = values.imageUrl.trim();
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label="Name"
            description="The qualification learners are awarded"
            required
            maxLength={200}
            value={values.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={errors.name}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Type"
            description="Its Open Badges achievement type"
            data={types}
            value={values.achievementType}
            onChange={(v) => v && onChange({ achievementType: v })}
            allowDeselect={false}
            error={errors.achievementType}
            size="md"
          />
        </Grid.Col>
      </Grid>
      {slug.onChange ? (
        <TextInput
          label="Address"
          description="Lowercase letters, digits and hyphens; it cannot change once saved"
          required
          value={slug.value}
          onChange={(e) => slug.onChange?.(e.currentTarget.value.toLowerCase())}
          error={
            errors.slug ??
            (slug.value && !SLUG_PATTERN.test(slug.value)
              ? 'Use 3-80 lowercase letters, digits and hyphens'
              : undefined)
          }
        />
      ) : null}
      <Textarea
        label="Description"
        description="Who it is for and what it proves; shown on the public page"
        autosize
        minRows={3}
        maxRows={12}
        maxLength={5000}
        value={values.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        error={errors.description}
      />
      <Textarea
        label="Criteria"
        description="How it is earned, in words (Markdown); part of the signed achievement"
        autosize
        minRows={2}
        maxRows={12}
        maxLength={10000}
        value={values.criteriaNarrative}
        onChange={(e) => onChange({ criteriaNarrative: e.currentTarget.value })}
        error={errors.criteriaNarrative}
      />
      <Grid gutter="md" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 9 }}>
          <TextInput
            label="Image URL"
            description="An https:// image of the badge (optional)"
            placeholder="https://…"
            value={values.imageUrl}
            onChange={(e) => onChange({ imageUrl: e.currentTarget.value })}
            error={errors.imageUrl ?? (image && !isHttpUrl(image) ? 'Give a full http(s):// address' : undefined)}
            maxLength={2000}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Paper
            withBorder
            w={64}
            h={64}
            radius="md"
            style={{ display: 'grid', placeItems: 'center', overflow: 'hidden' }}
          >
            {image && isHttpUrl(image) ? (
              <Image src={image} alt="Badge image preview" w={64} h={64} fit="cover" />
            ) : (
              <IconPhoto size={26} color="var(--mantine-color-gray-5)" aria-label="No image" />
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed">
        The name, type, description, criteria and image become the Open Badges achievement of each published version.
      </Text>
    </Stack>
  );
}
