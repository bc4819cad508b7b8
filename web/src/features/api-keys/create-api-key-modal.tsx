import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { applyProblemToForm } from '../../api/form-errors';
import type { CreatedApiKey, IssuerIdentifier, MemberRole } from '../../api/types';
import { CopyField } from '../../components/copy-field';
import { grantableRoles } from '../orgs/roles';
import { useCreateApiKey } from './api-keys-api';

type CreateApiKeyModalProps = { slug: string; myRole: MemberRole; opened: boolean; onClose: () => void };

/** Creates a key, then shows its token once: the server keeps only a hash. */
export function CreateApiKeyModal({ slug, myRole, opened, onClose }: CreateApiKeyModalProps) {
  const create = useCreateApiKey(slug);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ name: string; role: MemberRole; issuerIdentifier: IssuerIdentifier }>({
    mode: 'controlled',
    initialValues: { name: '', role: myRole === 'owner' ? 'admin' : myRole, issuerIdentifier: 'did:web' },
    validate: { name: (value) => (value.trim() ? null : 'Name the key after what uses it, e.g. “LMS sync”.') },
  });

  const close = () => {
    setCreated(null);
    setFormError(null);
    form.reset();
    onClose();
  };

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      setCreated(await create.mutateAsync({ name: values.name.trim(), role: values.role, issuerIdentifier: values.issuerIdentifier }));
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{created ? 'Copy your new API key' : 'Create an API key'}</Text>}
      centered
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="This is the only time you will see this key" role="alert">
            Store it somewhere safe, such as your secret manager. If you lose it, revoke it and create a new one.
          </Alert>
          <CopyField value={created.token} label="API key" />
          <Text size="sm" c="dimmed">
            Send it as <code>Authorization: Bearer …</code>. It acts as {created.role} for this organisation.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>I have stored it</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Create an API key">
          <Stack gap="md">
            {formError ? (
              <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                {formError}
              </Alert>
            ) : null}
            <TextInput label="Name" description="What will use this key?" required data-autofocus {...form.getInputProps('name')} />
            <Select
              label="Role"
              description="What the key may do. Never more than your own role."
              data={grantableRoles(myRole).filter((r) => r.value !== 'owner').map((r) => ({ value: r.value, label: r.label }))}
              allowDeselect={false}
              required
              {...form.getInputProps('role')}
            />
            <Select
              label="Signs credentials as"
              description="The identifier credentials issued with this key name as their issuer. A request can still choose with options.issuerIdentifier."
              data={[
                { value: 'did:web', label: 'did:web (this organisation’s address; keys can rotate)' },
                { value: 'did:key', label: 'did:key (one fixed key; verifies offline)' },
              ]}
              allowDeselect={false}
              required
              {...form.getInputProps('issuerIdentifier')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
