import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyProblemToForm } from '../../api/form-errors';
import { login, type LoginInput } from './auth-api';
import { FormAlert } from '../../components/form-alert';

type LoginFormProps = { onLoggedIn: () => void | Promise<void> };

export function LoginForm({ onLoggedIn }: LoginFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<LoginInput>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email.'),
      password: (value) => (value ? null : 'Enter your password.'),
    },
  });

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await login({ email: values.email.trim(), password: values.password });
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
      return;
    }
    await onLoggedIn();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log in">
      <Stack gap="md">
        <FormAlert message={formError} title="Could not log you in" />
        <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
        <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
        <Group justify="flex-end">
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Group>
        <Button type="submit" size="md" loading={form.submitting}>
          Log in
        </Button>
      </Stack>
    </form>
  );
}
