import { Button, Text, type ButtonProps } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { resendEmailVerification } from './auth-api';

/** Asks the server to mail a new confirmation link to the signed-in person. */
export function useResendVerification() {
  return useMutation({ mutationFn: resendEmailVerification });
}

type ResendVerificationProps = { label?: string; size?: ButtonProps['size']; variant?: ButtonProps['variant'] };

/**
 * A "Resend" button with its outcome beside it: where the link went, or why it was not sent
 * (a link went out a minute ago, too many this hour). Only for a signed-in person.
 */
export function ResendVerification({
  label = 'Resend the link',
  size = 'xs',
  variant = 'light',
}: ResendVerificationProps) {
  const resend = useResendVerification();
  return (
    <>
      <Button
        size={size}
        variant={variant}
        leftSection={<IconMailForward size={16} aria-hidden />}
        loading={resend.isPending}
        disabled={resend.isSuccess}
        onClick={() => resend.mutate()}
        style={{ alignSelf: 'flex-start' }}
      >
        {resend.isSuccess ? 'Link sent' : label}
      </Button>
      {resend.isSuccess ? (
        <Text size="sm" role="status">
          A new link is on its way to {resend.data.email}. It works for 24 hours; check your spam folder if it does not
          arrive.
        </Text>
      ) : null}
      {resend.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(resend.error)}
        </Text>
      ) : null}
    </>
  );
}
