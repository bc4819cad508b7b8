import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { applyProblemToForm } from '../api/form-errors';
import { AuthCard } from '../components/auth-card';
import { usePageTitle } from '../components/use-page-title';
import { confirmPasswordReset } from '../features/auth/auth-api';
import { passwordProblem } from '../features/auth/signup-form';

export default function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [isDone, setIsDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirm: '' },
    validate: {
      password: passwordProblem,
      confirm: (value, values) => (value === values.password ? null : 'The two passwords differ.'),
    },
  });

  const onSubmit = form.onSubmit(async ({ password }) => {
    setFormError(null);
    try {
      await confirmPasswordReset(token, password);
      setIsDone(true);
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
    }
  });

  if (!token) {
    return (
      <AuthCard title="Choose a new password">
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="This link is incomplete" role="alert">
          <Text size="sm">
            Open the link from the email again, or{' '}
            <Anchor component={Link} to="/forgot-password">
              ask for a new one
            </Anchor>
            .
          </Text>
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password">
      {isDone ? (
        <Stack>
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title="Password changed" role="status">
            You can now log in with your new password.
          </Alert>
          <Button component={Link} to="/login">
            Log in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Choose a new password">
          <Stack gap="md">
            {formError ? (
              <Alert
                color="red"
                icon={<IconAlertCircle aria-hidden />}
                title="Could not change the password"
                role="alert"
              >
                {formError}{' '}
                <Anchor component={Link} to="/forgot-password" size="sm">
                  Ask for a new link
                </Anchor>
              </Alert>
            ) : null}
            <PasswordInput
              label="New password"
              description="At least 10 characters, mixing letters with digits, capitals or symbols."
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" size="md" loading={form.submitting}>
              Save the new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
