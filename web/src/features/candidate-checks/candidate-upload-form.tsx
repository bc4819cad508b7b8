import { Button, FileInput, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { FormAlert } from '../../components/form-alert';
import { errorMessage } from '../../api/client';
import { useStartCandidateCheck } from './candidate-checks-api';

const MAX_ITEMS = 1000;

/**
 * Credentials to check: files dropped or chosen (JSON, VC-JWT, baked PNG/SVG, a ZIP of those,
 * or a CSV of URLs), URLs pasted one per line, and optionally the candidate they must name.
 */
export function CandidateUploadForm({ slug, onStarted }: { slug: string; onStarted: (id: string) => void }) {
  const start = useStartCandidateCheck(slug);
  const [files, setFiles] = useState<File[]>([]);
  const [urls, setUrls] = useState('');
  const [candidateEmail, setCandidateEmail] = useState('');
  const [isOver, setIsOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urlCount = urls.split('\n').filter((u) => u.trim() !== '').length;
  const isEmpty = files.length === 0 && urlCount === 0;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsOver(false);
    const dropped = Array.from(event.dataTransfer.files);
    if (dropped.length > 0) setFiles((current) => [...current, ...dropped]);
  };

  const submit = async () => {
    setError(null);
    if (files.length + urlCount > MAX_ITEMS) {
      setError(`At most ${MAX_ITEMS} credentials per check: split them into several checks.`);
      return;
    }
    try {
      const { id } = await start.mutateAsync({ files, urls, candidateEmail });
      setFiles([]);
      setUrls('');
      onStarted(id);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <form
      aria-label="Check candidates' credentials"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <FormAlert message={error} title="The check could not start" />
        <Paper
          withBorder
          p="lg"
          bg={isOver ? 'blue.0' : 'gray.0'}
          style={{ borderStyle: 'dashed' }}
          onDragOver={(event) => {
            event.preventDefault();
            setIsOver(true);
          }}
          onDragLeave={() => setIsOver(false)}
          onDrop={onDrop}
          data-testid="candidate-dropzone"
        >
          <Stack gap="xs" align="center">
            <IconUpload size={28} aria-hidden />
            <Text fw={600}>Drop credential files or a ZIP here</Text>
            <Text size="sm" c="dimmed" ta="center">
              JSON, VC-JWT, baked PNG or SVG badges, a ZIP of them, or a CSV of credential URLs. Up to{' '}
              {MAX_ITEMS.toLocaleString('en')} credentials; uploads are deleted after 30 days.
            </Text>
            <FileInput
              label="Or choose files"
              multiple
              clearable
              value={files}
              onChange={setFiles}
              placeholder="No files chosen"
              miw={260}
            />
          </Stack>
        </Paper>
        <Textarea
          label="Credential URLs"
          description="One per line. Only public https addresses are fetched."
          autosize
          minRows={2}
          maxRows={8}
          value={urls}
          onChange={(event) => setUrls(event.currentTarget.value)}
        />
        <TextInput
          label="Candidate's email (optional)"
          description="Each credential must then be addressed to this person."
          type="email"
          autoComplete="off"
          value={candidateEmail}
          onChange={(event) => setCandidateEmail(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={start.isPending} disabled={isEmpty}>
            Check {files.length + urlCount > 0 ? `${files.length + urlCount} ` : ''}
            {files.length + urlCount === 1 ? 'credential' : 'credentials'}
          </Button>
          {files.length > 0 ? (
            <Text size="sm" c="dimmed">
              {files.length} {files.length === 1 ? 'file' : 'files'} chosen (a ZIP counts its files)
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
