import { Alert, Stack, Text } from '@mantine/core';
import { IconMailExclamation } from '@tabler/icons-react';
import { ResendVerification } from './resend-verification';
import { useSession } from './use-session';

/**
 * Shown across the signed-in app until the person confirms their email: credentials issued to
 * that address join their account, and the wallet accepts imports, only after they do.
 */
export function EmailVerificationBanner() {
  const { session } = useSession();
  if (!session || session.user.emailVerified !== false) return null;
  return (
    // A region, not an alert: it stands on every page and should not interrupt a screen reader each time.
    <Alert
      color="yellow"
      variant="light"
      icon={<IconMailExclamation aria-hidden />}
      title="Confirm your email to receive your credentials"
      mb="lg"
      role="region"
    >
      <Stack gap="xs">
        <Text size="sm">
          We sent a link to <strong>{session.user.email}</strong>. Open it to confirm the address is yours: credentials
          issued to it then appear in My credentials, and you can add credentials from elsewhere to your wallet.
        </Text>
        <ResendVerification />
      </Stack>
    </Alert>
  );
}
