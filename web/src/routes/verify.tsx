import { Alert, Button, Container, Group, Paper, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconClipboardText, IconFileUpload, IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ErrorState } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { FileDrop } from '../features/verify/file-drop';
import { verifyCredential, verifyFile } from '../features/verify/verify-api';
import { fileProblem, parsePastedCredential, type CredentialInput } from '../features/verify/verify-input';
import { VerificationResultView } from '../features/verify/verification-result';

type Request = { kind: 'file'; file: File } | { kind: 'paste'; value: CredentialInput };

export default function VerifyPage() {
  usePageTitle('Verify a credential');
  const [tab, setTab] = useState<string | null>('upload');
  const [fileError, setFileError] = useState<string | null>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const verify = useMutation({
    mutationFn: (request: Request) => (request.kind === 'file' ? verifyFile(request.file) : verifyCredential(request.value)),
    onSuccess: () => {
      // Move focus to the verdict so that keyboard and screen-reader users land on the answer.
      requestAnimationFrame(() => resultRef.current?.focus());
    },
  });

  const onFile = (file: File) => {
    const problem = fileProblem(file);
    setFileError(problem);
    setChosenName(file.name);
    verify.reset();
    if (!problem) verify.mutate({ kind: 'file', file });
  };

  const onVerifyPasted = () => {
    const parsed = parsePastedCredential(pasted);
    if (!parsed.ok) {
      setPasteError(parsed.error);
      verify.reset();
      return;
    }
    setPasteError(null);
    verify.mutate({ kind: 'paste', value: parsed.value });
  };

  const retry = () => {
    if (verify.variables) verify.mutate(verify.variables);
  };

  return (
    <Container size="md" py={{ base: 'lg', sm: 48 }}>
      <Stack gap="xl">
        <Stack gap={6}>
          <Group gap="sm">
            <IconShieldCheck size={32} color="var(--mantine-color-cairn-7)" aria-hidden />
            <Title order={1}>Verify a credential</Title>
          </Group>
          <Text c="dimmed" size="lg">
            Check that a credential is genuine: who issued it, that nobody changed it, that it has not expired or been
            revoked. Any Open Badges 3.0 or W3C verifiable credential works, from Cairn or elsewhere.
          </Text>
        </Stack>

        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
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
                <FileDrop onFile={onFile} disabled={verify.isPending} describedBy={fileError ? 'file-error' : undefined} />
                {chosenName && !fileError ? (
                  <Text size="sm" c="dimmed" role="status">
                    {verify.isPending ? `Verifying ${chosenName}…` : `Last file: ${chosenName}`}
                  </Text>
                ) : null}
                {fileError ? (
                  <Alert id="file-error" color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                    {fileError}
                  </Alert>
                ) : null}
              </Stack>
            </Tabs.Panel>

            <Tabs.Panel value="paste" pt="lg">
              <Stack gap="sm">
                <Textarea
                  label="Credential"
                  description="The credential’s JSON (starting with {) or its JWT (three parts separated by dots)."
                  placeholder='{"@context": ["https://www.w3.org/ns/credentials/v2", …], "type": ["VerifiableCredential", "OpenBadgeCredential"], …}'
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
                  <Button onClick={onVerifyPasted} loading={verify.isPending} leftSection={<IconShieldCheck size={18} aria-hidden />}>
                    Verify
                  </Button>
                </Group>
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </Paper>

        <div ref={resultRef} tabIndex={-1} aria-label="Verification result" style={{ outline: 'none' }}>
          {verify.isError ? (
            <ErrorState error={verify.error} title="The credential could not be checked" onRetry={retry} />
          ) : null}
          {verify.isSuccess ? <VerificationResultView result={verify.data} /> : null}
        </div>
      </Stack>
    </Container>
  );
}
