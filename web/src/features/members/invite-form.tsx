import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { applyProblemToForm } from '../../api/form-errors';
import type { CreatedInvitation, MemberRole } from '../../api/types';
import { CopyField } from '../../components/copy-field';
import { grantableRoles } from '../orgs/roles';
import { absoluteUrl, useInvite } from './members-api';
import { FormAlert } from '../../components/form-alert';

type InviteFormProps = { slug: string; myRole: MemberRole };

/** Invites someone by email, then shows the accept link (the demo sends no mail). */
export function InviteForm({ slug, myRole }: InviteFormProps) {
  const invite = useInvite(slug);
  const [sent, setSent] = useState<CreatedInvitation | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ email: string; role: MemberRole }>({
    mode: 'controlled',
    initialValues: { email: '', role: 'viewer' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address like name@example.org.'),
    },
  });
  const grantable = grantableRoles(myRole);
  const roleOptions = grantable.map((r) => ({ value: r.value, label: r.label }));

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    setSent(null);
    try {
      const created = await invite.mutateAsync({ email: values.email.trim(), role: values.role });
      setSent(created);
      form.setFieldValue('email', '');
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
    }
  });

  return (
    <Stack gap="md">
      <form onSubmit={onSubmit} noValidate aria-label="Invite a member">
        <Stack gap="sm">
          <FormAlert message={formError} title="Could not send the invitation" />
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label="Email"
              type="email"
              autoComplete="off"
              required
              miw={220}
              size="sm"
              {...form.getInputProps('email')}
            />
            <Select
              label="Role"
              data={roleOptions}
              allowDeselect={false}
              required
              miw={200}
              size="sm"
              renderOption={({ option }) => (
                <div>
                  <Text size="sm" fw={600}>
                    {option.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {grantable.find((r) => r.value === option.value)?.description}
                  </Text>
                </div>
              )}
              {...form.getInputProps('role')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={form.submitting}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
      {sent ? (
        <Alert
          color="teal"
          icon={<IconMailCheck aria-hidden />}
          title={`Invitation created for ${sent.email}`}
          role="status"
        >
          <Stack gap="xs">
            <Text size="sm">
              This demo has no mail server, so send this link yourself. It works once, for {sent.email}, until it
              expires.
            </Text>
            <CopyField value={absoluteUrl(sent.acceptUrl)} label="invitation link" />
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
