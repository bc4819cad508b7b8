import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CopyField } from '../../components/copy-field';

type SecretOnceModalProps = { secret: string | null; title: string; children?: ReactNode; onClose: () => void };

/** Shows a signing secret the one time the server returns it, with a copy button. */
export function SecretOnceModal({ secret, title, children, onClose }: SecretOnceModalProps) {
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={<Text fw={650}>{title}</Text>}
      centered
      size="lg"
      closeOnClickOutside={false}
    >
      {secret ? (
        <Stack gap="md">
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title="This is the only time you will see this secret"
            role="alert"
          >
            Store it with the receiver. If you lose it, rotate the secret to get a new one.
          </Alert>
          <CopyField value={secret} label="signing secret" />
          <Text size="sm" c="dimmed">
            Receivers check each delivery&apos;s <code>webhook-signature</code> with it (Standard Webhooks; see
            docs/webhooks.md).
          </Text>
          {children}
          <Group justify="flex-end">
            <Button onClick={onClose}>I have stored it</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
