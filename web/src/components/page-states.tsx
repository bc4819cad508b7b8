import { Alert, Button, Center, Group, Loader, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../api/client';

/** A page-sized loading state: a few skeleton lines, announced to screen readers. */
export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Stack gap="md" aria-busy="true" aria-label={label} role="status">
      <Skeleton height={32} width="40%" />
      <Skeleton height={16} width="70%" />
      <Skeleton height={120} />
      <Skeleton height={120} />
    </Stack>
  );
}

/** A spinner for whole-screen waits (session check, lazy route). */
export function FullScreenLoader({ label = 'Loading Cairn' }: { label?: string }) {
  return (
    <Center mih="60vh" role="status" aria-label={label} aria-busy="true">
      <Loader />
    </Center>
  );
}

type ErrorStateProps = { error: unknown; title?: string; onRetry?: () => void };

/** A failed load: the problem's detail and a way to try again. */
export function ErrorState({ error, title, onRetry }: ErrorStateProps) {
  const heading = title ?? (isApiError(error) ? error.title : 'Something went wrong');
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={heading} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry ? (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onRetry}
          >
            Try again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

type EmptyStateProps = { icon: ReactNode; title: string; children?: ReactNode; action?: ReactNode };

/** Nothing here yet: says why and points to the next step. */
export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" radius="md" bg="var(--mantine-color-gray-0)">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={3} fz="lg">
          {title}
        </Title>
        {children ? (
          <Text c="dimmed" maw={460}>
            {children}
          </Text>
        ) : null}
        {action ? <Group justify="center">{action}</Group> : null}
      </Stack>
    </Paper>
  );
}

/** A page this person's role does not open: who can, and whom to ask. */
export function RestrictedNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Alert color="orange" icon={<IconLock aria-hidden />} title={title} role="alert" maw={640}>
      {children}
    </Alert>
  );
}
