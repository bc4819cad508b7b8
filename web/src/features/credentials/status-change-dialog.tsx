import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { RequestError } from '../../components/request-error';

type StatusChangeDialogProps = {
  /** Revoking needs a reason and cannot be undone; suspending takes an optional one. */
  action: 'revoke' | 'suspend' | null;
  achievementName: string;
  isPending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

/** Asks for the reason behind a revocation or suspension, which the issuer keeps on record. */
export function StatusChangeDialog({
  action,
  achievementName,
  isPending,
  error,
  onConfirm,
  onClose,
}: StatusChangeDialogProps) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const isRevoke = action === 'revoke';

  useEffect(() => {
    if (action) {
      setReason('');
      setReasonError(null);
    }
  }, [action]);

  const submit = () => {
    const trimmed = reason.trim();
    if (isRevoke && !trimmed) {
      setReasonError('Say why it is revoked. The reason is kept with the credential’s record.');
      return;
    }
    onConfirm(trimmed);
  };

  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      centered
      title={<Text fw={650}>{isRevoke ? `Revoke “${achievementName}”?` : `Suspend “${achievementName}”?`}</Text>}
    >
      <form
        noValidate
        aria-label={isRevoke ? 'Revoke the credential' : 'Suspend the credential'}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {isRevoke ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Revocation is permanent">
              Anyone who verifies this credential will see it as revoked, from now on. It cannot be reinstated; if it
              was a mistake you will have to issue a new one.
            </Alert>
          ) : (
            <Text size="sm">While suspended, the credential fails verification. You can reinstate it at any time.</Text>
          )}
          <Textarea
            label="Reason"
            description={
              isRevoke ? 'Kept on record with the credential.' : 'Optional. Kept on record with the credential.'
            }
            required={isRevoke}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              if (reasonError) setReasonError(null);
            }}
          />
          <RequestError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={isRevoke ? 'red' : 'orange'} loading={isPending}>
              {isRevoke ? 'Revoke permanently' : 'Suspend'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
