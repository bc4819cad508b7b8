import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client';
import { AuthCard } from '../components/auth-card';
import { usePageTitle } from '../components/use-page-title';
import { sessionKey, verifyEmail, type VerifyEmailResult } from '../features/auth/auth-api';
import { loginPathFor } from '../features/auth/next-path';
import { ResendVerification } from '../features/auth/resend-verification';
import { useSession } from '../features/auth/use-session';

const MY_CREDENTIALS = '/me/credentials';

function claimedSentence({ email, claimedCredentials, wasVerified }: VerifyEmailResult): string {
  if (claimedCredentials === 1) return `One credential issued to ${email} is now in My credentials.`;
  if (claimedCredentials > 1) return `${claimedCredentials} credentials issued to ${email} are now in My credentials.`;
  if (wasVerified) return `${email} was already confirmed.`;
  return `Credentials issued to ${email} will now appear in My credentials.`;
}

/** What a person whose link failed can do next: resend when signed in, else log in first. */
function NextStep() {
  const { session } = useSession();
  if (session?.user.emailVerified) {
    return (
      <Text size="sm">
        Your email {session.user.email} is confirmed already; nothing more to do.{' '}
        <Anchor component={Link} to={MY_CREDENTIALS}>
          Go to My credentials
        </Anchor>
      </Text>
    );
  }
  if (session) {
    return (
      <Stack gap="xs">
        <Text size="sm">Ask for a new link to {session.user.email}:</Text>
        <ResendVerification label="Send a new link" size="sm" variant="filled" />
      </Stack>
    );
  }
  return (
    <Text size="sm">
      <Anchor component={Link} to={loginPathFor(MY_CREDENTIALS)}>
        Log in
      </Anchor>{' '}
      to ask for a new link.
    </Text>
  );
}

/** `/verify-email?token=…`: the page the confirmation link in the sign-up mail opens. */
export default function VerifyEmailPage() {
  usePageTitle('Confirm your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  // A query, not an effect, so a double mount sends the single-use token once.
  const confirmation = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => verifyEmail(token),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const isConfirmed = confirmation.isSuccess;
  useEffect(() => {
    // The banner and the session's emailVerified must follow at once.
    if (isConfirmed) void queryClient.invalidateQueries({ queryKey: sessionKey });
  }, [isConfirmed, queryClient]);
  const { session } = useSession();

  let body;
  if (!token) {
    body = (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="This link is incomplete" role="alert">
        <Stack gap="xs">
          <Text size="sm">Open the link from the email again, copying all of it.</Text>
          <NextStep />
        </Stack>
      </Alert>
    );
  } else if (confirmation.isPending) {
    body = (
      <Group gap="sm" role="status" aria-live="polite">
        <Loader size="sm" aria-hidden />
        <Text>Confirming your email…</Text>
      </Group>
    );
  } else if (confirmation.isError) {
    body = (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="This link cannot be used" role="alert">
        <Stack gap="xs">
          <Text size="sm">{errorMessage(confirmation.error)}</Text>
          <NextStep />
        </Stack>
      </Alert>
    );
  } else {
    body = (
      <Stack>
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title="Email confirmed" role="status">
          {claimedSentence(confirmation.data)}
        </Alert>
        <Button component={Link} to={session ? MY_CREDENTIALS : loginPathFor(MY_CREDENTIALS)}>
          {session ? 'Go to My credentials' : 'Log in'}
        </Button>
      </Stack>
    );
  }

  return <AuthCard title="Confirm your email">{body}</AuthCard>;
}
