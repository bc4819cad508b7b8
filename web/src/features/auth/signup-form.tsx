import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { applyProblemToForm } from '../../api/form-errors';
import { signup, type SignupInput } from './auth-api';
import { FormAlert } from '../../components/form-alert';

type SignupFormProps = { initialEmail?: string; onSignedUp: () => void | Promise<void> };

/** A password the server will take: at least 10 characters, not all of one kind. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Use at least 10 characters.';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 2) return 'Mix letters with digits, capitals or symbols.';
  return null;
}

export function SignupForm({ initialEmail = '', onSignedUp }: SignupFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignupInput>({
    mode: 'controlled',
    initialValues: { name: '', email: initialEmail, password: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name.'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address like name@example.org.'),
      password: passwordProblem,
    },
  });

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await signup({ name: values.name.trim(), email: values.email.trim(), password: values.password });
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
      return;
    }
    await onSignedUp();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign up">
      <Stack gap="md">
        <FormAlert message={formError} title="Could not create your account" />
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <PasswordInput
          label="Password"
          description="At least 10 characters, mixing letters with digits, capitals or symbols."
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" size="md" loading={form.submitting}>
          Create account
        </Button>
      </Stack>
    </form>
  );
}
