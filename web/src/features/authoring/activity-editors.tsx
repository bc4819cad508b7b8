import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { MarkdownField } from './details-form';
import { newCriterion, newLevel, newOption, newQuestion, type ModuleForm } from './module-form';
import { AddButton } from '../../components/add-button';

type Props = { form: UseFormReturnType<ModuleForm>; isReadOnly: boolean };

const KIND_OPTIONS = [
  { value: 'single', label: 'Single choice' },
  { value: 'multiple', label: 'Multiple choice' },
  { value: 'numeric', label: 'Number' },
];

const FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

/** A quiz's whole-number settings, a row of inputs each; an empty one (but the pass mark) means "no limit". */
const QUIZ_NUMBER_ROWS: { path: string; label: string; description?: string; min: number; max: number; w: number }[][] =
  [
    [
      { path: 'quiz.passMark', label: 'Pass mark (%)', min: 0, max: 100, w: 150 },
      {
        path: 'quiz.attemptsLimit',
        label: 'Attempts allowed',
        description: 'Empty: unlimited',
        min: 1,
        max: 100,
        w: 170,
      },
    ],
    [
      {
        path: 'quiz.drawCount',
        label: 'Questions per attempt',
        description: 'Drawn at random from the pool; empty: all',
        min: 1,
        max: 100,
        w: 200,
      },
      {
        path: 'quiz.timeLimitMinutes',
        label: 'Time limit (minutes)',
        description: 'Empty: none',
        min: 1,
        max: 600,
        w: 170,
      },
      {
        path: 'quiz.cooldownMinutes',
        label: 'Wait after a fail (minutes)',
        description: 'Empty: none',
        min: 1,
        max: 10080,
        w: 200,
      },
    ],
  ];

/** Questions with their options, correct flags and feedback; pass mark and attempts. */
export function QuizEditor({ form, isReadOnly }: Props) {
  const questions = form.values.quiz.questions;
  return (
    <Stack gap="md">
      {QUIZ_NUMBER_ROWS.map((row, index) => (
        <Group key={index} gap="md" align="flex-start">
          {row.map(({ path, ...input }) => (
            <NumberInput
              key={path}
              {...input}
              allowDecimal={false}
              {...form.getInputProps(path)}
              readOnly={isReadOnly}
            />
          ))}
        </Group>
      ))}
      <Group gap="md" align="flex-end">
        <Select
          label="Show the right answers"
          data={[
            { value: 'after-pass-or-last-attempt', label: 'After a pass or the last attempt' },
            { value: 'after-pass', label: 'Only after a pass' },
            { value: 'never', label: 'Never' },
          ]}
          allowDeselect={false}
          w={280}
          {...form.getInputProps('quiz.revealAnswers')}
          readOnly={isReadOnly}
        />
        <Checkbox
          label="Shuffle options in each attempt"
          {...form.getInputProps('quiz.shuffleOptions', { type: 'checkbox' })}
          disabled={isReadOnly}
        />
      </Group>
      {form.errors['quiz.questions'] ? (
        <Text size="sm" c="red">
          {form.errors['quiz.questions']}
        </Text>
      ) : null}
      {questions.map((q, qi) => {
        const path = `quiz.questions.${qi}`;
        return (
          <Fieldset key={form.key(path)} legend={`Question ${qi + 1}`} bg="gray.0">
            <Stack gap="sm">
              <Group gap="sm" align="flex-start" wrap="wrap">
                <Select
                  label="Kind"
                  data={KIND_OPTIONS}
                  allowDeselect={false}
                  w={170}
                  {...form.getInputProps(`${path}.kind`)}
                  onChange={(value) => {
                    if (!value) return;
                    form.setFieldValue(`${path}.kind`, value);
                    // A single-choice question keeps exactly one correct option.
                    if (value === 'single') {
                      const firstCorrect = Math.max(
                        0,
                        q.options.findIndex((o) => o.isCorrect),
                      );
                      q.options.forEach((_, oi) =>
                        form.setFieldValue(`${path}.options.${oi}.isCorrect`, oi === firstCorrect),
                      );
                    }
                  }}
                  disabled={isReadOnly}
                />
                <NumberInput
                  label="Points"
                  min={1}
                  max={100}
                  allowDecimal={false}
                  w={100}
                  {...form.getInputProps(`${path}.points`)}
                  readOnly={isReadOnly}
                />
                {isReadOnly || questions.length <= 1 ? null : (
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => form.removeListItem('quiz.questions', qi)}
                  >
                    Remove question {qi + 1}
                  </Button>
                )}
              </Group>
              <Textarea
                label="Question"
                autosize
                minRows={2}
                {...form.getInputProps(`${path}.prompt`)}
                readOnly={isReadOnly}
              />
              {q.kind === 'numeric' ? (
                <Group gap="sm" align="flex-start">
                  <NumberInput
                    label="Correct answer"
                    w={160}
                    decimalSeparator="."
                    {...form.getInputProps(`${path}.answer`)}
                    readOnly={isReadOnly}
                  />
                  <NumberInput
                    label="Tolerance (±)"
                    min={0}
                    w={140}
                    decimalSeparator="."
                    {...form.getInputProps(`${path}.tolerance`)}
                    readOnly={isReadOnly}
                  />
                  <TextInput
                    label="Unit"
                    placeholder="e.g. %"
                    w={120}
                    {...form.getInputProps(`${path}.unit`)}
                    readOnly={isReadOnly}
                  />
                </Group>
              ) : (
                <Stack gap="xs">
                  <Text size="sm" fw={500}>
                    Options {q.kind === 'single' ? '(mark the one correct answer)' : '(mark every correct answer)'}
                  </Text>
                  {form.errors[`${path}.options`] ? (
                    <Text size="sm" c="red" role="alert">
                      {form.errors[`${path}.options`]}
                    </Text>
                  ) : null}
                  {q.options.map((o, oi) => {
                    const optionPath = `${path}.options.${oi}`;
                    const correctLabel = `Option ${oi + 1} is correct`;
                    return (
                      <Paper key={form.key(optionPath)} withBorder p="xs" bg="white">
                        <Stack gap={6}>
                          <Group gap="xs" wrap="nowrap" align="flex-start">
                            {q.kind === 'single' ? (
                              <Radio
                                mt={8}
                                aria-label={correctLabel}
                                name={`${path}-correct`}
                                checked={o.isCorrect}
                                onChange={() =>
                                  q.options.forEach((_, k) =>
                                    form.setFieldValue(`${path}.options.${k}.isCorrect`, k === oi),
                                  )
                                }
                                disabled={isReadOnly}
                              />
                            ) : (
                              <Checkbox
                                mt={8}
                                aria-label={correctLabel}
                                {...form.getInputProps(`${optionPath}.isCorrect`, { type: 'checkbox' })}
                                disabled={isReadOnly}
                              />
                            )}
                            <TextInput
                              aria-label={`Option ${oi + 1}`}
                              placeholder={`Option ${oi + 1}`}
                              style={{ flex: 1 }}
                              size="sm"
                              {...form.getInputProps(`${optionPath}.text`)}
                              readOnly={isReadOnly}
                            />
                            {isReadOnly || q.options.length <= 2 ? null : (
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                mt={4}
                                aria-label={`Remove option ${oi + 1}`}
                                onClick={() => form.removeListItem(`${path}.options`, oi)}
                              >
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            )}
                          </Group>
                          <TextInput
                            aria-label={`Feedback when option ${oi + 1} is chosen`}
                            placeholder="Feedback when chosen (optional)"
                            size="xs"
                            {...form.getInputProps(`${optionPath}.feedback`)}
                            readOnly={isReadOnly}
                          />
                        </Stack>
                      </Paper>
                    );
                  })}
                  {isReadOnly || q.options.length >= 12 ? null : (
                    <AddButton isNested onClick={() => form.insertListItem(`${path}.options`, newOption())}>
                      Add an option
                    </AddButton>
                  )}
                </Stack>
              )}
              <Group grow gap="sm" align="flex-start">
                <TextInput
                  label="Feedback when right"
                  size="sm"
                  {...form.getInputProps(`${path}.feedbackCorrect`)}
                  readOnly={isReadOnly}
                />
                <TextInput
                  label="Feedback when wrong"
                  size="sm"
                  {...form.getInputProps(`${path}.feedbackIncorrect`)}
                  readOnly={isReadOnly}
                />
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {isReadOnly ? null : (
        <AddButton onClick={() => form.insertListItem('quiz.questions', newQuestion())}>Add a question</AddButton>
      )}
    </Stack>
  );
}

/** Instructions, a rubric of criteria with levels and points, and what evidence is accepted. */
export function AssignmentEditor({ form, isReadOnly }: Props) {
  const a = form.values.assignment;
  return (
    <Stack gap="md">
      <MarkdownField
        label="Instructions"
        form={form}
        path="assignment.instructions"
        isReadOnly={isReadOnly}
        minRows={4}
      />
      {form.errors['assignment.instructions'] ? (
        <Text size="sm" c="red">
          {form.errors['assignment.instructions']}
        </Text>
      ) : null}
      <Text fw={600}>Rubric</Text>
      {form.errors['assignment.criteria'] ? (
        <Text size="sm" c="red">
          {form.errors['assignment.criteria']}
        </Text>
      ) : null}
      {a.criteria.map((c, ci) => {
        const path = `assignment.criteria.${ci}`;
        return (
          <Fieldset key={form.key(path)} legend={`Criterion ${ci + 1}`} bg="gray.0">
            <Stack gap="sm">
              <Group gap="sm" align="flex-start">
                <TextInput
                  label="Criterion"
                  style={{ flex: 1 }}
                  {...form.getInputProps(`${path}.title`)}
                  readOnly={isReadOnly}
                />
                {isReadOnly || a.criteria.length <= 1 ? null : (
                  <Button
                    variant="subtle"
                    color="red"
                    mt={24}
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => form.removeListItem('assignment.criteria', ci)}
                  >
                    Remove criterion {ci + 1}
                  </Button>
                )}
              </Group>
              <TextInput
                label="What it looks at"
                size="sm"
                {...form.getInputProps(`${path}.description`)}
                readOnly={isReadOnly}
              />
              <Text size="sm" fw={500}>
                Levels
              </Text>
              {form.errors[`${path}.levels`] ? (
                <Text size="sm" c="red">
                  {form.errors[`${path}.levels`]}
                </Text>
              ) : null}
              {c.levels.map((_, li) => {
                const levelPath = `${path}.levels.${li}`;
                return (
                  <Group key={form.key(levelPath)} gap="xs" align="flex-start" wrap="wrap">
                    <TextInput
                      aria-label={`Criterion ${ci + 1}, level ${li + 1} name`}
                      placeholder="Level name"
                      size="sm"
                      w={160}
                      {...form.getInputProps(`${levelPath}.title`)}
                      readOnly={isReadOnly}
                    />
                    <NumberInput
                      aria-label={`Criterion ${ci + 1}, level ${li + 1} points`}
                      placeholder="Points"
                      size="sm"
                      w={90}
                      min={0}
                      allowDecimal={false}
                      {...form.getInputProps(`${levelPath}.points`)}
                      readOnly={isReadOnly}
                    />
                    <TextInput
                      aria-label={`Criterion ${ci + 1}, level ${li + 1} description`}
                      placeholder="Description (optional)"
                      size="sm"
                      style={{ flex: '1 1 200px' }}
                      {...form.getInputProps(`${levelPath}.description`)}
                      readOnly={isReadOnly}
                    />
                    {isReadOnly || c.levels.length <= 2 ? null : (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={4}
                        aria-label={`Remove level ${li + 1} of criterion ${ci + 1}`}
                        onClick={() => form.removeListItem(`${path}.levels`, li)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                );
              })}
              {isReadOnly || c.levels.length >= 10 ? null : (
                <AddButton isNested onClick={() => form.insertListItem(`${path}.levels`, newLevel())}>
                  Add a level
                </AddButton>
              )}
            </Stack>
          </Fieldset>
        );
      })}
      {isReadOnly ? null : (
        <AddButton onClick={() => form.insertListItem('assignment.criteria', newCriterion())}>
          Add a criterion
        </AddButton>
      )}
      <NumberInput
        label="Points needed to pass"
        description="Empty: every criterion above its lowest level"
        min={0}
        allowDecimal={false}
        w={240}
        {...form.getInputProps('assignment.passPoints')}
        readOnly={isReadOnly}
      />
      <Checkbox.Group label="Evidence accepted" {...form.getInputProps('assignment.kinds')}>
        <Group gap="md" mt={6}>
          <Checkbox value="text" label="Text" disabled={isReadOnly} />
          <Checkbox value="link" label="Link" disabled={isReadOnly} />
          <Checkbox value="file" label="File" disabled={isReadOnly} />
        </Group>
      </Checkbox.Group>
      {a.kinds.includes('file') ? (
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TagsInput
            label="File types"
            description="Media types, like application/pdf"
            data={FILE_TYPES}
            style={{ flex: '1 1 280px' }}
            {...form.getInputProps('assignment.fileTypes')}
            readOnly={isReadOnly}
          />
          <NumberInput
            label="Largest file (MB)"
            min={0.1}
            max={50}
            decimalScale={1}
            w={160}
            {...form.getInputProps('assignment.maxFileMb')}
            readOnly={isReadOnly}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
