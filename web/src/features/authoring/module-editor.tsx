import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import type { AuthoringModule } from '../../api/types';
import { AssignmentEditor, QuizEditor } from './activity-editors';
import { useSaveModule } from './authoring-api';
import { MarkdownField } from './details-form';
import { formToModuleInput, moduleErrorPath, moduleToForm, type ModuleForm } from './module-form';
import { AddButton } from '../../components/add-button';

type ModuleEditorProps = {
  orgSlug: string;
  mcId: string;
  versionId: string;
  /** null: a new module. */
  module: AuthoringModule | null;
  isReadOnly: boolean;
  onClose: () => void;
};

/** Adds or edits one module: content, links, minutes and its activity (none, quiz, assignment). */
export function ModuleEditor({ orgSlug, mcId, versionId, module, isReadOnly, onClose }: ModuleEditorProps) {
  const isNarrow = useMediaQuery('(max-width: 48em)');
  const save = useSaveModule(orgSlug, mcId, versionId);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<ModuleForm>({
    mode: 'controlled',
    initialValues: moduleToForm(module),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the module a title'),
      estimatedMinutes: (v) => (Number(v) >= 1 ? null : 'Estimate the minutes it takes'),
    },
  });

  const onSubmit = form.onSubmit((values) => {
    setProblems([]);
    save.mutate(
      { moduleId: module?.id ?? null, input: formToModuleInput(values) },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (!isApiError(error) || error.errors.length === 0) {
            setProblems([errorMessage(error)]);
            return;
          }
          const errors: Record<string, string> = {};
          for (const e of error.errors) errors[moduleErrorPath(e.field, values.activityType)] ??= e.message;
          form.setErrors(errors);
          setProblems([error.userMessage, ...error.errors.map((e) => `${e.field}: ${e.message}`)]);
        },
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={isNarrow}
      title={<Text fw={650}>{module ? `Module: ${module.title}` : 'New module'}</Text>}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              label="Title"
              required
              style={{ flex: '1 1 260px' }}
              data-autofocus
              {...form.getInputProps('title')}
              readOnly={isReadOnly}
            />
            <NumberInput
              label="Minutes"
              required
              min={1}
              max={10000}
              allowDecimal={false}
              w={120}
              {...form.getInputProps('estimatedMinutes')}
              readOnly={isReadOnly}
            />
          </Group>
          <MarkdownField
            label="Content"
            description="Markdown"
            form={form}
            path="content"
            isReadOnly={isReadOnly}
            minRows={6}
          />

          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Links and videos
            </Text>
            {isReadOnly && form.values.links.length === 0 ? (
              <Text size="sm" c="dimmed">
                None
              </Text>
            ) : null}
            {form.values.links.map((_, i) => (
              <Group key={form.key(`links.${i}`)} gap="xs" align="flex-start" wrap="wrap">
                <Select
                  aria-label={`Link ${i + 1} kind`}
                  data={[
                    { value: 'link', label: 'Link' },
                    { value: 'video', label: 'Video' },
                  ]}
                  allowDeselect={false}
                  w={100}
                  size="sm"
                  {...form.getInputProps(`links.${i}.kind`)}
                  disabled={isReadOnly}
                />
                <TextInput
                  aria-label={`Link ${i + 1} address`}
                  placeholder="https://"
                  size="sm"
                  style={{ flex: '2 1 220px' }}
                  {...form.getInputProps(`links.${i}.url`)}
                  readOnly={isReadOnly}
                />
                <TextInput
                  aria-label={`Link ${i + 1} title`}
                  placeholder="Title (optional)"
                  size="sm"
                  style={{ flex: '1 1 160px' }}
                  {...form.getInputProps(`links.${i}.title`)}
                  readOnly={isReadOnly}
                />
                {isReadOnly ? null : (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={4}
                    aria-label={`Remove link ${i + 1}`}
                    onClick={() => form.removeListItem('links', i)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {isReadOnly ? null : (
              <AddButton isNested onClick={() => form.insertListItem('links', { url: '', title: '', kind: 'link' })}>
                Add a link
              </AddButton>
            )}
          </Stack>

          <Stack gap={6}>
            <Text size="sm" fw={500} id="activity-label">
              Activity
            </Text>
            <SegmentedControl
              aria-labelledby="activity-label"
              data={[
                { value: 'none', label: 'None' },
                { value: 'quiz', label: 'Quiz' },
                { value: 'assignment', label: 'Assignment' },
              ]}
              {...form.getInputProps('activityType')}
              disabled={isReadOnly}
              w="fit-content"
            />
            {form.errors.activityType ? (
              <Text size="sm" c="red">
                {form.errors.activityType}
              </Text>
            ) : null}
          </Stack>
          {form.values.activityType === 'quiz' ? <QuizEditor form={form} isReadOnly={isReadOnly} /> : null}
          {form.values.activityType === 'assignment' ? <AssignmentEditor form={form} isReadOnly={isReadOnly} /> : null}

          {problems.length > 0 ? (
            <Alert color="red" role="alert" title="The module was not saved">
              <Stack gap={2}>
                {problems.map((p) => (
                  <Text key={p} size="sm">
                    {p}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : null}
          <Group justify="flex-end" pos="sticky" bottom={0} bg="white" py="sm">
            <Button variant="default" onClick={onClose}>
              {isReadOnly ? 'Close' : 'Cancel'}
            </Button>
            {isReadOnly ? null : (
              <Button type="submit" loading={save.isPending}>
                {module ? 'Save module' : 'Add module'}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
