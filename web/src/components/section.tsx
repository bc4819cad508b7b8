import { Card, Group, Paper, Stack, Title, type MantineSpacing, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

type SectionProps = {
  title: ReactNode;
  /** The h2's id: the section (and a table inside it) is named after it. */
  titleId: string;
  /** Beside the heading: a button, a badge, a count. */
  actions?: ReactNode;
  /** `paper`: a bordered white panel; `card`: a white card; `plain`: no frame, on the page itself. */
  frame?: 'paper' | 'card' | 'plain';
  gap?: MantineSpacing;
  /** The panel's padding (`paper` only). */
  padding?: PaperProps['p'];
  children: ReactNode;
};

/** A titled part of a page: a `section` named by its h2, with optional actions beside the heading. */
export function Section({
  title,
  titleId,
  actions,
  frame = 'plain',
  gap = 'sm',
  padding = 'lg',
  children,
}: SectionProps) {
  const heading = (
    <Title order={2} fz="lg" id={titleId}>
      {title}
    </Title>
  );
  const content = (
    <>
      {actions ? (
        <Group justify="space-between">
          {heading}
          {actions}
        </Group>
      ) : (
        heading
      )}
      {children}
    </>
  );
  if (frame === 'plain') {
    return (
      <Stack gap={gap} component="section" aria-labelledby={titleId}>
        {content}
      </Stack>
    );
  }
  const body = <Stack gap={gap}>{content}</Stack>;
  return frame === 'card' ? (
    <Card bg="white" component="section" aria-labelledby={titleId}>
      {body}
    </Card>
  ) : (
    <Paper withBorder p={padding} bg="white" component="section" aria-labelledby={titleId}>
      {body}
    </Paper>
  );
}
