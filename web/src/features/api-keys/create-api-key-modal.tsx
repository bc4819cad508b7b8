import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { CreatedApiKey, IssuerIdentifier, MemberRole } from '../../api/types';
import { CopyField } from '../../components/copy-field';
import { FormModal } from '../../components/form-modal';
import { grantableRoles } from '../orgs/roles';
import { useCreateApiKey } from './api-keys-api';

type CreateApiKeyModalProps = { slug: string; myRole: MemberRole; opened: boolean; onClose: () => void };

/** Creates a key, then shows its token once: the server keeps only a hash. */
export function CreateApiKeyModal({ slug, myRole, opened, onClose }: CreateApiKeyModalProps) {
  const create = useCreateApiKey(slug);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const form = useForm<{ name: string; role: MemberRole; issuerIdentifier: IssuerIdentifier }>({
    mode: 'controlled',
    initialValues: { name: '', role: myRole === 'owner' ? 'admin' : myRole, issuerIdentifier: 'did:web' },
    validate: { name: (value) => (value.trim() ? null : 'Name the key after what uses it, e.g. “LMS sync”.') },
  });

  const close = () => {
    setCreated(null);
    form.reset();
    onClose();
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="Create an API key"
      resultTitle="Copy your new API key"
      size="lg"
      form={form}
      submitLabel="Create key"
      onSubmit={async (values) => {
        setCreated(
          await create.mutateAsync({
            name: values.name.trim(),
            role: values.role,
            issuerIdentifier: values.issuerIdentifier,
          }),
        );
      }}
      result={
        created ? (
          <Stack gap="md">
            <Alert
              color="orange"
              icon={<IconAlertTriangle aria-hidden />}
              title="This is the only time you will see this key"
              role="alert"
            >
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
        ) : null
      }
    >
      <TextInput
        label="Name"
        description="What will use this key?"
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select
        label="Role"
        description="What the key may do. Never more than your own role."
        data={grantableRoles(myRole)
          .filter((r) => r.value !== 'owner')
          .map((r) => ({ value: r.value, label: r.label }))}
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
    </FormModal>
  );
}
