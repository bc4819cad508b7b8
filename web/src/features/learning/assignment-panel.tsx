import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import type { LearnerAssignment, ModuleState } from '../../api/types';
import { MarkdownText } from '../markdown/markdown';
import { bytesLabel, checkEvidenceFile } from './evidence-file';
import { useSubmitEvidence } from './learning-api';
import { RubricTable } from './rubric-table';
import { SubmissionStatusBadge } from './submission-status';

type AssignmentPanelProps = {
  enrolmentId: string;
  moduleId: string;
  assignment: LearnerAssignment;
  state: ModuleState;
  isReadOnly: boolean;
};

/** Instructions, rubric, the evidence form and every earlier submission with its feedback. */
export function AssignmentPanel({ enrolmentId, moduleId, assignment, state, isReadOnly }: AssignmentPanelProps) {
  const submit = useSubmitEvidence(enrolmentId, moduleId);
  const { kinds, fileTypes, maxFileBytes } = assignment.evidence;
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ text?: string; link?: string; file?: string; form?: string }>({});
  const submissions = [...assignment.submissions].sort((a, b) => b.attemptNumber - a.attemptNumber);
  const latest = submissions[0];
  const canSubmit = !isReadOnly && state !== 'done' && latest?.status !== 'pending' && latest?.status !== 'approved';

  const onFile = (chosen: File | null) => {
    setFile(chosen);
    setErrors((e) => ({
      ...e,
      file: chosen ? (checkEvidenceFile(chosen, { fileTypes, maxFileBytes }) ?? undefined) : undefined,
    }));
  };

  const onSubmit = () => {
    const next: typeof errors = {};
    const trimmedLink = link.trim();
    if (trimmedLink && !/^https?:\/\/\S+\.\S+/.test(trimmedLink)) next.link = 'Give a web link starting with https://';
    if (file) {
      const problem = checkEvidenceFile(file, { fileTypes, maxFileBytes });
      if (problem) next.file = problem;
    }
    if (!text.trim() && !trimmedLink && !file) next.form = 'Add your evidence before you submit.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    submit.mutate(
      { text: text.trim() || undefined, link: trimmedLink || undefined, file: file ?? undefined },
      {
        onSuccess: () => {
          setText('');
          setLink('');
          setFile(null);
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const fieldErrors: typeof errors = {};
          for (const e of error.errors)
            if (e.field === 'text' || e.field === 'link' || e.field === 'file') fieldErrors[e.field] = e.message;
          setErrors(fieldErrors);
        },
      },
    );
  };

  return (
    <Stack gap="lg" component="section" aria-labelledby={`assignment-${moduleId}`}>
      <Title order={3} fz="lg" id={`assignment-${moduleId}`}>
        Assignment
      </Title>
      <MarkdownText>{assignment.instructions}</MarkdownText>
      <RubricTable rubric={assignment.rubric} />

      {canSubmit ? (
        <Paper withBorder p="md" bg="white">
          <Stack gap="sm">
            <Title order={4} fz="md">
              {latest?.status === 'resubmit' ? 'Submit again' : 'Submit your evidence'}
            </Title>
            {kinds.includes('text') ? (
              <Textarea
                label="Your answer"
                autosize
                minRows={4}
                maxRows={16}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={errors.text}
                maxLength={20_000}
              />
            ) : null}
            {kinds.includes('link') ? (
              <TextInput
                label="Link to your work"
                placeholder="https://"
                type="url"
                value={link}
                onChange={(e) => setLink(e.currentTarget.value)}
                error={errors.link}
              />
            ) : null}
            {kinds.includes('file') ? (
              <FileInput
                label="File"
                description={`${fileTypes.join(', ') || 'Any type'}${maxFileBytes ? `, at most ${bytesLabel(maxFileBytes)}` : ''}`}
                placeholder="Choose a file"
                accept={fileTypes.join(',') || undefined}
                value={file}
                onChange={onFile}
                clearable
                leftSection={<IconPaperclip size={16} aria-hidden />}
                error={errors.file}
              />
            ) : null}
            {errors.form ? (
              <Text size="sm" c="red" role="alert">
                {errors.form}
              </Text>
            ) : null}
            {submit.isError &&
            !(
              isApiError(submit.error) && submit.error.errors.some((e) => ['text', 'link', 'file'].includes(e.field))
            ) ? (
              <Alert color="red" role="alert">
                {errorMessage(submit.error)}
              </Alert>
            ) : null}
            <Group>
              <Button onClick={onSubmit} loading={submit.isPending}>
                Submit for review
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : latest?.status === 'pending' ? (
        <Alert color="blue" title="Waiting for review">
          An assessor will review your submission. You will see their feedback here.
        </Alert>
      ) : null}

      {submissions.length > 0 ? (
        <Stack gap="sm">
          <Title order={4} fz="md">
            Your submissions
          </Title>
          {submissions.map((s) => (
            <Paper key={s.id} withBorder p="md" bg="white">
              <Stack gap={6}>
                <Group justify="space-between">
                  <Text fw={600} size="sm">
                    Attempt {s.attemptNumber} · {dayjs(s.submittedAt).format('D MMM YYYY, HH:mm')}
                  </Text>
                  <SubmissionStatusBadge status={s.status} />
                </Group>
                {s.text ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {s.text}
                  </Text>
                ) : null}
                {s.link ? (
                  <Anchor
                    href={s.link}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {s.link}
                  </Anchor>
                ) : null}
                {s.file ? (
                  <Text size="sm">
                    File: {s.file.name} ({bytesLabel(s.file.size)})
                  </Text>
                ) : null}
                {s.points !== null ? (
                  <Text size="sm">
                    Score: {s.points} of {s.maxPoints} points
                  </Text>
                ) : null}
                {s.feedback ? (
                  <Paper bg="gray.0" p="sm">
                    <Text size="xs" c="dimmed" fw={600}>
                      Assessor feedback
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {s.feedback}
                    </Text>
                  </Paper>
                ) : null}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
