import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type PageHeaderProps = {
  title: ReactNode;
  /** The heading's id, for the table or section it names (`aria-labelledby`). */
  titleId?: string;
  /** A line under the title; a string is set as dimmed text, anything else as it is. */
  description?: ReactNode;
  /** Buttons at the end of the header (create, export). */
  actions?: ReactNode;
  /** Keeps a long description to a readable line length. */
  maw?: number;
};

/** A page's h1, what the page is for, and its main actions. */
export function PageHeader({ title, titleId, description, actions, maw }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={4} maw={maw}>
        <Title order={1} id={titleId}>
          {title}
        </Title>
        {typeof description === 'string' ? <Text c="dimmed">{description}</Text> : description}
      </Stack>
      {actions}
    </Group>
  );
}
