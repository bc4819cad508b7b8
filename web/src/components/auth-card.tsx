import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { CairnMark } from './cairn-mark';

type AuthCardProps = { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode };

/** The narrow centred card used by sign-up, log-in and password pages. */
export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  return (
    <Container size={460} py={{ base: 32, sm: 64 }}>
      <Stack gap="lg">
        <Stack gap={6} align="center" ta="center">
          <CairnMark size={48} />
          <Title order={1} fz={28}>
            {title}
          </Title>
          {subtitle ? <Text c="dimmed">{subtitle}</Text> : null}
        </Stack>
        <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 'xl' }}>
          {children}
        </Paper>
        {footer ? (
          <Text ta="center" size="sm">
            {footer}
          </Text>
        ) : null}
      </Stack>
    </Container>
  );
}
