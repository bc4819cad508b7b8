import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyProblemToForm } from '../api/form-errors';
import { AuthCard } from '../components/auth-card';
import { usePageTitle } from '../components/use-page-title';
import { requestPasswordReset } from '../features/auth/auth-api';

export default function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter the email you signed up with.'),
    },
  });

  const onSubmit = form.onSubmit(async ({ email }) => {
    setFormError(null);
    try {
      await requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
    }
  });

  return (
    <AuthCard
      title="Reset your password"
      subtitle="We will send a link to choose a new one."
      footer={
        <Anchor component={Link} to="/login">
          Back to log in
        </Anchor>
      }
    >
      {sentTo ? (
        <Alert color="teal" icon={<IconMailCheck aria-hidden />} title="Check your email" role="status">
          <Text size="sm">
            If an account exists for <strong>{sentTo}</strong>, a reset link is on its way. The link works once and
            expires soon.
          </Text>
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Request a password reset">
          <Stack gap="md">
            {formError ? (
              <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                {formError}
              </Alert>
            ) : null}
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" size="md" loading={form.submitting}>
              Send the reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
