import { Checkbox, Loader, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { isApiError } from '../../api/client';
import type { WebhookInput } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { ErrorState } from '../../components/page-states';
import { groupEventTypes } from './event-groups';
import { useWebhookEventTypes } from './webhooks-api';

/** What the form holds: events as the checkboxes name them, checked against the server's list on submit. */
export type WebhookFormValues = { url: string; events: string[]; description: string };

type WebhookFormModalProps = {
  opened: boolean;
  title: string;
  submitLabel: string;
  initialValues?: WebhookFormValues;
  onSubmit: (values: WebhookInput) => Promise<void>;
  onClose: () => void;
};

const EMPTY: WebhookFormValues = { url: '', events: [], description: '' };

// A refused URL's detail says why (a private address, plain http): worth more than the field's short note.
const describeUrlRefusal = (error: unknown, message: string | null) =>
  message ?? (isApiError(error) && error.errors.some((e) => e.field === 'url') ? error.userMessage : null);

/** The URL, the events (grouped checkboxes) and a description of an endpoint: for creating and editing. */
export function WebhookFormModal({
  opened,
  title,
  submitLabel,
  initialValues = EMPTY,
  onSubmit,
  onClose,
}: WebhookFormModalProps) {
  const eventTypes = useWebhookEventTypes();
  const form = useForm<WebhookFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      url: (value) =>
        /^https?:\/\/\S+$/i.test(value.trim())
          ? null
          : 'Enter the full URL of your receiver, like https://hooks.example.org/cairn',
      events: (value) => (value.length > 0 ? null : 'Pick at least one event'),
    },
  });

  // Opening again (another endpoint, or after a cancel) starts from that endpoint's values.
  useEffect(() => {
    if (opened) {
      form.setValues(initialValues);
      form.resetDirty(initialValues);
      form.clearErrors();
    }
  }, [opened]);

  const submit = (values: WebhookFormValues) => {
    const events = (eventTypes.data ?? []).filter((type) => values.events.includes(type));
    return onSubmit({ url: values.url.trim(), events, description: values.description.trim() });
  };

  const groups = groupEventTypes(eventTypes.data ?? []);
  const chosen = form.values.events;
  const setGroup = (types: string[], isOn: boolean) =>
    form.setFieldValue('events', isOn ? [...new Set([...chosen, ...types])] : chosen.filter((t) => !types.includes(t)));

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={title}
      form={form}
      onSubmit={submit}
      submitLabel={submitLabel}
      describeError={describeUrlRefusal}
      size="xl"
    >
      <TextInput
        label="Endpoint URL"
        description="Where Cairn POSTs events. https, on a public address."
        placeholder="https://hooks.example.org/cairn"
        required
        data-autofocus
        {...form.getInputProps('url')}
      />
      <Stack gap={6}>
        <Text fw={500} size="sm" id="webhook-events-label">
          Events <span aria-hidden>*</span>
        </Text>
        {eventTypes.isPending ? <Loader size="sm" aria-label="Loading event types" /> : null}
        {eventTypes.isError ? <ErrorState error={eventTypes.error} onRetry={() => void eventTypes.refetch()} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" role="group" aria-labelledby="webhook-events-label">
          {groups.map((group) => {
            const selected = group.types.filter((t) => chosen.includes(t));
            return (
              <Stack key={group.key} gap={6}>
                <Checkbox
                  label={
                    <Text fw={600} size="sm">
                      {group.label}
                    </Text>
                  }
                  aria-label={`All ${group.label} events`}
                  checked={selected.length === group.types.length}
                  indeterminate={selected.length > 0 && selected.length < group.types.length}
                  onChange={(e) => setGroup(group.types, e.currentTarget.checked)}
                />
                <Stack gap={4} pl="lg">
                  {group.types.map((type) => (
                    <Checkbox
                      key={type}
                      label={
                        <Text size="sm" ff="monospace">
                          {type}
                        </Text>
                      }
                      aria-label={type}
                      checked={chosen.includes(type)}
                      onChange={(e) => setGroup([type], e.currentTarget.checked)}
                    />
                  ))}
                </Stack>
              </Stack>
            );
          })}
        </SimpleGrid>
        {form.errors.events ? (
          <Text size="sm" c="red.8" role="alert">
            {form.errors.events}
          </Text>
        ) : null}
      </Stack>
      <Textarea
        label="Description"
        description="Optional: what receives these events."
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}
