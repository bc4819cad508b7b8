import { Alert, Button, Group, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconClipboardText, IconFileUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { FileDrop } from './file-drop';
import { fileProblem, parsePastedCredential, type CredentialInput } from './verify-input';

export type PickedCredential = { kind: 'file'; file: File } | { kind: 'paste'; value: CredentialInput };

type CredentialPickerProps = {
  /** A file or pasted credential that passed the local checks (size, type, JSON or JWT shape). */
  onPick: (picked: PickedCredential) => void;
  /** A new choice is under way: the page clears the previous outcome. */
  onReset: () => void;
  isPending: boolean;
  submitLabel: string;
  submitIcon: ReactNode;
  /** e.g. "Verifying", shown with the file name while the request runs. */
  pendingVerb: string;
  pasteDescription: string;
  pastePlaceholder?: string;
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
};

/**
 * Upload a credential file or paste its JSON / JWT, checked in the browser before anything is
 * sent. Used by the verify page and the wallet.
 */
export function CredentialPicker({
  onPick,
  onReset,
  isPending,
  submitLabel,
  submitIcon,
  pendingVerb,
  pasteDescription,
  pastePlaceholder,
  idPrefix,
}: CredentialPickerProps) {
  const [tab, setTab] = useState<string | null>('upload');
  const [fileError, setFileError] = useState<string | null>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const fileErrorId = `${idPrefix}-file-error`;

  const onFile = (file: File) => {
    const problem = fileProblem(file);
    setFileError(problem);
    setChosenName(file.name);
    onReset();
    if (!problem) onPick({ kind: 'file', file });
  };

  const onSubmitPasted = () => {
    const parsed = parsePastedCredential(pasted);
    if (!parsed.ok) {
      setPasteError(parsed.error);
      onReset();
      return;
    }
    setPasteError(null);
    onPick({ kind: 'paste', value: parsed.value });
  };

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="upload" leftSection={<IconFileUpload size={16} aria-hidden />}>
          Upload a file
        </Tabs.Tab>
        <Tabs.Tab value="paste" leftSection={<IconClipboardText size={16} aria-hidden />}>
          Paste
        </Tabs.Tab>
      </Tabs.List>

      <Tabs.Panel value="upload" pt="lg">
        <Stack gap="sm">
          <FileDrop onFile={onFile} disabled={isPending} describedBy={fileError ? fileErrorId : undefined} />
          {chosenName && !fileError ? (
            <Text size="sm" c="dimmed" role="status">
              {isPending ? `${pendingVerb} ${chosenName}…` : `Last file: ${chosenName}`}
            </Text>
          ) : null}
          {fileError ? (
            <Alert id={fileErrorId} color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
              {fileError}
            </Alert>
          ) : null}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="paste" pt="lg">
        <Stack gap="sm">
          <Textarea
            label="Credential"
            description={pasteDescription}
            placeholder={pastePlaceholder}
            autosize
            minRows={8}
            maxRows={18}
            value={pasted}
            onChange={(event) => {
              setPasted(event.currentTarget.value);
              if (pasteError) setPasteError(null);
            }}
            error={pasteError}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            spellCheck={false}
          />
          <Group>
            <Button onClick={onSubmitPasted} loading={isPending} leftSection={submitIcon}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
