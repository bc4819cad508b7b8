import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../../api/client';

const CHECK_NAMES: Record<string, string> = {
  proof: 'Signature',
  issuer: 'Issuer',
  recipient: 'Recipient',
  revocation: 'Revocation',
  suspension: 'Suspension',
  validUntil: 'Expiry',
  validFrom: 'Valid from',
};

/** Why the server refused a credential: its detail, and each failed check in words. */
export function WalletRefusal({ error }: { error: unknown }) {
  const api = isApiError(error) ? error : null;
  const checks = (api?.errors ?? []).filter((e) => e.field.startsWith('credential.'));
  const title = api?.status === 409 ? 'Already there' : api?.status === 403 ? 'Not yours to add' : 'Not added';
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error)}</Text>
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
