import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type NextStep = {
  icon: ReactNode;
  title: string;
  text: string;
  /** A page that exists; without it the step is shown as coming soon. */
  to?: string;
  action?: string;
};

/** A grid of first things to do, each with one clear action or an honest "coming soon". */
export function NextSteps({ title, steps }: { title: string; steps: NextStep[] }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} fz="lg">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {steps.map((step) => (
          <Card key={step.title} bg="white">
            <Stack gap="sm" h="100%">
              <Group justify="space-between" align="flex-start">
                <ThemeIcon size={42} radius="md" variant="light" color={step.to ? 'cairn' : 'gray'} aria-hidden>
                  {step.icon}
                </ThemeIcon>
                {step.to ? null : (
                  <Badge variant="light" color="gray">
                    Coming soon
                  </Badge>
                )}
              </Group>
              <Title order={3} fz="md">
                {step.title}
              </Title>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {step.text}
              </Text>
              {step.to ? (
                <Button component={Link} to={step.to} variant="light" w="fit-content">
                  {step.action ?? step.title}
                </Button>
              ) : null}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
