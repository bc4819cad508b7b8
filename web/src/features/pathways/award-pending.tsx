import { Group, Loader, Paper, Stack, Text } from '@mantine/core';

/**
 * Every requirement is met and the pathway credential is being signed in the background. The
 * page asks again every 1.5 s and replaces this with the award; screen readers hear it once.
 */
export function AwardPending({ name }: { name: string }) {
  return (
    <Paper withBorder p="md" bg="white" role="status" aria-live="polite">
      <Group gap="sm" wrap="nowrap">
        <Loader size="sm" color="teal" aria-hidden />
        <Stack gap={0}>
          <Text fw={700}>Issuing your credential…</Text>
          <Text size="sm" c="dimmed">
            You met every requirement of {name}. Your pathway credential and its CLR record are being signed; this page
            updates by itself in a moment.
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
