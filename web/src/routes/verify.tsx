import { Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ErrorState } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { CredentialPicker, type PickedCredential } from '../features/verify/credential-picker';
import { verifyCredential, verifyFile } from '../features/verify/verify-api';
import { VerificationResultView } from '../features/verify/verification-result';

export default function VerifyPage() {
  usePageTitle('Verify a credential');
  const resultRef = useRef<HTMLDivElement>(null);

  const [email, setEmail] = useState('');
  const verify = useMutation({
    mutationFn: (request: PickedCredential) => {
      const recipientEmail = email.trim() || undefined;
      if (request.kind === 'paste') return verifyCredential(request.value, { recipientEmail });
      // A file (JSON, JWT or a baked badge image) goes to the upload route, with the email to check.
      return verifyFile(request.file, { recipientEmail });
    },
    onSuccess: () => {
      // Move focus to the verdict so that keyboard and screen-reader users land on the answer.
      requestAnimationFrame(() => resultRef.current?.focus());
    },
  });

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
          <TextInput
            mb="md"
            type="email"
            label="Check it was issued to this email"
            description="Optional. Compared with the hashed email in the credential; the address is not stored. Works with pasted credentials, JSON or JWT files and baked badge images."
            placeholder="name@example.com"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoComplete="off"
          />
          <CredentialPicker
            idPrefix="verify"
            onPick={(picked) => verify.mutate(picked)}
            onReset={() => verify.reset()}
            isPending={verify.isPending}
            submitLabel="Verify"
            submitIcon={<IconShieldCheck size={18} aria-hidden />}
            pendingVerb="Verifying"
            pasteDescription="The credential’s JSON (starting with {) or its JWT (three parts separated by dots)."
            pastePlaceholder='{"@context": ["https://www.w3.org/ns/credentials/v2", …], "type": ["VerifiableCredential", "OpenBadgeCredential"], …}'
          />
        </Paper>

        <div ref={resultRef} tabIndex={-1} role="region" aria-label="Verification result" style={{ outline: 'none' }}>
          {verify.isError ? (
            <ErrorState error={verify.error} title="The credential could not be checked" onRetry={retry} />
          ) : null}
          {verify.isSuccess ? <VerificationResultView result={verify.data} /> : null}
        </div>
      </Stack>
    </Container>
  );
}
