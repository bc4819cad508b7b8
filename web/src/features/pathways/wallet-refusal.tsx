import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconMailExclamation } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../../api/client';
import { ResendVerification } from '../auth/resend-verification';

const CHECK_NAMES: Record<string, string> = {
  proof: 'Signature',
  issuer: 'Issuer',
  recipient: 'Recipient',
  revocation: 'Revocation',
  suspension: 'Suspension',
  validUntil: 'Expiry',
  validFrom: 'Valid from',
  format: 'Format',
  status: 'Status',
};

/** The account's email is not confirmed, so Cairn cannot tell whose credentials are whose. */
function UnverifiedRefusal() {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconMailExclamation aria-hidden />}
      title="Confirm your email first"
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">
          Cairn adds a credential only when it was issued to your email address, and it can trust that address only once
          you have opened the confirmation link we mailed you. Nothing was added.
        </Text>
        <ResendVerification label="Resend the confirmation link" />
      </Stack>
    </Alert>
  );
}

/** Why the server refused a credential: its detail, and each failed check in words. */
export function WalletRefusal({ error }: { error: unknown }) {
  const api = isApiError(error) ? error : null;
  if (api?.code === 'email_unverified') return <UnverifiedRefusal />;
  const detail = errorMessage(error);
  const failed = (api?.errors ?? []).filter((e) => e.field.startsWith('credential.'));
  // One failed check is already the detail's sentence; several are listed by name.
  const checks = failed.length > 1 || failed.some((c) => !detail.includes(c.message)) ? failed : [];
  const title = api?.status === 409 ? 'Already there' : api?.status === 403 ? 'Not yours to add' : 'Not added';
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        {checks.length ? (
          <List size="sm" spacing={2}>
            {checks.map((c) => {
              const id = c.field.slice('credential.'.length);
              return (
                <List.Item key={c.field}>
                  <Text span fw={600} size="sm">
                    {CHECK_NAMES[id] ?? id}:
                  </Text>{' '}
                  {c.message}
                </List.Item>
              );
            })}
          </List>
        ) : null}
      </Stack>
    </Alert>
  );
}
